import { describe, expect, it } from 'vitest';
import { isValidSiren, sirenSchema } from './siren.ts';

describe('isValidSiren', () => {
  it('accepts real SIRENs that pass the Luhn check', () => {
    // L'Oréal, Renault, Metz Métropole
    for (const siren of ['632012100', '441639465', '200039865']) expect(isValidSiren(siren)).toBe(true);
  });

  it('refuses a number whose Luhn check fails', () => {
    expect(isValidSiren('632012101')).toBe(false);
    expect(isValidSiren('123456789')).toBe(false);
  });

  it('refuses anything but nine digits', () => {
    for (const value of ['', '63201210', '6320121000', '63201210a', ' 632012100', '６３２０１２１００']) {
      expect(isValidSiren(value)).toBe(false);
    }
  });

  it("accepts La Poste's historical exception", () => {
    expect(isValidSiren('356000000')).toBe(true);
  });
});

describe('sirenSchema', () => {
  it('ignores the spaces people type between groups of digits', () => {
    expect(sirenSchema.parse('632 012 100')).toBe('632012100');
  });

  it('fails with invalid_siren on a bad number', () => {
    const result = sirenSchema.safeParse('632 012 101');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('invalid_siren');
  });
});
