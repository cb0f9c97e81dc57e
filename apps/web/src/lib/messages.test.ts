import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8'));

describe('messages', () => {
  const fr = read('fr');

  for (const locale of ['en', 'de']) {
    it(`has every French message in ${locale}, with the same placeholders`, () => {
      const other = read(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr)) {
        const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
      }
    });
  }
});
