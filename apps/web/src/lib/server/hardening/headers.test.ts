import { describe, expect, it } from 'vitest';
import { addSources, applySecurityHeaders, realtimeSources } from './headers.ts';

describe('realtimeSources', () => {
  it('is the page host at the realtime port, over HTTP and WebSocket', () => {
    const pageUrl = new URL('http://atelier.local:3000/workshops');
    expect(realtimeSources({ port: 3001, pageUrl })).toEqual([
      'http://atelier.local:3001',
      'ws://atelier.local:3001',
    ]);
  });

  it('is the origin of REALTIME_PUBLIC_URL when set, secure when it is', () => {
    const pageUrl = new URL('https://atelier.example.org/');
    expect(realtimeSources({ port: 3001, publicUrl: 'https://live.example.org/socket/', pageUrl })).toEqual([
      'https://live.example.org',
      'wss://live.example.org',
    ]);
  });
});

describe('addSources', () => {
  it('appends to an existing directive, once', () => {
    const policy = "default-src 'self'; connect-src 'self'; frame-ancestors 'none'";
    const once = addSources(policy, 'connect-src', ['ws://h:1', 'http://h:1']);
    expect(once).toBe("default-src 'self'; connect-src 'self' ws://h:1 http://h:1; frame-ancestors 'none'");
    expect(addSources(once, 'connect-src', ['ws://h:1'])).toBe(once);
  });

  it('adds a missing directive', () => {
    expect(addSources("default-src 'self'", 'connect-src', ['ws://h:1'])).toBe(
      "default-src 'self'; connect-src ws://h:1",
    );
  });
});

describe('applySecurityHeaders', () => {
  const realtime = { port: 3001 };

  it('marks responses no-store, unless they chose their own caching', () => {
    const page = new Response('x');
    applySecurityHeaders(page, { url: new URL('http://localhost:3000/workshops'), realtime });
    expect(page.headers.get('cache-control')).toBe('no-store');
    const file = new Response('x', { headers: { 'cache-control': 'private, max-age=60' } });
    applySecurityHeaders(file, { url: new URL('http://localhost:3000/x'), realtime });
    expect(file.headers.get('cache-control')).toBe('private, max-age=60');
  });

  it('sends HSTS over HTTPS only', () => {
    const plain = new Response('x');
    applySecurityHeaders(plain, { url: new URL('http://localhost:3000/'), realtime });
    expect(plain.headers.has('strict-transport-security')).toBe(false);
    const secure = new Response('x');
    applySecurityHeaders(secure, { url: new URL('https://atelier.example.org/'), realtime });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it("adds the realtime server to a page's policy", () => {
    const page = new Response('x', { headers: { 'content-security-policy': "connect-src 'self'" } });
    applySecurityHeaders(page, { url: new URL('http://localhost:3000/'), realtime });
    expect(page.headers.get('content-security-policy')).toBe(
      "connect-src 'self' http://localhost:3001 ws://localhost:3001",
    );
  });
});
