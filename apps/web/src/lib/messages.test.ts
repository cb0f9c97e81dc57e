import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every catalogue Paraglide compiles (pages, e-mails, the lab...), as the inlang project lists them:
// a catalogue added there is checked here the day it is added.
const settings = JSON.parse(
  readFileSync(new URL('../../project.inlang/settings.json', import.meta.url), 'utf8'),
) as { baseLocale: string; locales: string[]; 'plugin.inlang.messageFormat': { pathPattern: string[] } };
const patterns = settings['plugin.inlang.messageFormat'].pathPattern;

const read = (pattern: string, locale: string): Record<string, unknown> => {
  const { $schema: _, ...messages } = JSON.parse(
    readFileSync(new URL(`../../${pattern.replace('{locale}', locale)}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  return messages;
};

/** Every text of a message (one string, or each variant of a plural), for its placeholders. */
const texts = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap((variant: { match?: Record<string, string> }) => Object.values(variant.match ?? {}))
      : [];
const placeholders = (value: unknown) =>
  [...new Set(texts(value).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('the Paraglide catalogues', () => {
  it('are listed for French, English and German', () => {
    expect(settings.baseLocale).toBe('fr');
    expect([...settings.locales].sort()).toEqual(['de', 'en', 'fr']);
    expect(patterns.length).toBeGreaterThan(1);
  });

  for (const pattern of patterns)
    for (const locale of settings.locales.filter((locale) => locale !== settings.baseLocale)) {
      it(`${pattern}: every French message in ${locale}, not empty, with the same placeholders`, () => {
        const fr = read(pattern, settings.baseLocale);
        const other = read(pattern, locale);
        expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
        for (const [key, value] of Object.entries(fr)) {
          expect(texts(other[key]).length, `${locale} ${key}`).toBeGreaterThan(0);
          for (const text of texts(other[key])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
          expect(placeholders(other[key]), key).toEqual(placeholders(value));
        }
      });
    }
});

describe('counted words', () => {
  it('say "1 zone" and "2 zones" in the map legend, in each language', async () => {
    const { m } = await import('$lib/paraglide/messages.js');
    const count = (n: number, locale: 'fr' | 'en' | 'de') => m.map_legend_count({ count: n }, { locale });
    expect([count(1, 'fr'), count(2, 'fr'), count(0, 'fr')]).toEqual(['1 zone', '2 zones', '0 zone']);
    expect([count(1, 'en'), count(2, 'en'), count(0, 'en')]).toEqual(['1 zone', '2 zones', '0 zones']);
    expect([count(1, 'de'), count(12, 'de')]).toEqual(['1 Zone', '12 Zonen']);
  });
});
