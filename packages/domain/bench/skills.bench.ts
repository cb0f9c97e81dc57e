// Benchmark of the skills model: a full run over 500 occupations × 20 territories × 4 horizons with a
// 150-zone car and public-transport matrix (issue 7 target: under 50 ms), plus validation, a run with a
// transport lever, lever evaluation and the default North Lorraine scenario. Median and spread.
import { defaultSkillsScenario } from '../src/skills/data/default-scenario.ts';
import { evaluateLevers } from '../src/skills/effects.ts';
import type { Lever } from '../src/skills/levers.ts';
import { estimatedTravelTimes, runSkillsModel } from '../src/skills/model.ts';
import { parseSkillsScenario } from '../src/skills/scenario.ts';
import { syntheticScenario } from '../src/skills/synthetic.ts';
import type { BenchResult } from './run.ts';

interface Stats {
  runs: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

function measure(runs: number, warmup: number, task: () => unknown): Stats {
  for (let i = 0; i < warmup; i++) task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * (times.length - 1)))]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    runs,
    median: round(q(0.5)),
    p10: round(q(0.1)),
    p90: round(q(0.9)),
    min: round(times[0]!),
    max: round(times.at(-1)!),
  };
}

export async function run(): Promise<BenchResult> {
  const { scenario: input, travelTimes } = syntheticScenario({
    occupations: 500,
    territories: 20,
    zones: 150,
    seed: 42,
  });
  const scenario = parseSkillsScenario(input);
  const zones = travelTimes.car!.zones;
  const transport: Lever = {
    kind: 'travel-time',
    id: 'faster-link',
    label: '',
    fromYear: 3,
    mode: 'pt',
    symmetric: true,
    changes: [{ from: zones[0]!, to: zones[zones.length - 1]!, minutes: 20 }],
  };
  const levers: Lever[] = [
    transport,
    {
      kind: 'training-seats',
      id: 'seats',
      label: '',
      fromYear: 1,
      programmeId: 'P1',
      seats: 20,
      durationYears: 1,
      completionRate: 0.8,
      localEntryShare: 0.8,
    },
    {
      kind: 'apprenticeship',
      id: 'cfa',
      label: '',
      fromYear: 2,
      occupation: scenario.occupations[3]!.code,
      territory: 'T2',
      seats: 15,
      durationYears: 2,
      completionRate: 0.75,
      retentionShare: 0.85,
    },
    {
      kind: 'recruitment-drive',
      id: 'drive',
      label: '',
      fromYear: 1,
      occupations: [],
      territories: ['T0'],
      extraMatchRate: 0.1,
    },
    { kind: 'cross-border-pull', id: 'retain', label: '', fromYear: 2, share: 0.1 },
  ];
  const withLevers = { ...scenario, levers };
  const defaults = defaultSkillsScenario();
  const defaultTimes = estimatedTravelTimes(defaults);

  const figures = {
    size: {
      occupations: 500,
      territories: 20,
      horizons: 4,
      units: 500 * 20 * 4,
      zones: zones.length,
      needs: scenario.needs.length,
      programmes: scenario.programmes.length,
    },
    fullRunMs: measure(40, 5, () => runSkillsModel({ scenario, travelTimes })),
    fullRunWithTransportLeverMs: measure(20, 3, () =>
      runSkillsModel({ scenario: { ...scenario, levers: [transport] }, travelTimes }),
    ),
    validationMs: measure(10, 2, () => parseSkillsScenario(input)),
    evaluateFiveLeversMs: measure(5, 1, () => evaluateLevers({ scenario: withLevers, travelTimes })),
    defaultNorthLorraineRunMs: measure(20, 3, () =>
      runSkillsModel({ scenario: defaults, travelTimes: defaultTimes }),
    ),
    targetMs: 50,
  };
  const rows: [string, Stats][] = [
    ['full run 500×20×4, 150 zones', figures.fullRunMs],
    ['  … with a transport lever', figures.fullRunWithTransportLeverMs],
    ['scenario validation (zod)', figures.validationMs],
    ['evaluate 5 levers (7 runs)', figures.evaluateFiveLeversMs],
    ['default North Lorraine run', figures.defaultNorthLorraineRunMs],
  ];
  const table = [
    'task                              median     p10     p90     min     max  (ms)',
    ...rows.map(
      ([name, s]) =>
        `${name.padEnd(32)} ${[s.median, s.p10, s.p90, s.min, s.max].map((v) => v.toFixed(1).padStart(7)).join(' ')}`,
    ),
    `target: full run under ${figures.targetMs} ms — ${figures.fullRunMs.median < figures.targetMs ? 'met' : 'NOT met'} (median)`,
  ].join('\n');
  return { name: 'skills', figures, table };
}
