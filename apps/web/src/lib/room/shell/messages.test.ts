import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../../../messages/room/${locale}.json`, import.meta.url), 'utf8'));
const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the room catalogue', () => {
  const fr = read('fr');

  it('prefixes every key with room_', () => {
    const keys = Object.keys(fr).filter((key) => key !== '$schema');
    expect(keys.filter((key) => !key.startsWith('room_'))).toEqual([]);
  });

  for (const locale of ['en', 'de']) {
    it(`has every French message in ${locale}, with the same placeholders`, () => {
      const other = read(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr)) {
        expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
      }
    });
  }
});
