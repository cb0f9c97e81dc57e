import { describe, expect, it } from 'vitest';
import { NORTH_LORRAINE } from '../territory/north-lorraine.ts';
import { DEFAULT_MODEL_PARAMETERS } from './parameters.ts';
import { parseScenario } from './scenario.ts';
import { selectLink } from './select-link.ts';
import { simulate } from './simulate.ts';

const parameters = DEFAULT_MODEL_PARAMETERS;
const simulation = simulate({
  territory: NORTH_LORRAINE,
  scenario: parseScenario({}),
  parameters,
  constants: NORTH_LORRAINE.calibration.constants,
});
const analyse = (between: readonly [string, string], name?: string) =>
  selectLink({ territory: NORTH_LORRAINE, simulation, parameters, between, name });

describe('selectLink on the North Lorraine baseline', () => {
  it('accounts for the equilibrium volume of an A31 section within 2 %, split consistently', () => {
    // Woippy (57751) – Maizières-lès-Metz (57433).
    const result = analyse(['57751', '57433'], 'A31');
    expect(result.links).toHaveLength(2);
    expect(Math.abs(result.selected / result.equilibrium - 1)).toBeLessThan(0.02);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(Object.values(result.byKind))).toBeCloseTo(result.selected, 6);
    expect(sum(result.byDistance.map((band) => band.pcu))).toBeCloseTo(result.selected, 6);
    expect(sum(result.pairs.map((pair) => pair.pcu))).toBeCloseTo(result.selected, 6);
    expect(result.pairs[0]!.pcu).toBeGreaterThanOrEqual(result.pairs.at(-1)!.pcu);
  });

  it('finds every A31 lorry (15,000 a day at 2 PCU) north of Thionville, where they all go', () => {
    // Thionville (57672) – Hettange-Grande (57323): every lorry flow has Luxembourg at one end.
    expect(analyse(['57672', '57323'], 'A31').byKind.hgv).toBeCloseTo(30_000, 6);
  });

  it('rejects a section no road link makes and an unknown zone', () => {
    expect(() => analyse(['57463', 'X-LUX'])).toThrow(/no road link between 57463 and X-LUX/);
    expect(() => analyse(['57463', 'nowhere'])).toThrow(/no zone "nowhere"/);
  });
});
