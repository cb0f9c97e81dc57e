// `pnpm model assign --net <net.tntp> --trips <trips.tntp> [--algorithm aon|msa|fw|cfw|bfw]
//   [--gap 1e-4] [--max-iter N] [--out flows.csv] [--toll-factor F] [--distance-factor F]`
// Progress goes to stderr; the last line on stdout is one JSON object.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ASSIGNMENT_ALGORITHMS,
  assignRoad,
  DisconnectedDemandError,
  parseTntpNetwork,
  parseTntpTrips,
  TntpParseError,
  type AssignmentAlgorithm,
} from '../src/mobility/index.ts';

const USAGE =
  'Usage: pnpm model assign --net <net.tntp> --trips <trips.tntp> [--algorithm aon|msa|fw|cfw|bfw] ' +
  '[--gap 1e-4] [--max-iter N] [--out flows.csv] [--toll-factor F] [--distance-factor F]';

function numberOption(name: string, raw: string | undefined, fallback: number | undefined) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      net: { type: 'string' },
      trips: { type: 'string' },
      algorithm: { type: 'string', default: 'bfw' },
      gap: { type: 'string' },
      'max-iter': { type: 'string' },
      out: { type: 'string' },
      'toll-factor': { type: 'string' },
      'distance-factor': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help || !values.net || !values.trips) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const algorithm = values.algorithm as AssignmentAlgorithm;
  if (!ASSIGNMENT_ALGORITHMS.includes(algorithm)) {
    console.error(`Unknown --algorithm "${values.algorithm}". ${USAGE}`);
    return 2;
  }
  const gap = numberOption('gap', values.gap, 1e-4)!;
  const maxIterations = numberOption('max-iter', values['max-iter'], 1000)!;
  const netFile = values.net;
  const tripsFile = values.trips;
  try {
    const started = performance.now();
    const net = parseTntpNetwork({
      text: readFileSync(netFile, 'utf8'),
      file: netFile,
      tollFactor: numberOption('toll-factor', values['toll-factor'], undefined),
      distanceFactor: numberOption('distance-factor', values['distance-factor'], undefined),
    });
    const trips = parseTntpTrips({ text: readFileSync(tripsFile, 'utf8'), file: tripsFile });
    if (trips.zoneCount !== net.network.zoneCount) {
      throw new TntpParseError(
        tripsFile,
        1,
        `<NUMBER OF ZONES> ${trips.zoneCount} differs from ${net.network.zoneCount} in ${netFile}`,
      );
    }
    console.error(
      `${path.basename(netFile)}: ${net.network.nodeCount} nodes, ${net.network.linkCount} links, ` +
        `${trips.zoneCount} zones, ${trips.total.toFixed(2)} trips; ${algorithm} to gap ${gap}`,
    );
    let result;
    try {
      result = assignRoad({
        network: net.network,
        demand: trips.demand,
        algorithm,
        gap,
        maxIterations,
        onIteration: (report) =>
          console.error(`iteration ${report.iteration}: relative gap ${report.relativeGap.toExponential(4)}`),
      });
    } catch (error) {
      if (error instanceof DisconnectedDemandError) {
        const line = trips.lines[error.origin * trips.zoneCount + error.destination] ?? 0;
        throw new TntpParseError(
          tripsFile,
          line,
          `demand ${error.demand} from zone ${error.origin + 1} to zone ${error.destination + 1}, ` +
            `which ${netFile} does not connect`,
        );
      }
      throw error;
    }
    const ms = performance.now() - started;
    if (values.out) {
      const { from, to, linkCount } = net.network;
      const rows = ['init_node,term_node,flow,cost'];
      for (let link = 0; link < linkCount; link++) {
        rows.push(`${from[link]! + 1},${to[link]! + 1},${result.flows[link]},${result.costs[link]}`);
      }
      writeFileSync(values.out, rows.join('\n') + '\n');
      console.error(`flows written to ${values.out}`);
    }
    if (!result.converged && algorithm !== 'aon') {
      console.error(`warning: gap ${result.relativeGap} above ${gap} after ${result.iterations} iterations`);
    }
    console.log(
      JSON.stringify({
        iterations: result.iterations,
        relativeGap: result.relativeGap,
        beckmann: result.beckmann,
        tstt: result.tstt,
        ms: Math.round(ms * 10) / 10,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof TntpParseError) {
      console.error(`${error.name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
