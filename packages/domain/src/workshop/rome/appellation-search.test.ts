import { beforeAll, describe, expect, it } from 'vitest';
import { APPELLATION_ROWS, APPELLATION_SOURCE } from './appellation-rows.ts';
import { createAppellationIndex, type AppellationIndex } from './appellation-search.ts';
import { findAppellationByLabel, listAppellations, resolveRomeCode } from './appellations.ts';
import { findRomeOccupation } from './rome.ts';

describe('the bundled ROME appellations', () => {
  it('are France Travail’s, of the fiches the project knows, with their source', () => {
    expect(APPELLATION_SOURCE).toMatch(/France Travail, ROME v4\.60.*Licence Ouverte/);
    const all = listAppellations();
    expect(all.length).toBeGreaterThan(7000);
    expect(all.every((a) => findRomeOccupation(a.romeCode) !== undefined)).toBe(true);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(APPELLATION_ROWS.split('\n')).toHaveLength(all.length);
  });

  it('resolves what people write to the fiche a need carries', () => {
    expect(resolveRomeCode('Soudeur / Soudeuse Tungsten Inert Gas -TIG-')).toBe('H2913');
    expect(resolveRomeCode('cariste')).toBe('N1101');
    expect(resolveRomeCode('AIDE-SOIGNANT / AIDE-SOIGNANTE')).toBe('J1501');
    expect(resolveRomeCode('h2913')).toBe('H2913');
    expect(resolveRomeCode('H2913 — Soudage manuel')).toBe('H2913');
    expect(resolveRomeCode('Chaudronnier / Chaudronnière (H2902)')).toBe('H2902');
    expect(resolveRomeCode('Soudage manuel')).toBe('H2913');
    expect(resolveRomeCode('Z9999')).toBeUndefined();
    expect(resolveRomeCode('astronaute')).toBeUndefined();
    expect(findAppellationByLabel('Cariste')?.principal).toBe(true);
  });
});

describe('searching occupations in everyday words', () => {
  let index: AppellationIndex;
  const first = (query: string) => index.search(query, { limit: 1 })[0]?.appellation;
  const labels = (query: string, limit = 5) =>
    index.search(query, { limit }).map((hit) => hit.appellation.label);

  beforeAll(() => {
    index = createAppellationIndex(listAppellations());
  });

  it('offers TIG welding first for "soudeur", then the other welding titles, all of fiche H2913 first', () => {
    const hits = index.search('soudeur', { limit: 5 });
    expect(hits[0]?.appellation.label).toBe('Soudeur / Soudeuse Tungsten Inert Gas -TIG-');
    expect(hits[0]?.appellation.romeCode).toBe('H2913');
    expect(hits.map((hit) => hit.appellation.label)).toContain('Soudeur / Soudeuse');
    expect(hits.slice(0, 3).every((hit) => hit.appellation.romeCode === 'H2913')).toBe(true);
  });

  it('forgives a typo: "soudeurr", "chaudronier"', () => {
    expect(first('soudeurr')?.label).toBe('Soudeur / Soudeuse Tungsten Inert Gas -TIG-');
    expect(first('chaudronier')?.label).toBe('Chaudronnier / Chaudronnière');
  });

  it('finds the plain title first for "cariste", "chaudronnier" and "aide-soignante"', () => {
    expect(first('cariste')).toMatchObject({ label: 'Cariste', romeCode: 'N1101' });
    expect(first('chaudronnier')).toMatchObject({ label: 'Chaudronnier / Chaudronnière', romeCode: 'H2902' });
    expect(first('aide-soignante')).toMatchObject({
      label: 'Aide-soignant / Aide-soignante',
      romeCode: 'J1501',
    });
  });

  it('ignores accents and case, and matches a word being typed', () => {
    expect(first('MACON')?.label).toBe('Maçon / Maçonne');
    expect(first('Aide Soignant')?.label).toBe('Aide-soignant / Aide-soignante');
    expect(labels('soud', 8)).toContain('Soudeur / Soudeuse');
    expect(labels('cari')[0]).toBe('Cariste');
  });

  it('puts rarely used titles after the usual ones and needs every word typed', () => {
    const aides = index.search('aide soignant', { limit: 10 }).map((hit) => hit.appellation);
    const firstRare = aides.findIndex((a) => a.rare);
    expect(firstRare).toBeGreaterThan(0);
    expect(aides.slice(firstRare).every((a) => a.rare)).toBe(true);
    expect(labels('soudeur nucleaire')).toEqual(['Soudeur / Soudeuse nucléaire']);
    expect(index.search('   ')).toEqual([]);
  });
});
