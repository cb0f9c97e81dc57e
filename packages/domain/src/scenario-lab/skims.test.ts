import { beforeAll, describe, expect, it } from 'vitest';
import { runModel, type ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { defaultSkillsScenario } from '../skills/data/default-scenario.ts';
import { runSkillsModel } from '../skills/model.ts';
import type { SkillsScenario } from '../skills/scenario.ts';
import { compileScenario } from './compile.ts';
import { compareResults } from './compare.ts';
import { mobilityInputsHash } from './hash.ts';
import { LAB_PULL_ZONE, labPullAccessibility, labPullReference } from './pull.ts';
import { runScenarioLab, runSkillsPart, type LabResult, type SkillsSummary } from './run.ts';
import { labTravelTimes, zoneTerritories, type LabSkims } from './skims.ts';

const TER_TWICE = [{ key: 'mobility.pt.TER-LUX.headwayMinutes', value: 7.5 }];
const gap5Of = (skills: SkillsSummary) => skills.totals.find((t) => t.horizon === 5)!.gap;
const gap5 = (lab: LabResult) => gap5Of(lab.skills!);
const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
/** The default scenario with the pull coupled to nothing (an empty reference: multiplier 1 everywhere). */
const fixedPull = (): SkillsScenario => {
  const scenario = defaultSkillsScenario();
  const accessibility = { zone: LAB_PULL_ZONE, carMinutes: 60, ptMinutes: 60, reference: {} };
  return { ...scenario, crossBorderPull: { ...scenario.crossBorderPull, accessibility } };
};

describe('the skills part on the mobility model’s skims', () => {
  let baseline: LabResult;
  let baselineModel: ModelResult;
  let faster: LabResult;
  let fasterModel: ModelResult;
  beforeAll(() => {
    baseline = runScenarioLab(compileScenario([]), { onModel: (model) => (baselineModel = model) });
    faster = runScenarioLab(compileScenario(TER_TWICE), { onModel: (model) => (fasterModel = model) });
  }, 60_000);

  it('records that it used the skims of this scenario’s mobility inputs', () => {
    expect(baseline.skills!.travelTimes).toEqual({
      source: 'mobility-skims',
      mobilityHash: mobilityInputsHash(compileScenario([])),
      mobilityVersion: baseline.versions.mobility,
    });
    expect(faster.skills!.travelTimes.mobilityHash).toBe(mobilityInputsHash(compileScenario(TER_TWICE)));
    expect(faster.skills!.travelTimes.mobilityHash).not.toBe(baseline.skills!.travelTimes.mobilityHash);
  });

  it('gives the same baseline on a second run', () => {
    const again = runScenarioLab(compileScenario([]));
    expect(again.skills).toEqual(baseline.skills);
    expect(again.mobility!.ptShare).toBe(baseline.mobility!.ptShare);
  });

  it('brings more job pairs within commuting reach and lowers the gap by reach alone when the TER runs twice as often', () => {
    const scenario = defaultSkillsScenario();
    const reachOf = (model: ModelResult) =>
      runSkillsModel({
        scenario,
        travelTimes: labTravelTimes({ skims: model.skims, territory: NORTH_LORRAINE }),
      }).reach.byHorizon[0]!;
    const before = reachOf(baselineModel);
    const after = reachOf(fasterModel);
    // Shorter PT times only add (resident, job) pairs within the PT limit.
    expect(sum(after)).toBeGreaterThan(sum(before));
    // More reach fills more positions across EPCIs: with the pull held fixed, the gap does not grow.
    const gapOn = (model: ModelResult, changes: typeof TER_TWICE) =>
      gap5Of(
        runSkillsPart(compileScenario(changes).skills, {
          skims: { mobilityHash: mobilityInputsHash(compileScenario(changes)), skims: model.skims },
          base: fixedPull(),
        }),
      );
    expect(gapOn(fasterModel, TER_TWICE)).not.toBe(gapOn(baselineModel, []));
    expect(gapOn(fasterModel, TER_TWICE)).toBeLessThanOrEqual(gapOn(baselineModel, []) + 1e-6);
  });

  it('keeps the baseline’s skills figures: the pull’s multiplier is 1 on the baseline’s own skims', () => {
    const skims = { mobilityHash: mobilityInputsHash(compileScenario([])), skims: baselineModel.skims };
    const fixed = runSkillsPart(compileScenario([]).skills, { skims, base: fixedPull() });
    expect(baseline.skills!.totals).toEqual(fixed.totals);
    expect(baseline.skills!.byTerritory).toEqual(fixed.byTerritory);
    expect(gap5(baseline)).toBeCloseTo(3486.0868, 3); // the figure before the coupling (scenario-lab-4)
  });

  it('draws more candidates to Luxembourg and widens the local gap when the TER runs twice as often', () => {
    const scenario = defaultSkillsScenario();
    const communes = scenario.territories.flatMap((t) => t.communes);
    const coupled: SkillsScenario = {
      ...scenario,
      crossBorderPull: {
        ...scenario.crossBorderPull,
        accessibility: labPullAccessibility({ territory: NORTH_LORRAINE, scenario }),
      },
    };
    const pulledOf = (model: ModelResult) =>
      sum(
        runSkillsModel({
          scenario: coupled,
          travelTimes: labTravelTimes({ skims: model.skims, territory: NORTH_LORRAINE, communes }),
        }).pool.pulledOut,
      );
    expect(pulledOf(fasterModel)).toBeGreaterThan(pulledOf(baselineModel));
    // Measured: the 5-year gap outside the pole goes from about 3486.09 to 3490.38 (+4.29), where the
    // reach alone lowered it by about 0.047.
    expect(gap5(faster) - gap5(baseline)).toBeGreaterThan(1);
    // The lab says why: the comparison counts the candidates gone to Luxembourg.
    const pulled = compareResults(baseline, faster, 'fr').find((row) => row.id === 'skillsPulled5')!;
    expect(pulled.absolute).toBeGreaterThan(1);
    expect(pulled.sentence).toMatch(
      /^Le nombre de candidats partis travailler au Luxembourg en 5 ans passe de /,
    );
  });

  it('moves the gap more with the TER than when every candidate drove (the rule before carAccessShare)', () => {
    const skimsOf = (model: ModelResult, changes: typeof TER_TWICE) => ({
      mobilityHash: mobilityInputsHash(compileScenario(changes)),
      skims: model.skims,
    });
    // The pull held fixed: this compares the reach rules alone.
    const gapWith = (carAccessShare: number, skims: LabSkims) =>
      gap5Of(
        runSkillsPart(
          { levers: [], growthRates: {}, reach: { carAccessShare } },
          { skims, base: fixedPull() },
        ),
      );
    const terEffect = (carAccessShare: number) =>
      gapWith(carAccessShare, skimsOf(baselineModel, [])) -
      gapWith(carAccessShare, skimsOf(fasterModel, TER_TWICE));
    const everyoneDrives = terEffect(1);
    const defaultShare = defaultSkillsScenario().reach.carAccessShare;
    // Measured: about 0.01 positions when everyone drives, about 0.047 with three in four.
    expect(everyoneDrives).toBeGreaterThan(0);
    expect(terEffect(defaultShare)).toBeGreaterThan(3 * everyoneDrives);
  });

  it('lowers the gap when a driving-licence aid raises the share of candidates with a car', () => {
    const skims = { mobilityHash: mobilityInputsHash(compileScenario([])), skims: baselineModel.skims };
    const gapWith = (carAccessShare: number) =>
      gap5Of(runSkillsPart({ levers: [], growthRates: {}, reach: { carAccessShare } }, { skims }));
    expect(gapWith(0.75)).toBeCloseTo(gap5(baseline), 9);
    // Measured: about 3486 positions at 0.75, 3469 at 0.9, 3459 at 1.
    expect(gapWith(0.9)).toBeLessThan(gapWith(0.75) - 10);
    expect(gapWith(1)).toBeLessThan(gapWith(0.9));
  });

  it('gives the same skills result run alone on given skims as run with the mobility model', () => {
    const compiled = compileScenario(TER_TWICE);
    const alone = runScenarioLab(compiled, {
      parts: 'skills',
      skims: { mobilityHash: mobilityInputsHash(compiled), skims: fasterModel.skims },
    });
    expect(alone.skills).toEqual(faster.skills);
  });

  it('falls back to the crow-fly estimate without skims, and says so', () => {
    const alone = runSkillsPart(compileScenario([]).skills);
    expect(alone.travelTimes).toEqual({
      source: 'crow-fly-estimate',
      mobilityHash: null,
      mobilityVersion: null,
    });
    expect(alone.totals).not.toEqual(baseline.skills!.totals);
  });
});

describe('zoneTerritories', () => {
  it('ties every internal zone to the EPCI of its communes, as the territory’s own zone records say', () => {
    const internal = NORTH_LORRAINE.zones.filter((zone) => zone.kind === 'internal');
    const tied = zoneTerritories({ zones: internal, territories: defaultSkillsScenario().territories });
    expect(Object.keys(tied)).toHaveLength(internal.length);
    for (const zone of internal) if (zone.epci) expect(tied[zone.id], zone.id).toBe(zone.epci);
  });

  it('takes the territory with most of the zone’s inhabitants, and leaves out a zone with no known commune', () => {
    const territories = [
      { id: 'A', communes: [{ code: '1', population: 100 }] },
      { id: 'B', communes: [{ code: '2', population: 300 }] },
    ];
    const zones = [
      { id: 'z', communes: ['1', '2'] },
      { id: 'x', communes: ['9'] },
    ];
    expect(zoneTerritories({ zones, territories })).toEqual({ z: 'B' });
  });
});

describe('communes beyond the mobility zoning', () => {
  it('take the nearest internal zone, so every skills commune has commuting times', () => {
    const model = runModel();
    const communes = defaultSkillsScenario().territories.flatMap((t) => t.communes);
    const zoned = new Set(NORTH_LORRAINE.zones.flatMap((zone) => zone.communes));
    const beyond = communes.filter((c) => !zoned.has(c.code));
    expect(beyond.map((c) => c.code)).toContain('55063'); // Bouligny (Meuse), in a Lorraine EPCI
    const { communeToZone } = labTravelTimes({ skims: model.skims, territory: NORTH_LORRAINE, communes });
    for (const commune of beyond) {
      const zone = NORTH_LORRAINE.zones.find((z) => z.id === communeToZone?.[commune.code]);
      expect(zone?.kind, commune.code).toBe('internal');
      // Within about 20 km of the commune's centroid.
      const km = Math.hypot(
        (zone!.lon - commune.lon!) * 111 * Math.cos((commune.lat! * Math.PI) / 180),
        (zone!.lat - commune.lat!) * 111,
      );
      expect(km, commune.code).toBeLessThan(20);
    }
    const result = runSkillsModel({
      scenario: defaultSkillsScenario(),
      travelTimes: labTravelTimes({ skims: model.skims, territory: NORTH_LORRAINE, communes }),
    });
    expect(result.problems.filter((p) => p.includes('in no zone'))).toEqual([]);
  }, 60_000);
});

describe('the pull reference', () => {
  it("takes the baseline's skims from the run that holds them, without a mobility run of its own", () => {
    // A territory object of its own, so that nothing is memoised for it yet.
    const territory = { ...NORTH_LORRAINE };
    const scenario = defaultSkillsScenario();
    const baselineHash = mobilityInputsHash(compileScenario([]));
    const { zones, car, pt } = runModel({ territory: NORTH_LORRAINE, scenario: {} }).skims;
    // Luxembourg out of reach in these skims: a reference taken from them is 0 everywhere.
    const lux = zones.indexOf(LAB_PULL_ZONE);
    const [carFar, ptFar] = [Float64Array.from(car), Float64Array.from(pt)];
    for (let i = 0; i < zones.length; i++)
      carFar[i * zones.length + lux] = ptFar[i * zones.length + lux] = Infinity;
    const unreachable = { zones, car: carFar, pt: ptFar };
    // Skims of another scenario are not taken for the baseline's...
    const other = labPullReference({
      territory: { ...NORTH_LORRAINE },
      scenario,
      current: { mobilityHash: 'another scenario', skims: unreachable },
    });
    expect(Math.max(...Object.values(other))).toBeGreaterThan(0);
    // ...the baseline's are, and then kept for the territory.
    const seeded = labPullReference({
      territory,
      scenario,
      current: { mobilityHash: baselineHash, skims: unreachable },
    });
    expect(Math.max(...Object.values(seeded))).toBe(0);
    expect(labPullReference({ territory, scenario })).toEqual(seeded);
  });
});
