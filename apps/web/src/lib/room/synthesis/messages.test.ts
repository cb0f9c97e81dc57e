import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (locale: string): Record<string, string> => {
  const url = new URL(`../../../../messages/synthesis/${locale}.json`, import.meta.url);
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
  return messages;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the synthesis, versions and scenarios catalogue', () => {
  const fr = read('fr');

  it('prefixes every key with synthesis_, versions_ or scenarios_', () => {
    expect(Object.keys(fr).filter((key) => !/^(synthesis|versions|scenarios)_/.test(key))).toEqual([]);
  });

  for (const locale of ['en', 'de']) {
    it(`has every French message in ${locale}, translated, with the same placeholders`, () => {
      const other = read(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr)) {
        expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
        expect(other[key]?.trim(), key).not.toBe('');
      }
    });
  }
});
