import { describe, expect, it } from 'vitest';
import { findRomeOccupation, isRomeCode, listRomeOccupations, romeCodeSchema } from './rome.ts';
import { ROME_OCCUPATIONS, ROME_SOURCE } from './rome-occupations.ts';

describe('bundled ROME list', () => {
  it('holds a few hundred well-formed, unique, sorted codes with labels', () => {
    const codes = ROME_OCCUPATIONS.map(([code]) => code);
    expect(codes.length).toBeGreaterThanOrEqual(250);
    expect(codes.every((code) => isRomeCode(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    expect(ROME_OCCUPATIONS.every(([, label]) => label.trim().length > 0)).toBe(true);
    expect(ROME_SOURCE).toMatch(/ROME/);
  });

  it('covers the sectors the territory asked for', () => {
    for (const code of ['H2913', 'I1310', 'N1103', 'J1506', 'M1805', 'F1703', 'G1602']) {
      expect(findRomeOccupation(code), code).toBeDefined();
    }
    expect(findRomeOccupation('H2913')?.label).toBe('Soudage manuel');
    expect(listRomeOccupations()).toHaveLength(ROME_OCCUPATIONS.length);
  });

  it('rejects malformed codes', () => {
    expect(romeCodeSchema.safeParse('H291').success).toBe(false);
    expect(romeCodeSchema.safeParse('Z1234').success).toBe(false);
    expect(romeCodeSchema.safeParse('h2913').success).toBe(false);
    expect(findRomeOccupation('X0000')).toBeUndefined();
  });
});
