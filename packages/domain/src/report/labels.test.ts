import { describe, expect, it } from 'vitest';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { OCCUPATION_FAMILIES, OCCUPATION_FAMILY_NAMES } from '../skills/families.ts';
import { buildReport } from './build-report.ts';
import { REPORT_LOCALES } from './format.ts';
import { reportLabels } from './labels.ts';
import { EXTERNAL_AREA_NAMES, ptLineName, ROAD_NAMES, roadName, zoneName } from '../names/place-names.ts';
import { sampleReportInput } from './sample.ts';

/** Every leaf of a labels object: its path and its text (functions called with sample arguments). */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    // One argument that reads as a text, or as an object whose fields are texts or counts.
    const sample = new Proxy(
      {},
      {
        get: (_, key) =>
          key === Symbol.toPrimitive
            ? () => '‹text›'
            : ['headcount', 'organisations', 'seats', 'horizon'].includes(String(key))
              ? 2
              : `‹${String(key)}›`,
      },
    );
    const text = (value as (...args: unknown[]) => unknown)(sample, 2, 3);
    return [[path, typeof text === 'string' ? text : String(text)]];
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [[path, String(value)]];
}

describe('the report in three languages', { timeout: 60_000 }, () => {
  it('has every word in French, English and German, none empty nor undefined', () => {
    const keys = REPORT_LOCALES.map((locale) => leaves(reportLabels(locale)).map(([path]) => path));
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    for (const locale of REPORT_LOCALES)
      for (const [path, text] of leaves(reportLabels(locale))) {
        expect(text.trim(), `${locale} ${path}`).not.toBe('');
        expect(text, `${locale} ${path}`).not.toMatch(/undefined|\[object/);
      }
  });

  it('is translated, not copied: English and German sentences differ from the French ones', () => {
    const fr = new Map(leaves(reportLabels('fr')));
    for (const locale of ['en', 'de'] as const) {
      const same = leaves(reportLabels(locale)).filter(
        ([path, text]) => text.length > 20 && fr.get(path) === text,
      );
      expect(
        same.map(([path]) => path),
        locale,
      ).toEqual([]);
    }
  });

  it('names every occupation family in the three languages, from one table', () => {
    for (const locale of REPORT_LOCALES)
      for (const family of OCCUPATION_FAMILIES) expect(OCCUPATION_FAMILY_NAMES[locale][family]).toBeTruthy();
    expect(new Set(OCCUPATION_FAMILIES.map((f) => OCCUPATION_FAMILY_NAMES.de[f])).size).toBe(
      OCCUPATION_FAMILIES.length,
    );
  });

  it('names every zone, external area, road and line of the model in each language', () => {
    const externals = NORTH_LORRAINE.zones.filter((zone) => zone.kind === 'external');
    for (const zone of externals) expect(Object.keys(EXTERNAL_AREA_NAMES)).toContain(zone.id);
    const roads = new Set(NORTH_LORRAINE.roadLinks.map((link) => link.name));
    for (const road of roads) expect(Object.keys(ROAD_NAMES), road).toContain(road);
    for (const locale of ['en', 'de'] as const) {
      for (const zone of NORTH_LORRAINE.zones)
        expect(zoneName(zone.id, locale)).not.toMatch(/ et \d+ communes/);
      for (const line of NORTH_LORRAINE.ptLines)
        expect(ptLineName(line.id, locale), line.id).not.toMatch(/ et \d+ communes/);
    }
    expect(zoneName('G57226', 'de')).toBe('Fontoy und 5 weitere Gemeinden');
    expect(zoneName('X-WEST', 'fr')).toBe('Verdun et Paris (A4 ouest)');
    expect(roadName('Orne valley', 'fr')).toBe("Vallée de l'Orne");
  });

  it('prints no English name of the model in a French report', () => {
    const report = buildReport(sampleReportInput({ locale: 'fr' }));
    const printed = JSON.stringify({ map: report.map, scenarios: report.scenarios, summary: report.summary });
    const english = [...Object.values(EXTERNAL_AREA_NAMES), ...Object.values(ROAD_NAMES)].flatMap((names) =>
      names.en !== names.fr ? [names.en] : [],
    );
    for (const name of english) expect(printed, name).not.toContain(`"${name}"`);
    expect(printed).toContain('Luxembourg (ville)');
    expect(printed).not.toContain('(1 zones)');
  });
});
