import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESENTER_COMMANDS } from './shortcuts.ts';

const read = (folder: string, locale: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../../messages/${folder}/${locale}.json`, import.meta.url), 'utf8'));
const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

for (const [folder, prefixes] of [
  ['guests', ['guest_', 'guests_']],
  ['present', ['present_']],
] as const) {
  describe(`the ${folder} catalogue`, () => {
    const fr = read(folder, 'fr');

    it(`prefixes every key with ${prefixes.join(' or ')}`, () => {
      const keys = Object.keys(fr).filter((key) => key !== '$schema');
      expect(keys.filter((key) => !prefixes.some((prefix) => key.startsWith(prefix)))).toEqual([]);
    });

    for (const locale of ['en', 'de']) {
      it(`has every French message in ${locale}, with the same placeholders`, () => {
        const other = read(folder, locale);
        expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
        for (const [key, text] of Object.entries(fr)) {
          expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
        }
      });
    }
  });
}

describe('the presenter shortcuts', () => {
  it('has a label for every command', () => {
    const fr = read('present', 'fr');
    for (const command of PRESENTER_COMMANDS.filter((c) => c !== 'toggleSound')) {
      expect(fr[`present_cmd_${command}`], command).toBeTruthy();
    }
  });
});
