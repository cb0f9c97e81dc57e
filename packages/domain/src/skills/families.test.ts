import { describe, expect, it } from 'vitest';
import { ROME_OCCUPATIONS } from '../workshop/rome/rome-occupations.ts';
import { OCCUPATION_FAMILIES, familyOfRomeCode } from './families.ts';

describe('familyOfRomeCode', () => {
  it('puts the territory’s signature occupations in the expected family', () => {
    expect(familyOfRomeCode('H2913')).toBe('metalworking');
    expect(familyOfRomeCode('H2907')).toBe('metalworking');
    expect(familyOfRomeCode('I1604')).toBe('automotive');
    expect(familyOfRomeCode('I1310')).toBe('maintenance');
    expect(familyOfRomeCode('N1103')).toBe('logistics');
    expect(familyOfRomeCode('J1506')).toBe('health');
    expect(familyOfRomeCode('K1302')).toBe('care');
    expect(familyOfRomeCode('M1805')).toBe('digital');
    expect(familyOfRomeCode('F1703')).toBe('construction');
    expect(familyOfRomeCode('G1602')).toBe('hospitality');
  });

  it('gives every bundled occupation a family, and every family some occupation', () => {
    const used = new Set(ROME_OCCUPATIONS.map(([code]) => familyOfRomeCode(code)));
    expect([...used].sort()).toEqual([...OCCUPATION_FAMILIES].sort());
  });
});
