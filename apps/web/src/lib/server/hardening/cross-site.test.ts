import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './cross-site.ts';

const url = new URL('https://atelier.example/workshops/1/settings?/status');
const unsubscribe = new URL('https://atelier.example/unsubscribe/abc');

function post(headers: Record<string, string>, method = 'POST') {
  return new Request(url, { method, headers, body: 'a=1' });
}

describe('the cross-site form check', () => {
  it('refuses a form posted from another site, or without an Origin', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const request = post(origin ? { ...form, origin } : form);
      expect(isForbiddenCrossSiteForm({ request, url, routeId: '/(app)/workshops/[id]/settings' })).toBe(
        true,
      );
    }
  });

  it('lets the app’s own forms, reads and non-form bodies through', () => {
    const request = post({ 'content-type': 'multipart/form-data; boundary=x', origin: url.origin });
    expect(isForbiddenCrossSiteForm({ request, url, routeId: '/login' })).toBe(false);
    const read = new Request(url, { headers: { origin: 'https://evil.example' } });
    expect(isForbiddenCrossSiteForm({ request: read, url, routeId: '/login' })).toBe(false);
    const json = post({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(isForbiddenCrossSiteForm({ request: json, url, routeId: '/login' })).toBe(false);
  });

  it('lets a mail provider’s one-click unsubscribe through, and nothing else on that route', () => {
    const form = { 'content-type': 'multipart/form-data; boundary=x' };
    const request = new Request(unsubscribe, { method: 'POST', headers: form, body: '' });
    expect(isForbiddenCrossSiteForm({ request, url: unsubscribe, routeId: '/unsubscribe/[token]' })).toBe(
      false,
    );
    const put = new Request(unsubscribe, { method: 'PUT', headers: form, body: '' });
    expect(
      isForbiddenCrossSiteForm({ request: put, url: unsubscribe, routeId: '/unsubscribe/[token]' }),
    ).toBe(true);
  });
});
