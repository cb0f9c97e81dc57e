// What a "device" is for the sign-in alert (issue 20): the browser that carries the
// long-lived `atelier_device` cookie (a random token, HttpOnly, renewed at each sign-in), taken
// together with its browser family from the User-Agent. A sign-in without that cookie (another
// browser, a private window, cookies cleared) or with a browser family the person never used it
// with, is from a new device. The alert shows the family and an approximate address only.
import { sessions } from '@atelier/db';
import type { RequestEvent } from '@sveltejs/kit';

export const DEVICE_COOKIE = 'atelier_device';
/** Browsers cap a cookie's life at 400 days; it is renewed at each sign-in. */
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** The device of a sign-in: its cookie's token (new when it had none) and browser family. */
export interface Device {
  token: string;
  family: BrowserFamily;
}

/** A browser and its operating system as families ('other' when not recognised). */
export interface BrowserFamily {
  browser: string;
  os: string;
}

// Order matters: Edge, Opera, Samsung Internet and Vivaldi also say Chrome; Chrome says Safari.
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\b(?:Headless)?Chrome\/|\bChromium\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];
const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * The browser and system families of a User-Agent, without versions (a browser's update is
 * not a new device).
 *
 * @example browserFamily('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')
 * // { browser: 'Firefox', os: 'Windows' }
 */
export function browserFamily(userAgent: string | undefined): BrowserFamily {
  const ua = userAgent ?? '';
  const find = (list: readonly [RegExp, string][]) =>
    list.find(([pattern]) => pattern.test(ua))?.[1] ?? 'other';
  return { browser: find(BROWSERS), os: find(SYSTEMS) };
}

/** How the family is stored with the device: one short text. */
export function familyKey(family: BrowserFamily): string {
  return `${family.browser} · ${family.os}`;
}

/**
 * An address with its host part hidden: an IPv4 address's last byte ('192.0.2.x'), all of an
 * IPv6 address but its first 48 bits ('2001:db8:1234::/48'). Enough to recognise one's own
 * network or country's provider; no geolocation is looked up.
 *
 * @example approximateAddress('::ffff:203.0.113.42') // '203.0.113.x'
 */
export function approximateAddress(ip: string | undefined): string {
  if (!ip) return '';
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (!/^[0-9a-f:]+$/i.test(ip)) return '';
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 3).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${prefix.join(':')}::/48`;
}

/** The device of this request: the token of its device cookie (a new one if it has none). */
export function deviceOf(event: Pick<RequestEvent, 'cookies' | 'request'>): Device {
  const given = event.cookies.get(DEVICE_COOKIE);
  const token = given && /^[a-z2-7]{32}$/.test(given) ? given : sessions.generateToken();
  return { token, family: browserFamily(event.request.headers.get('user-agent') ?? undefined) };
}

/** Sets (or renews) the device cookie once a session was opened with it. */
export function setDeviceCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, device: Device): void {
  event.cookies.set(DEVICE_COOKIE, device.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
