import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runModel, type ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { compileScenario } from '../scenario-lab/compile.ts';
import { runSkillsPart, type SkillsSummary } from '../scenario-lab/run.ts';
import type { CommuneContours } from './geojson.ts';
import { mapLayers } from './map-layers.ts';
import { skillsGapByZone } from './skills-gap.ts';

const communes = JSON.parse(
  readFileSync(new URL('../mobility/territory/communes.geojson', import.meta.url), 'utf8'),
) as CommuneContours;
const internal = NORTH_LORRAINE.zones.filter((zone) => zone.kind === 'internal');
const THIONVILLE = '245701362';
const SEATS = JSON.stringify({
  kind: 'training-seats',
  occupation: 'I1304',
  territory: THIONVILLE,
  seats: 400,
  fromYear: 1,
  durationYears: 1,
  label: 'seats',
});

describe('the skills gap on the map', () => {
  let model: ModelResult;
  let baseline: SkillsSummary;
  let seats: SkillsSummary;
  beforeAll(() => {
    model = runModel();
    const skims = { mobilityHash: 'baseline', skims: model.skims };
    baseline = runSkillsPart(compileScenario([]).skills, { skims });
    seats = runSkillsPart(compileScenario([{ key: 'skills.lever.seats', value: SEATS }]).skills, { skims });
  }, 60_000);

  it('gives every internal zone its EPCI’s unfilled share of positions at 5 years', () => {
    const byZone = skillsGapByZone({ skills: baseline });
    expect(Object.keys(byZone).sort()).toEqual(internal.map((zone) => zone.id).sort());
    for (const zone of internal) {
      const epci = baseline.byTerritory.find(
        (row) => row.horizon === 5 && row.territory === baseline.zoneTerritory[zone.id],
      )!;
      expect(byZone[zone.id]).toBeCloseTo(epci.gap / epci.demand, 12);
      expect(byZone[zone.id]).toBeGreaterThanOrEqual(0);
      expect(byZone[zone.id]).toBeLessThanOrEqual(1);
    }
    // The EPCIs differ: the map is not one colour.
    expect(new Set(Object.values(byZone)).size).toBeGreaterThan(1);
  });

  it('feeds the map’s layer and table rows, and its difference with a reference scenario', () => {
    const layers = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: model,
      indicator: 'skillsGap',
      skillsGap: skillsGapByZone({ skills: baseline }),
    });
    expect(layers.figures.every((row) => row.value !== null && row.value === row.skillsGap)).toBe(true);
    expect(layers.legend.classes.length).toBeGreaterThan(1);

    const difference = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: model,
      compareTo: model,
      indicator: 'skillsGap',
      skillsGap: skillsGapByZone({ skills: seats }),
      compareSkillsGap: skillsGapByZone({ skills: baseline }),
    });
    // More seats in Thionville's EPCI lower its unfilled share there.
    const thionville = difference.figures.filter((row) => baseline.zoneTerritory[row.zone] === THIONVILLE);
    expect(thionville.length).toBeGreaterThan(0);
    for (const row of thionville) expect(row.value!).toBeLessThan(0);
    expect(difference.legend.kind).toBe('diverging');
  });
});
