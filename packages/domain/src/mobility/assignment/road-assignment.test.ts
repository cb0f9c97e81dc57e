import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRoadNetwork, withLinkAttributes, type RoadNetwork } from '../network/road-network.ts';
import { parseTntpFlows, parseTntpNetwork, parseTntpTrips } from '../network/tntp.ts';
import { DisconnectedDemandError } from './all-or-nothing.ts';
import { ASSIGNMENT_ALGORITHMS, assignRoad } from './road-assignment.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const read = (file: string) =>
  readFileSync(path.resolve(root, 'packages/domain/fixtures/tntp', file), 'utf8');
const siouxFalls = parseTntpNetwork({
  text: read('SiouxFalls/SiouxFalls_net.tntp'),
  file: 'SiouxFalls_net.tntp',
});
const siouxTrips = parseTntpTrips({
  text: read('SiouxFalls/SiouxFalls_trips.tntp'),
  file: 'SiouxFalls_trips.tntp',
});
const SIOUX_FALLS_BEST_BECKMANN = 4_231_335.287;

/** Two parallel routes from zone 0 to zone 1, times 10 + 0.01 v and 15 + 0.005 v (BPR, power 1). */
const twoRoutes = createRoadNetwork({
  nodeCount: 2,
  zoneCount: 2,
  firstThruNode: 0,
  links: [
    { from: 0, to: 1, capacity: 1000, length: 1, freeFlowTime: 10, alpha: 1, beta: 1 },
    { from: 0, to: 1, capacity: 3000, length: 1, freeFlowTime: 15, alpha: 1, beta: 1 },
  ],
});
const twoRouteDemand = Float64Array.from([0, 3000, 0, 0]);

/** Braess: zones s=0, t=1; s-a and b-t cost 1 + v/100, a-t and s-b cost 45, a-b (optional) 0. */
function braess(withShortcut: boolean): RoadNetwork {
  const variable = { capacity: 100, length: 1, freeFlowTime: 1, alpha: 1, beta: 1 };
  const fixed = { capacity: 1, length: 1, freeFlowTime: 45, alpha: 0, beta: 1 };
  return createRoadNetwork({
    nodeCount: 4,
    zoneCount: 2,
    links: [
      { from: 0, to: 2, ...variable },
      { from: 2, to: 1, ...fixed },
      { from: 0, to: 3, ...fixed },
      { from: 3, to: 1, ...variable },
      ...(withShortcut
        ? [{ from: 2, to: 3, capacity: 1, length: 0, freeFlowTime: 0, alpha: 0, beta: 1 }]
        : []),
    ],
  });
}
const braessDemand = Float64Array.from([0, 4000, 0, 0]);

function netFlowAtNodes(net: RoadNetwork, flows: Float64Array): Float64Array {
  const balance = new Float64Array(net.nodeCount);
  for (let link = 0; link < net.linkCount; link++) {
    balance[net.from[link]!]! -= flows[link]!;
    balance[net.to[link]!]! += flows[link]!;
  }
  return balance;
}

describe('assignRoad on hand-checkable networks', () => {
  it('two routes: every equilibrium algorithm finds v1 = 1333.3, v2 = 1666.7, both at 23.33 min', () => {
    for (const algorithm of ['fw', 'cfw', 'bfw', 'msa'] as const) {
      const result = assignRoad({
        network: twoRoutes,
        demand: twoRouteDemand,
        algorithm,
        gap: 1e-7,
        maxIterations: 5000,
      });
      expect(result.flows[0], algorithm).toBeCloseTo(4000 / 3, algorithm === 'msa' ? 0 : 1);
      expect(result.flows[1], algorithm).toBeCloseTo(5000 / 3, algorithm === 'msa' ? 0 : 1);
      expect(result.costs[0], algorithm).toBeCloseTo(70 / 3, 2);
    }
  });

  it('with INRETS links, the equilibrium equalises the two routes (one above capacity)', () => {
    const network = createRoadNetwork({
      nodeCount: 2,
      zoneCount: 2,
      firstThruNode: 0,
      links: [
        { from: 0, to: 1, capacity: 1000, length: 1, freeFlowTime: 10, alpha: 0.5, vdf: 'inrets' },
        { from: 0, to: 1, capacity: 1500, length: 1, freeFlowTime: 14, alpha: 0.5, vdf: 'inrets' },
      ],
    });
    const demand = Float64Array.from([0, 3000, 0, 0]);
    const result = assignRoad({ network, demand, algorithm: 'bfw', gap: 1e-9, maxIterations: 2000 });
    expect(result.flows[0]! + result.flows[1]!).toBeCloseTo(3000, 6);
    expect(result.costs[0]).toBeCloseTo(result.costs[1]!, 4);
    expect(Math.max(result.flows[0]! / 1000, result.flows[1]! / 1500)).toBeGreaterThan(1);
  });

  it('all-or-nothing puts everything on the free-flow shortest route', () => {
    const result = assignRoad({ network: twoRoutes, demand: twoRouteDemand, algorithm: 'aon' });
    expect(Array.from(result.flows)).toEqual([3000, 0]);
    expect(result.iterations).toBe(1);
  });

  it("Braess's paradox: the zero-cost shortcut raises everyone's time from 66 to 82", () => {
    const without = assignRoad({ network: braess(false), demand: braessDemand, gap: 1e-9 });
    expect(without.flows[0]).toBeCloseTo(2000, 3);
    expect(without.sptt / 4000).toBeCloseTo(66, 4);
    const withShortcut = assignRoad({ network: braess(true), demand: braessDemand, gap: 1e-9 });
    expect(withShortcut.flows[4]).toBeCloseTo(4000, 3);
    expect(withShortcut.sptt / 4000).toBeCloseTo(82, 4);
  });

  it('names the zones of demand the network cannot carry', () => {
    const oneWay = createRoadNetwork({
      nodeCount: 2,
      zoneCount: 2,
      links: [{ from: 0, to: 1, capacity: 10, length: 1, freeFlowTime: 1 }],
    });
    expect(() => assignRoad({ network: oneWay, demand: Float64Array.from([0, 1, 5, 0]) })).toThrow(
      DisconnectedDemandError,
    );
    expect(() => assignRoad({ network: oneWay, demand: Float64Array.from([0, 1, 5, 0]) })).toThrow(
      /from zone 2 to zone 1/,
    );
  });
});

