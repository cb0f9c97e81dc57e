import { describe, expect, it } from 'vitest';
import { approximateAddress, browserFamily } from './devices.ts';

describe('a device’s browser family', () => {
  it('names the browser and system, whatever the version', () => {
    const cases: [string, string, string][] = [
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
        'Firefox',
        'Windows',
      ],
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
        'Edge',
        'Windows',
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
        'Safari',
        'macOS',
      ],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
        'Safari',
        'iOS',
      ],
      [
        'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
        'Samsung Internet',
        'Android',
      ],
      [
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
        'Chrome',
        'Linux',
      ],
    ];
    for (const [ua, browser, os] of cases) expect(browserFamily(ua)).toEqual({ browser, os });
    expect(browserFamily(undefined)).toEqual({ browser: 'other', os: 'other' });
  });
});

describe('an approximate address', () => {
  it('hides the host part of IPv4 and IPv6 addresses', () => {
    expect(approximateAddress('203.0.113.42')).toBe('203.0.113.x');
    expect(approximateAddress('::ffff:127.0.0.1')).toBe('127.0.0.x');
    expect(approximateAddress('2001:db8:1234:5678::1')).toBe('2001:db8:1234::/48');
    expect(approximateAddress('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(approximateAddress('::1')).toBe('0:0:0::/48');
    expect(approximateAddress('not an address')).toBe('');
  });
});
