import { describe, expect, it } from 'vitest';
import { createRoadNetwork } from '../network/road-network.ts';
import { beckmann, linkTime, linkTimeDerivative, linkTimeIntegral } from './volume-delay.ts';

const net = createRoadNetwork({
  nodeCount: 2,
  zoneCount: 2,
  links: [
    { from: 0, to: 1, capacity: 1000, length: 1, freeFlowTime: 10 },
    { from: 0, to: 1, capacity: 1000, length: 1, freeFlowTime: 10, vdf: 'inrets', alpha: 0.6 },
    { from: 0, to: 1, capacity: 800, length: 1, freeFlowTime: 3, alpha: 0.5, beta: 2.5, fixedCost: 2 },
  ],
});

function simpson(f: (v: number) => number, b: number, steps = 2000): number {
  const h = b / steps;
  let sum = f(0) + f(b);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

describe('volume-delay functions', () => {
  it('BPR gives t0 (1 + 0.15 (v/c)^4): 10 × 1.15 at capacity', () => {
    expect(linkTime(net, 0, 0)).toBe(10);
    expect(linkTime(net, 0, 1000)).toBeCloseTo(11.5, 12);
    expect(linkTime(net, 0, 2000)).toBeCloseTo(10 * (1 + 0.15 * 16), 12);
  });

  it('INRETS is t0 at zero flow, continuous at capacity, quadratic above', () => {
    expect(linkTime(net, 1, 0)).toBeCloseTo(10, 12);
    const below = linkTime(net, 1, 1000 - 1e-6);
    const above = linkTime(net, 1, 1000 + 1e-6);
    expect(below).toBeCloseTo((10 * (1.1 - 0.6)) / 0.1, 4);
    expect(above).toBeCloseTo(below, 4);
    expect(linkTime(net, 1, 2000)).toBeCloseTo(((10 * 0.5) / 0.1) * 4, 9);
  });

  it('integrals match numerical integration, derivatives match finite differences (off the kink)', () => {
    for (let link = 0; link < 3; link++) {
      for (const v of [0, 350, 999, 1000, 1600]) {
        expect(linkTimeIntegral(net, link, v)).toBeCloseTo(
          simpson((u) => linkTime(net, link, u), v),
          4,
        );
        if (v === 1000) continue; // INRETS has a kink at capacity
        const h = 1e-3;
        const numeric =
          (linkTime(net, link, v + h) - linkTime(net, link, Math.max(0, v - h))) / (v > 0 ? 2 * h : h);
        expect(linkTimeDerivative(net, link, v)).toBeCloseTo(numeric, 5);
      }
    }
  });

  it('the Beckmann objective adds the fixed cost times the flow', () => {
    const flows = Float64Array.from([500, 500, 400]);
    const expected =
      linkTimeIntegral(net, 0, 500) + linkTimeIntegral(net, 1, 500) + linkTimeIntegral(net, 2, 400) + 2 * 400;
    expect(beckmann(net, flows)).toBeCloseTo(expected, 9);
  });
});
