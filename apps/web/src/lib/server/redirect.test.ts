import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect.ts';

describe('safeRedirectTarget', () => {
  it('keeps a path of this site', () => {
    expect(safeRedirectTarget('/workshops?status=live')).toBe('/workshops?status=live');
  });

  it('refuses to send the browser to another site', () => {
    expect(safeRedirectTarget('https://evil.example/')).toBe('/');
    expect(safeRedirectTarget('//evil.example/')).toBe('/');
    expect(safeRedirectTarget('/\\evil.example')).toBe('/');
    expect(safeRedirectTarget(null, '/workshops')).toBe('/workshops');
  });
});
