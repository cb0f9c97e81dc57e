import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  roadmap,
  scenarioChanges,
  scenarios,
  type RoadmapAction,
  type Scenario,
  type ScenarioChange,
} from '../realtime/content-doc.ts';
import { labCatalogue, baselineValue } from './catalogue.ts';
import { compareResults } from './compare.ts';
import { compileScenario, validateChange } from './compile.ts';
import { scenarioHash } from './hash.ts';
import { formatKey, parseKey } from './keys.ts';
import { resolveScenario } from './resolve.ts';
import { roadmapVariant } from './roadmap.ts';
import type { LabResult } from './run.ts';
import { runScenarioLab } from './run.ts';

const at = (minute: number) => `2026-11-26T09:${String(minute).padStart(2, '0')}:00.000Z`;
const scenario = (id: string, parentId?: string): Scenario => ({
  id,
  title: id,
  description: '',
  assumptions: {},
  ...(parentId ? { parentId } : {}),
  createdBy: 'u1',
  updatedAt: at(0),
});
const change = (
  id: string,
  scenarioId: string,
  key: string,
  value: number | string | boolean,
  minute: number,
): ScenarioChange => ({
  id,
  scenarioId,
  key,
  value,
  reason: '',
  createdBy: 'u1',
  updatedAt: at(minute),
});

describe('keys', () => {
  it('round-trips every kind of key, names with dots and spaces included', () => {
    const keys = [
      'mobility.fuelPrice',
      'mobility.zone.57463.jobsDelta',
      'mobility.road.57463.57480.capacityFactor',
      formatKey({
        model: 'mobility',
        kind: 'road',
        from: '57463',
        to: 'X-LUX',
        name: 'A4 (Luxembourg)',
        field: 'closed',
      }),
      formatKey({
        model: 'mobility',
        kind: 'road',
        from: 'a',
        to: 'b',
        name: 'St. Julien',
        field: 'speedKmh',
      }),
      'mobility.pt.TER-LUX.headwayMinutes',
      'mobility.newPtLine.METTIS-C',
      'skills.growth.maintenance',
      'skills.crossBorderPull',
      'skills.lever.seats-maintenance',
    ];
    for (const key of keys) expect(formatKey(parseKey(key)!)).toBe(key);
    expect(parseKey('mobility.road.a.b.St%2E Julien.speedKmh')).toMatchObject({ name: 'St. Julien' });
    expect(parseKey('mobility.pt.TER-LUX.colour')).toBeUndefined();
    expect(parseKey('skills.growth.astronauts')).toBeUndefined();
  });
});

