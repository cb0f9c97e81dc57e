import { describe, expect, it } from 'vitest';
import { createRoadNetwork } from './road-network.ts';
import { pathLinks, ShortestPathSolver } from './shortest-path.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ShortestPathSolver', () => {
  it('finds the cheaper of two paths and lists its links', () => {
    const net = createRoadNetwork({
      nodeCount: 4,
      zoneCount: 2,
      links: [
        { from: 0, to: 2, capacity: 1, length: 1, freeFlowTime: 1 },
        { from: 2, to: 1, capacity: 1, length: 1, freeFlowTime: 5 },
        { from: 0, to: 3, capacity: 1, length: 1, freeFlowTime: 2 },
        { from: 3, to: 1, capacity: 1, length: 1, freeFlowTime: 2 },
      ],
    });
    const solver = new ShortestPathSolver(net);
    solver.run(0, net.freeFlowTime);
    expect(solver.dist[1]).toBe(4);
    expect(pathLinks(solver, 1)).toEqual([2, 3]);
  });

  it('never passes through a centroid (node below the first through node)', () => {
    // 0 -> 1 -> 2 is cheap but 1 is a zone; the only legal path is 0 -> 3 -> 2.
    const links = [
      { from: 0, to: 1, capacity: 1, length: 1, freeFlowTime: 1 },
      { from: 1, to: 2, capacity: 1, length: 1, freeFlowTime: 1 },
      { from: 0, to: 3, capacity: 1, length: 1, freeFlowTime: 10 },
      { from: 3, to: 2, capacity: 1, length: 1, freeFlowTime: 10 },
    ];
    const zonal = createRoadNetwork({ nodeCount: 4, zoneCount: 3, firstThruNode: 2, links });
    const solver = new ShortestPathSolver(zonal);
    solver.run(0, zonal.freeFlowTime);
    expect(solver.dist[2]).toBe(20);
    expect(solver.dist[1]).toBe(1);
    const open = createRoadNetwork({ nodeCount: 4, zoneCount: 3, firstThruNode: 0, links });
    const free = new ShortestPathSolver(open);
    free.run(0, open.freeFlowTime);
    expect(free.dist[2]).toBe(2);
  });

  it('agrees with Bellman-Ford on random graphs, zero-cost links included', () => {
    const rand = random(42);
    for (let trial = 0; trial < 20; trial++) {
      const nodeCount = 30;
      const links = Array.from({ length: 120 }, () => ({
        from: Math.floor(rand() * nodeCount),
        to: Math.floor(rand() * nodeCount),
        capacity: 1,
        length: 1,
        freeFlowTime: rand() < 0.2 ? 0 : rand() * 10,
      }));
      const net = createRoadNetwork({ nodeCount, zoneCount: 5, firstThruNode: 0, links });
      const solver = new ShortestPathSolver(net);
      const origin = trial % nodeCount;
      solver.run(origin, net.freeFlowTime);
      const expected = new Float64Array(nodeCount).fill(Infinity);
      expected[origin] = 0;
      for (let pass = 0; pass < nodeCount; pass++) {
        links.forEach((link) => {
          const candidate = expected[link.from]! + link.freeFlowTime;
          if (candidate < expected[link.to]!) expected[link.to] = candidate;
        });
      }
      for (let node = 0; node < nodeCount; node++) expect(solver.dist[node]).toBeCloseTo(expected[node]!, 9);
    }
  });
});
