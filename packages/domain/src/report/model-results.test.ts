import type { Scenario, ScenarioChange } from '../realtime/content-doc.ts';
import { compileScenario, resolveScenario, runScenarioLab, scenarioHash } from '../scenario-lab/index.ts';
import { describe, expect, it } from 'vitest';
import { assembleModelResults, modelResults, scenarioRunTargets } from './model-results.ts';
import { computeScenarioRun, scenarioRunResultSchema } from './scenario-run.ts';

const scenario = (id: string, fields: Partial<Scenario> = {}): Scenario => ({
  id,
  title: id,
  description: '',
  assumptions: {},
  createdBy: 'u',
  updatedAt: '2026-11-26T09:00:00.000Z',
  ...fields,
});
const change = (id: string, scenarioId: string, key: string, value: number): ScenarioChange => ({
  id,
  scenarioId,
  key,
  value,
  reason: 'une raison',
  createdBy: 'u',
  updatedAt: '2026-11-26T09:00:00.000Z',
});

describe('modelResults', { timeout: 60_000 }, () => {
  const scenarios = [scenario('base'), scenario('variant', { parentId: 'base' })];
  const changes = [change('c1', 'variant', 'skills.jobSeekerMatchRate', 0.9)];

  it('runs each scenario as the lab does: same fingerprint, same figures', () => {
    const results = modelResults({ needs: [], scenarios, scenarioChanges: changes, locale: 'en' });
    const compiled = compileScenario(
      resolveScenario({ scenarios, changes }, 'variant').changes.map(({ key, value }) => ({ key, value })),
      { name: 'variant' },
    );
    const lab = runScenarioLab(compiled);
    const run = results.runs.find((r) => r.scenarioId === 'variant')!;
    expect(run.fingerprint).toBe(scenarioHash(compiled));
    expect(run.fingerprint).toBe(lab.hash);
    expect(run.indicators.skillsGap5).toBe(lab.skills!.totals.find((t) => t.horizon === 5)!.gap);
    expect(run.indicators.ptShare).toBe(lab.mobility!.ptShare);
    expect(run.parentId).toBe('base');
  }, 60_000);

  it('compares each variant with the scenario it was forked from, in the language asked for', () => {
    const results = modelResults({ needs: [], scenarios, scenarioChanges: changes, locale: 'en' });
    expect(results.comparisons.map((c) => [c.scenarioId, c.referenceId])).toEqual([['variant', 'base']]);
    const rows = results.comparisons[0]!.rows;
    expect(rows.find((row) => row.id === 'skillsGap5')?.sentence).toMatch(
      /unfilled positions at 5 years falls/,
    );
    expect(rows.find((row) => row.id === 'ptShare')?.sentence).toMatch(/stays at/);
  }, 60_000);

  it('runs the models’ defaults once for a workshop without scenarios, with a map of the reference', () => {
    const results = modelResults({ needs: [], scenarios: [] });
    expect(results.runs.map((r) => r.scenarioId)).toEqual([null]);
    expect(results.comparisons).toEqual([]);
    expect(results.runs[0]!.trend.map((t) => t.horizon)).toEqual([1, 3, 5, 10]);
    expect(results.map?.zones.length).toBe(131);
    expect(results.map?.zones.find((z) => z.id === '57463')).toMatchObject({
      lon: expect.closeTo(6.2, 1),
      lat: expect.closeTo(49.1, 1),
    });
    expect(results.illustrative).toBe(true);
  }, 60_000);

  it('lists the changes the models refuse as problems, never as figures', () => {
    const results = modelResults({
      needs: [],
      scenarios: [scenario('s', { assumptions: { 'mobility.shuttle': true } })],
    });
    expect(results.runs[0]!.problems.map((p) => p.key)).toEqual(['mobility.shuttle']);
  }, 60_000);

  it('gives the same results from runs stored as JSON and read back through the schema', () => {
    const targets = scenarioRunTargets({ scenarios, scenarioChanges: changes });
    const computedAt = new Date('2026-12-07T10:00:00Z');
    const runs = new Map(
      targets.map((t) => {
        const stored = JSON.parse(JSON.stringify(computeScenarioRun(t.compiled))) as unknown;
        return [t.fingerprint, { result: scenarioRunResultSchema.parse(stored), computedAt }];
      }),
    );
    const fromStore = assembleModelResults({ targets, runs, locale: 'fr' });
    const computed = modelResults({ needs: [], scenarios, scenarioChanges: changes, locale: 'fr' });
    expect(fromStore.runs.map(({ computedAt: _, ...run }) => run)).toEqual(computed.runs);
    expect(fromStore.comparisons).toEqual(computed.comparisons);
    expect(fromStore.map).toEqual(computed.map);
    expect(fromStore.runs[0]!.computedAt).toEqual(computedAt);
  }, 60_000);

  it('prints what the stored run says, never a figure computed again', () => {
    const targets = scenarioRunTargets({ scenarios, scenarioChanges: changes });
    const runs = new Map(targets.map((t) => [t.fingerprint, { result: computeScenarioRun(t.compiled) }]));
    const variant = targets.find((t) => t.scenario?.id === 'variant')!;
    const stored = runs.get(variant.fingerprint)!.result;
    runs.set(variant.fingerprint, {
      result: { ...stored, indicators: { ...stored.indicators, skillsGap5: 1234 } },
    });
    const results = assembleModelResults({ targets, runs, locale: 'en' });
    expect(results.runs.find((r) => r.scenarioId === 'variant')!.indicators.skillsGap5).toBe(1234);
    expect(results.comparisons[0]!.rows.find((r) => r.id === 'skillsGap5')!.scenario).toBe('1,234');
  }, 60_000);

  it('refuses a stored run whose indicators are missing or not numbers', () => {
    const result = computeScenarioRun(scenarioRunTargets({ scenarios: [] })[0]!.compiled);
    const { ptShare: _, ...missing } = result.indicators;
    expect(scenarioRunResultSchema.safeParse({ ...result, indicators: missing }).success).toBe(false);
    expect(
      scenarioRunResultSchema.safeParse({ ...result, indicators: { ...result.indicators, ptShare: '0.1' } })
        .success,
    ).toBe(false);
  }, 60_000);
});