describe('resolveScenario', () => {
  it('inherits through the parent chain, a variant overriding its parent, cycle-safe', () => {
    const entries = {
      scenarios: [
        scenario('base'),
        scenario('a', 'base'),
        scenario('b', 'a'),
        scenario('x', 'y'),
        scenario('y', 'x'),
      ],
      changes: [
        change('c1', 'base', 'mobility.fuelPrice', 2, 1),
        change('c2', 'a', 'mobility.teleworkShare', 0.1, 2),
        change('c3', 'b', 'mobility.teleworkShare', 0.2, 3),
        change('c4', 'x', 'mobility.cyclingQuality', 1.2, 3),
      ],
    };
    const b = resolveScenario(entries, 'b');
    expect(b.chain).toEqual(['base', 'a', 'b']);
    expect(b.changes.map((c) => [c.key, c.value, c.origin])).toEqual([
      ['mobility.fuelPrice', 2, 'parent'],
      ['mobility.teleworkShare', 0.2, 'self'],
    ]);
    const x = resolveScenario(entries, 'x');
    expect(x.cycle).toBe(true);
    expect(x.changes.map((c) => c.key)).toEqual(['mobility.cyclingQuality']);
  });

  it('reads the assumptions record of the room’s editor under the change entries', () => {
    const entries = {
      scenarios: [
        { ...scenario('base'), assumptions: { 'mobility.fuelPrice': 2.1, 'mobility.teleworkShare': 0.05 } },
        scenario('v', 'base'),
      ],
      changes: [change('c1', 'base', 'mobility.teleworkShare', 0.1, 2)],
    };
    const v = resolveScenario(entries, 'v');
    expect(v.changes.map((c) => [c.key, c.value, c.origin, c.fromAssumptions ?? false])).toEqual([
      ['mobility.fuelPrice', 2.1, 'parent', true],
      ['mobility.teleworkShare', 0.1, 'parent', false],
    ]);
  });

  it('keeps both of two concurrent edits of different keys, and the latest of the same key', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    scenarios.put(docA, scenario('base'));
    scenarios.put(docA, scenario('v', 'base'));
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    scenarioChanges.add(docA, change('a1', 'v', 'mobility.pt.TER-LUX.headwayMinutes', 7.5, 5));
    scenarioChanges.add(docB, change('b1', 'v', 'mobility.fuelPrice', 2.5, 5));
    scenarioChanges.add(docA, change('a2', 'v', 'mobility.teleworkShare', 0.1, 6));
    scenarioChanges.add(docB, change('b2', 'v', 'mobility.teleworkShare', 0.2, 7));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB));
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    for (const doc of [docA, docB]) {
      const resolved = resolveScenario(doc, 'v');
      expect(Object.fromEntries(resolved.changes.map((c) => [c.key, c.value]))).toEqual({
        'mobility.fuelPrice': 2.5,
        'mobility.pt.TER-LUX.headwayMinutes': 7.5,
        'mobility.teleworkShare': 0.2,
      });
    }
    // Deleting the variant's change reverts to the parent's value (none: the baseline).
    scenarioChanges.remove(docA, 'b2');
    scenarioChanges.remove(docA, 'a2');
    expect(resolveScenario(docA, 'v').changes.some((c) => c.key === 'mobility.teleworkShare')).toBe(false);
  });
});

describe('compileScenario', () => {
  it('builds the mobility and skills inputs and reports invalid changes by key', () => {
    const lever = JSON.stringify({ kind: 'cross-border-pull', share: 0.08, label: 'retention' });
    const compiled = compileScenario([
      { key: 'mobility.pt.TER-LUX.headwayMinutes', value: 7.5 },
      { key: 'mobility.pt.TER-LUX.fare', value: 2 },
      { key: 'mobility.zone.57463.jobsDelta', value: 2000 },
      { key: 'mobility.road.57463.57480.capacityFactor', value: 1.2 },
      { key: 'mobility.teleworkShare', value: 0.15 },
      { key: 'skills.growth.maintenance', value: 0.02 },
      { key: 'skills.crossBorderPull', value: 0.1 },
      { key: 'skills.lever.retention', value: lever },
      { key: 'mobility.pt.METTIS-A.headwayMinutes', value: -4 },
      { key: 'mobility.teleworkShare.extra', value: 1 },
      { key: 'mobility.zone.X-LUX.jobsDelta', value: 10 },
      { key: 'skills.growth.health', value: 'fast' },
      { key: 'skills.lever.broken', value: '{"kind":"training-seats"' },
    ]);
    expect(compiled.mobility.ptLines).toEqual([{ line: 'TER-LUX', headwayMinutes: 7.5, fare: 2 }]);
    expect(compiled.mobility.zones).toEqual([{ zone: '57463', jobsDelta: 2000 }]);
    expect(compiled.mobility.teleworkShare).toBe(0.15);
    expect(compiled.skills.growthRates).toEqual({ maintenance: 0.02 });
    expect(compiled.skills.crossBorderPull).toBe(0.1);
    expect(compiled.skills.levers).toMatchObject([
      { id: 'retention', kind: 'cross-border-pull', share: 0.08 },
    ]);
    expect(compiled.problems.map((p) => p.key).sort()).toEqual([
      'mobility.pt.METTIS-A.headwayMinutes',
      'mobility.teleworkShare.extra',
      'mobility.zone.X-LUX.jobsDelta',
      'skills.growth.health',
      'skills.lever.broken',
    ]);
    expect(validateChange('mobility.pt.TER-LUX.headwayMinutes', -1).ok).toBe(false);
    expect(validateChange('mobility.pt.TER-LUX.headwayMinutes', 7.5).ok).toBe(true);
  });

  it('takes the share of candidates with a car (a driving-licence aid), between 0 and 1', () => {
    const compiled = compileScenario([
      { key: 'skills.reachCarAccessShare', value: 0.9 },
      { key: 'skills.reachCarMinutes', value: 40 },
    ]);
    expect(compiled.skills.reach).toEqual({ carAccessShare: 0.9, carMinutes: 40 });
    expect(compiled.problems).toEqual([]);
    expect(validateChange('skills.reachCarAccessShare', 1.2).ok).toBe(false);
    expect(validateChange('skills.reachCarAccessShare', -0.1).ok).toBe(false);
  });

  it('hashes the inputs stably, whatever the order of changes', () => {
    const a = compileScenario([
      { key: 'mobility.fuelPrice', value: 2 },
      { key: 'skills.growth.health', value: 0.02 },
    ]);
    const b = compileScenario([
      { key: 'skills.growth.health', value: 0.02 },
      { key: 'mobility.fuelPrice', value: 2 },
    ]);
    expect(scenarioHash(a)).toBe(scenarioHash(b));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioHash(a)).not.toBe(
      scenarioHash(compileScenario([{ key: 'mobility.fuelPrice', value: 2.01 }])),
    );
    // An invalid change never reaches the models, so it leaves the hash alone.
    expect(scenarioHash(compileScenario([{ key: 'mobility.fuelPrice', value: -1 }]))).toBe(
      scenarioHash(compileScenario([])),
    );
  });
});

