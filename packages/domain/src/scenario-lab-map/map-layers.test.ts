import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runModel, type ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { classBreaks, classOf, DIVERGING_RAMP, SEQUENTIAL_RAMP } from './classes.ts';
import type { CommuneContours } from './geojson.ts';
import { mapLayers } from './map-layers.ts';

const communes = JSON.parse(
  readFileSync(new URL('../mobility/territory/communes.geojson', import.meta.url), 'utf8'),
) as CommuneContours;
const internal = NORTH_LORRAINE.zones.filter((zone) => zone.kind === 'internal');

describe('mapLayers on North Lorraine', () => {
  let baseline: ModelResult;
  let variant: ModelResult;
  beforeAll(() => {
    baseline = runModel();
    variant = runModel({ scenario: { teleworkShare: 0.2 } });
  });

  it('draws one feature per commune, each carrying its zone', () => {
    const layers = mapLayers({ territory: NORTH_LORRAINE, communes, result: baseline, indicator: 'ptShare' });
    expect(layers.zones.features).toHaveLength(communes.features.length);
    const zoneIds = new Set(layers.zones.features.map((f) => f.properties.zone));
    expect(zoneIds.size).toBe(internal.length);
    expect(layers.figures).toHaveLength(internal.length);
    const metz = layers.zones.features.find((f) => f.properties.code === '57463')!;
    const metzRow = layers.figures.find((row) => row.zone === metz.properties.zone)!;
    expect(metz.properties.value).toBe(metzRow.ptShare);
    expect(metz.properties.colour).toBe(metzRow.colour);
  });

  it('gives the indicator chosen: PT share, jobs by PT in 45 minutes, by car in 30', () => {
    const pt45 = mapLayers({ territory: NORTH_LORRAINE, communes, result: baseline, indicator: 'pt45' });
    const car30 = mapLayers({ territory: NORTH_LORRAINE, communes, result: baseline, indicator: 'car30' });
    const metz = baseline.accessibility.find((row) => row.zone === '57463')!;
    expect(pt45.figures.find((row) => row.zone === '57463')!.value).toBe(metz.pt45);
    expect(car30.figures.find((row) => row.zone === '57463')!.value).toBe(metz.car30);
  });

  it('shows a skills gap only where one is given', () => {
    const layers = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: baseline,
      indicator: 'skillsGap',
      skillsGap: { '57463': 120 },
    });
    expect(layers.figures.find((row) => row.zone === '57463')!.value).toBe(120);
    expect(layers.figures.filter((row) => row.value === null)).toHaveLength(internal.length - 1);
  });

  it('flags the road sections over 0.9 and over capacity as the model counts them', () => {
    const layers = mapLayers({ territory: NORTH_LORRAINE, communes, result: baseline, indicator: 'ptShare' });
    const over = baseline.links.filter((l) => l.roadClass !== 'connector' && l.volumeCapacity > 1);
    const overSections = new Set(over.map((l) => `${l.name}|${[l.from, l.to].sort().join('|')}`));
    expect(layers.links.features.filter((f) => f.properties.level === 'over')).toHaveLength(
      overSections.size,
    );
    expect(overSections.size).toBeGreaterThan(0);
    for (const link of layers.dysfunctions.links) expect(link.volumeCapacity).toBeGreaterThan(0.9);
    expect(layers.dysfunctions.links.length).toBeGreaterThanOrEqual(overSections.size);
    // Each section is a straight line between the two zone centres.
    const first = layers.links.features[0]!;
    const from = NORTH_LORRAINE.zones.find((z) => z.id === first.properties.from)!;
    expect(first.geometry.coordinates[0]).toEqual([from.lon, from.lat]);
  });

  it('draws PT segments with their peak load and external zones as named points', () => {
    const layers = mapLayers({ territory: NORTH_LORRAINE, communes, result: baseline, indicator: 'ptShare' });
    const keys = new Set(baseline.ptSegments.map((s) => `${s.line}|${s.segment}`));
    expect(layers.ptLines.features).toHaveLength(keys.size);
    const ter = layers.ptLines.features.find((f) => f.properties.line === 'TER-LUX')!;
    const both = baseline.ptSegments.filter(
      (s) => s.line === 'TER-LUX' && s.segment === ter.properties.segment,
    );
    expect(ter.properties.load).toBe(Math.max(...both.map((s) => s.load)));
    expect(layers.externals.features.map((f) => f.properties.name)).toHaveLength(
      NORTH_LORRAINE.zones.length - internal.length,
    );
  });

  it('compares two results: differences, neutral middle class, diverging ramp', () => {
    const layers = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: variant,
      compareTo: baseline,
      indicator: 'ptShare',
    });
    expect(layers.comparing).toBe(true);
    expect(layers.legend.kind).toBe('diverging');
    const row = layers.figures.find((r) => r.zone === '57463')!;
    const now = variant.sharesByZone.find((r) => r.zone === '57463')!.shares.pt;
    const then = baseline.sharesByZone.find((r) => r.zone === '57463')!.shares.pt;
    expect(row.value).toBeCloseTo(now - then, 12);
    expect(row.reference).toBe(then);
    const same = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: baseline,
      compareTo: baseline,
      indicator: 'car30',
    });
    expect(same.figures.every((r) => r.value === 0)).toBe(true);
    expect(same.links.features.every((f) => f.properties.volumeCapacityChange === 0)).toBe(true);
    expect(same.legend.classes).toHaveLength(1);
  });
});

describe('classBreaks', () => {
  it('cuts levels at quantiles with viridis, every value in a class', () => {
    const legend = classBreaks({ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], diverging: false });
    expect(legend.breaks).toEqual([3, 5, 7, 9]);
    expect(legend.classes.map((c) => c.colour)).toEqual([...SEQUENTIAL_RAMP]);
    expect(legend.classes.reduce((sum, c) => sum + c.count, 0)).toBe(10);
    expect(classOf(legend.breaks, 1)).toBe(0);
    expect(classOf(legend.breaks, 10)).toBe(4);
  });

  it('uses fixed steps when given, and rounds quantile bounds to two significant figures', () => {
    expect(classBreaks({ values: [0.001, 0.2], diverging: false, steps: [0.01, 0.1] }).breaks).toEqual([
      0.01, 0.1,
    ]);
    const rounded = classBreaks({ values: [1234, 22941, 35120, 47000, 51234, 68000], diverging: false });
    expect(rounded.breaks).toEqual([23000, 35000, 47000, 51000]);
  });

  it('merges duplicate breaks when many values are equal', () => {
    const legend = classBreaks({ values: [0, 0, 0, 0, 0, 0, 0, 0, 5, 10], diverging: false });
    expect(legend.breaks).toEqual([5]);
    expect(legend.classes).toHaveLength(2);
    expect(legend.classes.map((c) => c.count)).toEqual([8, 2]);
  });

  it('centres differences on zero', () => {
    const legend = classBreaks({ values: [-10, 0, 5], diverging: true });
    expect(legend.breaks).toEqual([-6, -2, 2, 6]);
    expect(legend.classes.map((c) => c.colour)).toEqual([...DIVERGING_RAMP]);
    expect(classOf(legend.breaks, 0)).toBe(2);
  });
});
