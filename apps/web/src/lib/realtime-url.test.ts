import { describe, expect, it } from 'vitest';
import { realtimeBaseUrl } from './realtime-url.ts';

describe('realtimeBaseUrl', () => {
  const page = { protocol: 'https:', hostname: 'atelier.example' };
  it('uses REALTIME_PUBLIC_URL when set, without a trailing slash', () => {
    expect(realtimeBaseUrl({ url: 'https://live.example/', port: 3001 }, page)).toBe('https://live.example');
  });
  it("otherwise reaches the page's own host at REALTIME_PORT, with the page's protocol", () => {
    expect(realtimeBaseUrl({ url: null, port: 3101 }, page)).toBe('https://atelier.example:3101');
  });
});
