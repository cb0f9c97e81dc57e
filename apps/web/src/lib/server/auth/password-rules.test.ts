import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.ts';

describe('passwordProblem', () => {
  it('accepts a password of ten characters or more that is not common', () => {
    expect(passwordProblem('vallée-de-la-fensch')).toBeUndefined();
    expect(passwordProblem('ab3-k9z!qq')).toBeUndefined();
  });

  it('refuses fewer than ten characters, counting accented letters once', () => {
    expect(passwordProblem('abc-123-x')).toBe('password_too_short');
    expect(passwordProblem('éééééééé')).toBe('password_too_short');
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('AZERTYUIOP')).toBe('password_common');
    expect(passwordProblem('Motdepasse123')).toBe('password_common');
  });

  it('refuses the e-mail address as a password', () => {
    expect(passwordProblem('julie@example.org', { email: 'Julie@example.org' })).toBe('password_common');
  });

  it('refuses an overlong password', () => {
    expect(passwordProblem('x'.repeat(201))).toBe('password_too_long');
  });
});
