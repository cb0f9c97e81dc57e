import { describe, expect, it } from 'vitest';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { MAP_INDICATOR_NAMES, MAP_INDICATOR_SHORT_NAMES } from '../scenario-lab-map/indicator-names.ts';
import { MAP_INDICATORS, mapLayers } from '../scenario-lab-map/map-layers.ts';
import { INDICATORS } from '../scenario-lab/compare.ts';
import { OCCUPATION_FAMILIES, OCCUPATION_FAMILY_NAMES } from '../skills/families.ts';
import { runModel } from '../mobility/model/run-model.ts';
import { MODEL_LOCALES } from './locale.ts';
import { englishOnlyNames, modelNames } from './model-names.ts';
import { EXTERNAL_AREA_NAMES, ptLineName, ROAD_NAMES, zoneName } from './place-names.ts';

describe('the data names of the models', () => {
  it('has every table in French, English and German, no name empty', () => {
    for (const [table, rows] of Object.entries({ EXTERNAL_AREA_NAMES, ROAD_NAMES }))
      for (const [key, names] of Object.entries(rows))
        for (const locale of MODEL_LOCALES)
          expect(names[locale]?.trim(), `${table} ${key} ${locale}`).toBeTruthy();
    for (const locale of MODEL_LOCALES) {
      expect(Object.keys(MAP_INDICATOR_NAMES[locale]).sort(), locale).toEqual([...MAP_INDICATORS].sort());
      expect(Object.keys(MAP_INDICATOR_SHORT_NAMES[locale]).sort(), locale).toEqual(
        [...MAP_INDICATORS].sort(),
      );
      expect(Object.keys(OCCUPATION_FAMILY_NAMES[locale]).sort(), locale).toEqual(
        [...OCCUPATION_FAMILIES].sort(),
      );
    }
  });

  it('names every zone, external area, road, line, family and indicator of the model in each language', () => {
    const names = modelNames();
    const keys = (kind: string) => names.filter((name) => name.kind === kind).map((name) => name.key);
    const externals = NORTH_LORRAINE.zones.filter((zone) => zone.kind === 'external').map((zone) => zone.id);
    expect(keys('external-area')).toEqual(externals);
    // An external area or a road missing from its table would show the territory's English name.
    for (const id of externals) expect(Object.keys(EXTERNAL_AREA_NAMES)).toContain(id);
    for (const road of new Set(NORTH_LORRAINE.roadLinks.map((link) => link.name)))
      expect(Object.keys(ROAD_NAMES), road).toContain(road);
    expect(keys('zone')).toHaveLength(NORTH_LORRAINE.zones.length - externals.length);
    expect(keys('pt-line')).toHaveLength(NORTH_LORRAINE.ptLines.length);
    expect(keys('occupation-family')).toEqual([...OCCUPATION_FAMILIES]);
    expect(keys('indicator')).toEqual([...INDICATORS]);
    expect(keys('map-indicator')).toEqual([...MAP_INDICATORS]);
    expect(keys('map-indicator-short')).toEqual([...MAP_INDICATORS]);
    // The PT share is one indicator of the lab and of the map: one name.
    const named = (kind: string, key: string) => names.find((name) => name.kind === kind && name.key === key);
    expect(named('map-indicator', 'ptShare')?.names).toEqual(named('indicator', 'ptShare')?.names);
    for (const name of names)
      for (const locale of MODEL_LOCALES)
        expect(name.names[locale].trim(), `${name.kind} ${name.key} ${locale}`).not.toBe('');
  });

  it('words grouped zones in each language, in zone and line names alike', () => {
    expect(zoneName('G57226', 'fr')).toBe('Fontoy et 5 autres communes');
    expect(zoneName('G57226', 'en')).toBe('Fontoy and 5 other communes');
    expect(zoneName('G57226', 'de')).toBe('Fontoy und 5 weitere Gemeinden');
    expect(ptLineName('CITE-G57226', 'en')).toBe('Citéline Fontoy and 5 other communes–Thionville');
    for (const name of modelNames())
      for (const locale of ['en', 'de'] as const)
        expect(name.names[locale], `${name.key} ${locale}`).not.toMatch(/ et \d+ communes/);
  });

  it('lists the English names a French page must not show, and no French name is one of them', () => {
    const english = englishOnlyNames();
    expect(english).toContain('local road');
    expect(english).toContain('Orne valley');
    expect(english).toContain('Verdun and Paris (A4 west)');
    expect(english).toContain('Public transport share');
    const french = new Set(modelNames().map((name) => name.names.fr));
    expect(english.filter((name) => french.has(name))).toEqual([]);
  });

  it('gives the map its layers named in the language asked', () => {
    const layers = mapLayers({
      territory: NORTH_LORRAINE,
      communes: { type: 'FeatureCollection', features: [] },
      result: runModel(),
      indicator: 'ptShare',
      locale: 'fr',
    });
    const shown = JSON.stringify([
      layers.figures.map((row) => row.name),
      layers.links.features.map((f) => [f.properties.name, f.properties.fromName, f.properties.toName]),
      layers.ptLines.features.map((f) => [f.properties.lineName, f.properties.fromName]),
      layers.externals.features.map((f) => f.properties.name),
    ]);
    for (const name of englishOnlyNames()) expect(shown, name).not.toContain(`"${name}"`);
    expect(shown).toContain('"Verdun et Paris (A4 ouest)"');
  });
});