describe('catalogue', () => {
  it('lists every input with its baseline value', () => {
    const catalogue = labCatalogue();
    expect(baselineValue(catalogue, 'mobility.pt.TER-LUX.headwayMinutes')).toBe(15);
    expect(baselineValue(catalogue, 'mobility.fuelPrice')).toBe(1.8);
    expect(catalogue.zones.length).toBeGreaterThan(100);
    expect(catalogue.roads.length).toBeGreaterThan(50);
    expect(catalogue.growth).toHaveLength(13);
  });
});

const fakeResult = (pt: number, gap5: number, upTo3Km = 0.512): LabResult => ({
  hash: 'h',
  versions: { mobility: 'm', skills: 's', lab: 'l' } as unknown as LabResult['versions'],
  problems: [],
  ms: {},
  mobility: {
    modeShares: { car: 0.6, 'car-passenger': 0.1, pt, bike: 0.02, walk: 0.28 - pt + 0.071 },
    ptShare: pt,
    sharesByZone: [],
    meanTravelMinutes: { car: 18, 'car-passenger': 18, pt: 35, bike: 12, walk: 9 },
    tripLengths: { upTo1Km: 0.256, upTo3Km },
    vehicleKm: 12_345_678,
    co2TonnesPerDay: 2100.5,
    dysfunctions: {
      linksOver90: 4,
      linksOver100: 2,
      slowPtPairCount: 300,
      overloadedPtSegments: 1,
      topLinks: [],
    },
    accessibility: [],
    meanPtJobs45: 50_000,
    convergence: {
      feedbackIterations: 3,
      skimChange: [],
      assignments: [],
      converged: true,
      calibrated: true,
    },
    illustrative: true,
  },
  skills: {
    horizons: [1, 3, 5, 10],
    totals: [
      {
        horizon: 5,
        demand: 10_000,
        supply: 10_000 - gap5,
        gap: gap5,
        tension: gap5 / 10_000,
        pulledToPole: 812,
      },
    ],
    gapsByFamily: [],
    levers: [],
    combined: [],
    byTerritory: [],
    zoneTerritory: {},
    travelTimes: { source: 'crow-fly-estimate', mobilityHash: null, mobilityVersion: null },
    illustrative: true,
    problems: [],
  },
});

