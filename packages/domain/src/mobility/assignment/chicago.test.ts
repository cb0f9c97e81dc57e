import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTntpNetwork, parseTntpTrips } from '../network/tntp.ts';
import { assignRoad } from './road-assignment.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const read = (file: string) =>
  readFileSync(path.resolve(root, 'packages/domain/fixtures/tntp/ChicagoSketch', file), 'utf8');
// Generalised cost = time + 0.02 min/cent × toll + 0.04 min/mile × length (data README).
const { network } = parseTntpNetwork({
  text: read('ChicagoSketch_net.tntp'),
  file: 'ChicagoSketch_net.tntp',
  tollFactor: 0.02,
  distanceFactor: 0.04,
});
const trips = parseTntpTrips({ text: read('ChicagoSketch_trips.tntp'), file: 'ChicagoSketch_trips.tntp' });
const BEST_BECKMANN = 17_313_018.739;
// Bounded so the suite stays fast; measured: bfw 43, cfw 45, fw 87 iterations.
const MAX_ITERATIONS = 150;

describe('assignRoad on Chicago Sketch (933 nodes, 2,950 links, 387 zones)', () => {
  const runs = Object.fromEntries(
    (['bfw', 'cfw', 'fw'] as const).map((algorithm) => [
      algorithm,
      assignRoad({ network, demand: trips.demand, algorithm, gap: 1e-4, maxIterations: MAX_ITERATIONS }),
    ]),
  );

  it('reads the whole demand: 1,260,907.44 trips', () => {
    expect(trips.total).toBeCloseTo(1_260_907.44, 1);
  });

  it.each(['fw', 'cfw', 'bfw'])('%s reaches relative gap 1e-4 near the best-known objective', (algorithm) => {
    const run = runs[algorithm]!;
    expect(run.converged).toBe(true);
    expect(run.relativeGap).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(run.beckmann / BEST_BECKMANN - 1)).toBeLessThan(5e-4);
  });

  it('bi-conjugate Frank-Wolfe needs fewer iterations than Frank-Wolfe', () => {
    expect(runs.bfw!.iterations).toBeLessThan(runs.fw!.iterations);
    expect(runs.cfw!.iterations).toBeLessThan(runs.fw!.iterations);
  });
});
