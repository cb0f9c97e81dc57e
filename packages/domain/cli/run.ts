// `pnpm model run [--scenario file.json] [--out result.json] [--compare] [--select-link A,B[,road]]`:
// runs the full default model (North Lorraine) and prints the main indicators; with --compare, also
// the baseline and the differences; with --select-link, who uses the road section between zones A
// and B (zone ids, optionally one road name). The last stdout line is a JSON summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  diffResults,
  MODES,
  NORTH_LORRAINE,
  runModel,
  scenarioSchema,
  selectLink,
  type ModelParameters,
  type ModelResult,
  type Simulation,
  type Territory,
} from '../src/mobility/index.ts';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const int = (value: number) => Math.round(value).toLocaleString('en-GB');

/** The most loaded road sections, two-way, with their zones' names. */
function topSections(result: ModelResult, count: number): string {
  const names = new Map(NORTH_LORRAINE.zones.map((zone) => [zone.id, zone.name]));
  const sections = new Map<string, number>();
  for (const link of result.links) {
    if (link.roadClass === 'connector') continue;
    const key = [link.name, ...[link.from, link.to].sort()].join('|');
    sections.set(key, (sections.get(key) ?? 0) + link.dailyVolume);
  }
  return [...sections]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, volume]) => {
      const [name, a, b] = key.split('|') as [string, string, string];
      return `${name} ${names.get(a) ?? a}–${names.get(b) ?? b} ${int(volume)}`;
    })
    .join('; ');
}

/** The `--select-link A,B[,road]` value: two zone ids and an optional road name. */
function parseSelectLink(spec: string): { between: [string, string]; name: string | undefined } {
  const [a, b, name] = spec.split(',').map((part) => part.trim());
  if (!a || !b) throw new Error(`--select-link takes two zone ids and an optional road name: "${spec}"`);
  return { between: [a, b], name };
}

/** Who uses the section between two zones: by kind, by path length and the main zone pairs. */
function selectLinkReport(
  run: { simulation: Simulation; territory: Territory; parameters: ModelParameters },
  spec: { between: [string, string]; name: string | undefined },
): string {
  const { territory } = run;
  const [a, b] = spec.between;
  const name = spec.name;
  const result = selectLink({ ...run, between: spec.between, name });
  const names = new Map(territory.zones.map((zone) => [zone.id, zone.name]));
  const share = (pcu: number) => `${int(pcu)} (${pct(pcu / result.selected)})`;
  return [
    `select-link ${name ?? 'all roads'} ${names.get(a)}–${names.get(b)}: ${int(result.equilibrium)} PCU/day two-way ` +
      `at equilibrium, ${int(result.selected)} on the shortest paths of the equilibrium costs`,
    `  by kind: ${Object.entries(result.byKind)
      .map(([kind, pcu]) => `${kind} ${share(pcu)}`)
      .join(', ')}`,
    `  by path length: ${result.byDistance
      .map((band, i, all) =>
        band.upToKm === Infinity
          ? `over ${all[i - 1]?.upToKm ?? 0} km ${share(band.pcu)}`
          : `up to ${band.upToKm} km ${share(band.pcu)}`,
      )
      .join(', ')}`,
    `  main pairs: ${result.pairs
      .slice(0, 12)
      .map((p) => `${names.get(p.a)}–${names.get(p.b)} (${p.kind}, ${p.km.toFixed(0)} km) ${int(p.pcu)}`)
      .join('; ')}`,
  ].join('\n');
}