describe('compareResults', () => {
  it('says each difference in French, English and German with proper number formatting', () => {
    const a = fakeResult(0.071, 1234);
    const b = fakeResult(0.084, 1234);
    const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    const fr = compareResults(a, b, 'fr');
    expect(nbsp(fr[0]!.sentence)).toBe(
      'La part des transports en commun passe de 7,1 % à 8,4 % (+1,3 point).',
    );
    expect(fr[0]!.relativeText).toMatch(/18,3/);
    expect(nbsp(fr.find((r) => r.id === 'skillsGap5')!.sentence)).toBe(
      'Le nombre de postes non pourvus à 5 ans reste à 1 234.',
    );
    const en = compareResults(a, b, 'en');
    expect(en[0]!.sentence).toBe('The public transport share rises from 7.1% to 8.4% (+1.3 points).');
    const de = compareResults(a, b, 'de');
    expect(nbsp(de[0]!.sentence)).toBe('Der ÖPNV-Anteil steigt von 7,1 % auf 8,4 % (+1,3 Prozentpunkte).');
    const shorter = compareResults(a, fakeResult(0.071, 1234, 0.534), 'fr');
    expect(nbsp(shorter.find((r) => r.id === 'tripsUpTo3Km')!.sentence)).toBe(
      'La part des déplacements de 3 km au plus passe de 51,2 % à 53,4 % (+2,2 points).',
    );
    expect(nbsp(shorter.find((r) => r.id === 'tripsUpTo1Km')!.sentence)).toBe(
      'La part des déplacements de 1 km au plus reste à 25,6 %.',
    );
    const down = compareResults(b, fakeResult(0.05, 1000), 'de').find((r) => r.id === 'skillsGap5')!;
    expect(nbsp(down.sentence)).toBe(
      'Die Zahl der unbesetzten Stellen in 5 Jahren sinkt von 1.234 auf 1.000 (-234).',
    );
  });
});

describe('roadmapVariant', () => {
  it('takes the changes of every committed action, the latest winning, invalid ones reported', () => {
    const action = (
      id: string,
      status: RoadmapAction['status'],
      scenarioChange: RoadmapAction['scenarioChange'],
      minute: number,
    ): RoadmapAction => ({
      id,
      title: `Action ${id}`,
      description: '',
      ownerOrganisationId: 'o1',
      partnerOrganisationIds: [],
      start: 'J+0',
      due: 'J+30',
      status,
      needIds: [],
      ...(scenarioChange ? { scenarioChange } : {}),
      createdBy: 'u1',
      updatedAt: at(minute),
    });
    const doc = new Y.Doc();
    roadmap.add(doc, action('a', 'committed', { 'mobility.pt.TER-LUX.headwayMinutes': 10 }, 1));
    roadmap.add(
      doc,
      action(
        'b',
        'committed',
        { 'mobility.pt.TER-LUX.headwayMinutes': 7.5, 'skills.growth.health': 0.02 },
        2,
      ),
    );
    roadmap.add(doc, action('c', 'proposed', { 'mobility.fuelPrice': 3 }, 3));
    roadmap.add(doc, action('d', 'committed', { 'mobility.fuelPrice': -3 }, 4));
    roadmap.add(doc, action('e', 'committed', undefined, 5));
    const variant = roadmapVariant(roadmap.read(doc), 'base');
    expect(variant.parentId).toBe('base');
    expect(variant.changes).toEqual([
      { key: 'mobility.pt.TER-LUX.headwayMinutes', value: 7.5, reason: 'Action b', actionId: 'b' },
      { key: 'skills.growth.health', value: 0.02, reason: 'Action b', actionId: 'b' },
    ]);
    expect(variant.conflicts).toEqual([{ key: 'mobility.pt.TER-LUX.headwayMinutes', actionIds: ['a', 'b'] }]);
    expect(variant.problems.map((p) => p.actionId)).toEqual(['d']);
  });
});

describe('runScenarioLab', () => {
  it('runs the skills part with a lever and reports the share of the gap it closes', () => {
    const lever = JSON.stringify({ kind: 'recruitment-drive', extraMatchRate: 0.1, label: 'drive' });
    const result = runScenarioLab(compileScenario([{ key: 'skills.lever.drive', value: lever }]), {
      parts: 'skills',
    });
    expect(result.mobility).toBeUndefined();
    expect(result.skills!.totals.map((t) => t.horizon)).toEqual([1, 3, 5, 10]);
    expect(result.skills!.levers[0]!.byHorizon.every((h) => h.share >= 0)).toBe(true);
    expect(result.skills!.gapsByFamily.length).toBeGreaterThan(0);
    expect(result.hash).toMatch(/^[0-9a-f]{16}$/);
  });
});