describe('assignRoad on Sioux Falls', () => {
  const best = parseTntpFlows({
    text: read('SiouxFalls/SiouxFalls_flow.tntp'),
    file: 'SiouxFalls_flow.tntp',
  });
  const result = assignRoad({
    network: siouxFalls.network,
    demand: siouxTrips.demand,
    algorithm: 'bfw',
    gap: 1e-4,
  });

  it('bfw reaches gap 1e-4 with the Beckmann objective within 0.05 % of the best known', () => {
    expect(result.converged).toBe(true);
    expect(result.relativeGap).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(result.beckmann / SIOUX_FALLS_BEST_BECKMANN - 1)).toBeLessThan(5e-4);
  });

  it('link flows have R² ≥ 0.99 against the best-known flows', () => {
    const { network } = siouxFalls;
    const observed = best.map((row) => {
      const link = Array.from(network.from.keys()).find(
        (l) => network.from[l] === row.from - 1 && network.to[l] === row.to - 1,
      );
      return { expected: row.volume, actual: result.flows[link!]! };
    });
    const mean = observed.reduce((sum, o) => sum + o.expected, 0) / observed.length;
    const residual = observed.reduce((sum, o) => sum + (o.expected - o.actual) ** 2, 0);
    const total = observed.reduce((sum, o) => sum + (o.expected - mean) ** 2, 0);
    expect(1 - residual / total).toBeGreaterThanOrEqual(0.99);
  });

  it('flows conserve demand at every node, for every algorithm', () => {
    const zones = siouxTrips.zoneCount;
    for (const algorithm of ASSIGNMENT_ALGORITHMS) {
      const run = assignRoad({
        network: siouxFalls.network,
        demand: siouxTrips.demand,
        algorithm,
        maxIterations: 30,
      });
      const balance = netFlowAtNodes(siouxFalls.network, run.flows);
      for (let node = 0; node < zones; node++) {
        let attracted = 0;
        let produced = 0;
        for (let other = 0; other < zones; other++) {
          if (other === node) continue;
          attracted += siouxTrips.demand[other * zones + node]!;
          produced += siouxTrips.demand[node * zones + other]!;
        }
        expect(balance[node], `${algorithm} node ${node + 1}`).toBeCloseTo(attracted - produced, 6);
      }
    }
  });

  it('each extra iteration of bfw lowers the gap on the whole (best gap decreases)', () => {
    const gaps = result.history.map((h) => h.relativeGap);
    expect(gaps[0]).toBeGreaterThan(0.01);
    expect(Math.min(...gaps.slice(-5))).toBeLessThan(Math.min(...gaps.slice(0, 5)));
  });

  it('more capacity on a link never raises the minimal Beckmann objective', () => {
    const gap = 1e-6;
    const base = assignRoad({
      network: siouxFalls.network,
      demand: siouxTrips.demand,
      gap,
      maxIterations: 2000,
    });
    for (const link of [3, 15, 27, 40, 61, 75]) {
      const capacity = siouxFalls.network.capacity.slice();
      capacity[link]! *= 1.5;
      const widened = withLinkAttributes(siouxFalls.network, { capacity });
      const after = assignRoad({ network: widened, demand: siouxTrips.demand, gap, maxIterations: 2000 });
      // after.beckmann - (tstt - sptt) is a lower bound of its optimum, base.beckmann an upper bound of the base's.
      expect(after.beckmann - (after.tstt - after.sptt), `link ${link}`).toBeLessThanOrEqual(base.beckmann);
      expect(after.beckmann, `link ${link}`).toBeLessThanOrEqual(base.beckmann + (after.tstt - after.sptt));
    }
  });
});