function report(result: ModelResult, ms: number): string {
  const lines = [
    `${result.territory} — scenario "${result.scenario}" (${ms.toFixed(0)} ms)`,
    `trips per day: ${int(result.trips.total)}`,
    `mode shares:            ${MODES.map((m) => `${m} ${pct(result.modeShares[m])}`).join(', ')}`,
    `calibration perimeter:  ${MODES.map((m) => `${m} ${pct(result.calibrationShares[m])}`).join(', ')}`,
    `  target:               ${MODES.map((m) => `${m} ${pct(result.calibrationTarget.shares[m])}`).join(', ')}`,
    `vehicle-km per day: ${int(result.vehicleKm)}; CO2: ${result.co2.tonnesPerDay.toFixed(0)} t/day`,
    `mean travel time (min): ${MODES.map((m) => `${m} ${result.meanTravelMinutes[m].toFixed(1)}`).join(', ')}`,
    `most loaded corridors (two-way PCU/day): ${result.corridors
      .slice(0, 5)
      .map((c) => `${c.name} ${int(c.maxDailyVolume)}`)
      .join(', ')}`,
    `most loaded sections (two-way PCU/day, lorries count 2): ${topSections(result, 5)}`,
    `road links over 90 % of capacity: ${result.dysfunctions.linksOver90}, over 100 %: ${result.dysfunctions.linksOver100}`,
    `PT segments over capacity: ${result.dysfunctions.overloadedPtSegments.length}; ` +
      `zone pairs with PT over twice the car time: ${result.dysfunctions.slowPtPairCount}`,
    `convergence: ${result.convergence.feedbackIterations} feedback iterations, last gap ` +
      `${result.convergence.assignments.at(-1)?.relativeGap.toExponential(2)}, converged ${result.convergence.converged}`,
    `illustrative data: ${result.illustrative.length} items (see the result's "illustrative" field)`,
  ];
  return lines.join('\n');
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      out: { type: 'string' },
      compare: { type: 'boolean' },
      'select-link': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.error(
      'Usage: pnpm model run [--scenario file.json] [--out result.json] [--compare] [--select-link A,B[,road]]',
    );
    return 0;
  }
  let scenario = scenarioSchema.parse({});
  if (values.scenario) {
    const parsed = scenarioSchema.safeParse(JSON.parse(readFileSync(values.scenario, 'utf8')));
    if (!parsed.success) {
      console.error(
        `${values.scenario}: invalid scenario: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      return 1;
    }
    scenario = parsed.data;
  }
  const selected = values['select-link'] ? parseSelectLink(values['select-link']) : undefined;
  const started = performance.now();
  // The select-link analysis reads the run's own simulation, so the model runs once.
  let run: Parameters<typeof selectLinkReport>[0] | undefined;
  const result = runModel({
    scenario,
    onSimulation: (simulation, territory, parameters) => (run = { simulation, territory, parameters }),
  });
  const ms = performance.now() - started;
  console.error(report(result, ms));
  if (selected && run) console.error(selectLinkReport(run, selected));
  let diff;
  if (values.compare) {
    diff = diffResults({ baseline: runModel(), scenario: result });
    const pp = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)} pt`;
    console.error(
      [
        `compared with the baseline:`,
        `  mode shares: ${MODES.map((m) => `${m} ${pp(diff!.modeShares[m])}`).join(', ')}`,
        `  vehicle-km per day: ${diff.vehicleKm >= 0 ? '+' : ''}${int(diff.vehicleKm)}; CO2 ${diff.co2TonnesPerDay.toFixed(1)} t/day`,
        `  links over capacity: ${diff.linksOver100 >= 0 ? '+' : ''}${diff.linksOver100}; largest volume changes: ${diff.links
          .slice(0, 5)
          .map((l) => `${l.name} ${l.from}>${l.to} ${l.dailyVolume >= 0 ? '+' : ''}${int(l.dailyVolume)}`)
          .join(', ')}`,
      ].join('\n'),
    );
  }
  if (values.out) {
    // The zone-to-zone skims are typed arrays for the skills model, not part of the JSON report.
    const { skims: _skims, ...report } = result;
    writeFileSync(values.out, JSON.stringify(diff ? { result: report, diff } : report, null, 2) + '\n');
    console.error(`result written to ${values.out}`);
  }
  console.log(
    JSON.stringify({
      scenario: result.scenario,
      ms: Math.round(ms),
      trips: Math.round(result.trips.total),
      modeShares: result.modeShares,
      vehicleKm: Math.round(result.vehicleKm),
      co2TonnesPerDay: Math.round(result.co2.tonnesPerDay),
      topCorridor: result.corridors[0]?.name,
      converged: result.convergence.converged,
    }),
  );
  return 0;
}
