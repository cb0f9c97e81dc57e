import { describe, expect, it } from 'vitest';
import { screenRequest } from './inputs.ts';
import { cleanText } from './text.ts';

const url = 'http://localhost/workshops/new';

function urlencoded(body: string) {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

describe('screenRequest', () => {
  it('lets a clean form through untouched', async () => {
    const request = urlencoded('title=Soudure%20TIG&description=Ligne%201%0ALigne%202');
    const screened = await screenRequest(request);
    expect(screened).toEqual({ ok: true, request });
    // The action can still read the body.
    expect((await request.formData()).get('title')).toBe('Soudure TIG');
  });

  it('refuses a NUL byte in any text field with a 400', async () => {
    const screened = await screenRequest(urlencoded('title=ok&description=avant%00apr%C3%A8s'));
    expect(screened).toEqual({ ok: false, problem: { status: 400, code: 'nul_byte' } });
  });

  it('refuses a NUL byte in a field name', async () => {
    const screened = await screenRequest(urlencoded('ti%00tle=x'));
    expect(screened.ok).toBe(false);
  });

  it('removes other control characters before anything reads the form', async () => {
    const screened = await screenRequest(urlencoded('title=Soudeur%07%1B%5B31m&notes=a%0Bb%09c%0D%0Ad'));
    expect(screened.ok).toBe(true);
    if (!screened.ok) return;
    const form = await screened.request.formData();
    expect(form.get('title')).toBe('Soudeur[31m');
    // Re-encoded as multipart, line breaks become CRLF, as a browser sends a textarea's.
    expect(form.get('notes')).toBe('a\r\nb\tc\r\nd');
  });

  it('keeps files, and cleans their names', async () => {
    const form = new FormData();
    form.append('file', new File(['commune;besoin\n57463;3\n'], 'besoins\u0007.csv', { type: 'text/csv' }));
    const screened = await screenRequest(new Request(url, { method: 'POST', body: form }));
    expect(screened.ok).toBe(true);
    if (!screened.ok) return;
    const file = (await screened.request.formData()).get('file') as File;
    expect(file.name).toBe('besoins.csv');
    expect(await file.text()).toBe('commune;besoin\n57463;3\n');
  });

  it('refuses a multipart body that does not parse with a 400', async () => {
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated',
    });
    expect(await screenRequest(request)).toEqual({ ok: false, problem: { status: 400, code: 'unreadable' } });
  });

  it('refuses a multipart content type without a boundary with a 400', async () => {
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'title=x',
    });
    expect(await screenRequest(request)).toEqual({ ok: false, problem: { status: 400, code: 'unreadable' } });
  });

  it('refuses JSON and other content types with a 415', async () => {
    for (const type of ['application/json', 'text/plain', 'application/xml']) {
      const request = new Request(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"a":1}',
      });
      expect(await screenRequest(request)).toEqual({
        ok: false,
        problem: { status: 415, code: 'content_type' },
      });
    }
    const bare = new Request(url, { method: 'POST' });
    expect((await screenRequest(bare)).ok).toBe(false);
  });

  it('leaves reads alone', async () => {
    const request = new Request(`${url}?q=%00`);
    expect(await screenRequest(request)).toEqual({ ok: true, request });
  });
});

describe('cleanText', () => {
  it('turns word-processor breaks into line breaks and drops the rest', () => {
    expect(cleanText('Soudeur\u000bTIG\u0007')).toBe('Soudeur\nTIG');
    expect(cleanText('page\u000cdeux')).toBe('page\ndeux');
    expect(cleanText('C1\u0085 control')).toBe('C1 control');
    expect(cleanText('Zoé — Metz, 57000\ttab\r\n')).toBe('Zoé — Metz, 57000\ttab\r\n');
  });
});
