import { sampleReportInput } from './sample.ts';
import type { Scenario } from '../realtime/content-doc.ts';
import { describe, expect, it } from 'vitest';
import { modelResults } from './model-results.ts';

const scenario = (id: string, assumptions: Scenario['assumptions']): Scenario => ({
  id,
  title: id,
  description: '',
  assumptions,
  createdBy: 'u',
  updatedAt: '2026-11-26T09:00:00.000Z',
});

describe('modelResults', () => {
  it('compares each scenario-lab variant with the baseline, in the language asked for', () => {
    const results = modelResults({
      needs: [],
      scenarios: [scenario('base', {}), { ...scenario('variant', {}), parentId: 'base' }],
      scenarioChanges: [
        {
          id: 'c1',
          scenarioId: 'variant',
          key: 'skills.jobSeekerMatchRate',
          value: 0.9,
          reason: '',
          createdBy: 'u',
          updatedAt: '2026-11-26T09:00:00.000Z',
        },
      ],
      locale: 'en',
    });
    expect(results.baselineOnly).toBe(false);
    expect(results.comparisons?.map((c) => c.scenarioId)).toEqual(['variant']);
    const rows = results.comparisons![0]!.rows;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((row) => /gap|unfilled/i.test(row.sentence))).toBe(true);
  }, 60_000);

  const { needs } = sampleReportInput().content;

  it('computes the baseline only when no scenario holds an assumption the models read', () => {
    const results = modelResults({ needs, scenarios: [scenario('s1', { 'mobility.shuttle': true })] });
    expect(results.baselineOnly).toBe(true);
    expect(results.columns.map((c) => c.scenarioId)).toEqual([null]);
    const baseline = results.columns[0]!.values;
    expect(baseline['skills.demand']).toBeGreaterThan(0);
    expect(baseline['mobility.share.pt']).toBeGreaterThan(0);
    expect(baseline['mobility.share.pt']).toBeLessThan(0.2);
    // Short trips, intrazonal ones included (EDGT: a third within 1 km, 55 % within 3 km).
    expect(baseline['mobility.share.tripsUpTo1Km']).toBeGreaterThan(0.15);
    expect(baseline['mobility.share.tripsUpTo3Km']).toBeGreaterThan(baseline['mobility.share.tripsUpTo1Km']!);
    expect(baseline['mobility.share.tripsUpTo3Km']).toBeLessThan(0.7);
    expect(results.skillsBalance?.rows.length).toBeGreaterThan(0);
    const metz = results.map?.points.find((p) => p.label === 'Metz');
    expect(metz).toMatchObject({ lon: expect.closeTo(6.2, 1), lat: expect.closeTo(49.1, 1) });
    expect(results.map!.points.length).toBeGreaterThan(50);
  }, 30_000);

  it('runs each scenario with the assumptions the models read, and skips values they refuse', () => {
    const results = modelResults({
      needs,
      scenarios: [
        scenario('faster-matching', { jobSeekerMatchRate: 0.9 }),
        scenario('telework', { teleworkShare: 0.3 }),
        scenario('refused', { otherEntrantRate: 5 }),
      ],
    });
    expect(results.baselineOnly).toBe(false);
    expect(results.columns.map((c) => c.scenarioId)).toEqual([null, 'faster-matching', 'telework']);
    const [baseline, matching, telework] = results.columns.map((c) => c.values);
    expect(matching!['skills.gap']).toBeLessThan(baseline!['skills.gap']!);
    expect(matching!['mobility.share.car']).toBe(baseline!['mobility.share.car']);
    expect(telework!['mobility.co2']).toBeLessThan(baseline!['mobility.co2']!);
    // Fewer commutes, which are longer than the other trips: a larger share of short trips.
    expect(telework!['mobility.share.tripsUpTo3Km']).toBeGreaterThan(
      baseline!['mobility.share.tripsUpTo3Km']!,
    );
  }, 60_000);
});
