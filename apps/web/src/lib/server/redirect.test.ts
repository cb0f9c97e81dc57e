import { describe, expect, it } from 'vitest';
import { DEFAULT_REDIRECT, safeRedirectTarget } from './redirect.ts';

describe('safeRedirectTarget', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeRedirectTarget('/workshops?status=live')).toBe('/workshops?status=live');
    expect(safeRedirectTarget('/workshops/0b7a/scenarios#map')).toBe('/workshops/0b7a/scenarios#map');
    expect(safeRedirectTarget('/invite/abc', '/')).toBe('/invite/abc');
  });

  it('sends what it checked: the path as a browser normalises it', () => {
    expect(safeRedirectTarget('/workshops/./x/../y')).toBe('/workshops/y');
    expect(safeRedirectTarget('/atelier é')).toBe('/atelier%20%C3%A9');
  });

  // Each of these, followed by a browser from a page of this site, would leave it.
  const attacks: [string, string][] = [
    ['absolute URL', 'https://evil.example/'],
    ['scheme-relative', '//evil.example/'],
    ['three slashes', '///evil.example/'],
    ['backslash after the slash', '/\\evil.example'],
    ['backslash only', '\\\\evil.example'],
    ['tab between the slashes (decoded %2F%09%2F)', '/\t/evil.example'],
    ['newline between the slashes', '/\n/evil.example'],
    ['carriage return between the slashes', '/\r/evil.example'],
    ['leading space', ' //evil.example'],
    ['leading tab', '\t//evil.example'],
    ['NUL byte', '/\u0000/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['dot segments that collapse to //', '/..//evil.example'],
    ['single dot segment', '/.//evil.example'],
    ['encoded dot segments', '/%2e%2e//evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['scheme without slashes', 'https:evil.example'],
    ['header injection', '/workshops\r\nSet-Cookie: atelier_session=stolen'],
    ['relative path', 'evil.example'],
    ['overlong', `/${'a'.repeat(2000)}`],
  ];
  for (const [name, target] of attacks) {
    it(`falls back to ${DEFAULT_REDIRECT} for ${name}`, () => {
      expect(safeRedirectTarget(target)).toBe(DEFAULT_REDIRECT);
    });
  }

  it('keeps encoded separators encoded, so the browser stays on this site', () => {
    // The raw query value `%2F%09%2Fevil.example` arrives decoded as "/\t/evil.example" (refused
    // above); doubly encoded, it is a path of this site with a literal "%09" in it.
    expect(safeRedirectTarget('/%09/evil.example')).toBe('/%09/evil.example');
    expect(safeRedirectTarget('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeRedirectTarget('/%5Cevil.example')).toBe('/%5Cevil.example');
  });

  it('reads a query string the way the login page does', () => {
    const url = new URL('http://localhost/login?redirectTo=%2F%09%2Fevil.example');
    expect(safeRedirectTarget(url.searchParams.get('redirectTo'))).toBe(DEFAULT_REDIRECT);
  });

  it('falls back for what is not text', () => {
    expect(safeRedirectTarget(null)).toBe(DEFAULT_REDIRECT);
    expect(safeRedirectTarget(undefined, '/')).toBe('/');
    expect(safeRedirectTarget(new File(['/x'], 'x.txt'))).toBe(DEFAULT_REDIRECT);
  });
});
