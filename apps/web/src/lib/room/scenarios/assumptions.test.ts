import { describe, expect, it } from 'vitest';
import { checkName, forkScenario, parseValue, renameAssumption, withoutAssumption } from './assumptions.ts';
import { knownAssumption } from './known.ts';

describe('checkName', () => {
  it('trims and accepts a new name', () => {
    expect(checkName({ name: ' teleworkShare ', taken: ['fuelPrice'] })).toEqual({
      ok: true,
      value: 'teleworkShare',
    });
  });
  it('refuses an empty, an overlong and a taken name', () => {
    expect(checkName({ name: '  ', taken: [] })).toEqual({ ok: false, error: 'name_required' });
    expect(checkName({ name: 'x'.repeat(101), taken: [] })).toEqual({ ok: false, error: 'name_too_long' });
    expect(checkName({ name: 'fuelPrice', taken: ['fuelPrice'] })).toEqual({
      ok: false,
      error: 'name_taken',
    });
  });
  it('lets a renamed assumption keep its own name', () => {
    expect(checkName({ name: 'fuelPrice', taken: ['fuelPrice'], current: 'fuelPrice' }).ok).toBe(true);
  });
});

describe('parseValue', () => {
  it('reads numbers with a decimal comma', () => {
    expect(parseValue({ kind: 'number', input: '0,3' })).toEqual({ ok: true, value: 0.3 });
  });
  it('refuses what is not a number', () => {
    expect(parseValue({ kind: 'number', input: 'abc' })).toEqual({
      ok: false,
      error: 'not_a_number',
    });
    expect(parseValue({ kind: 'number', input: ' ' })).toEqual({
      ok: false,
      error: 'value_required',
    });
  });
  it('checks an assumption the models know against their range', () => {
    expect(
      parseValue({ kind: 'number', input: '1.5', known: knownAssumption('mobility.teleworkShare') }),
    ).toEqual({
      ok: false,
      error: 'out_of_model_range',
    });
    expect(
      parseValue({ kind: 'number', input: '30', known: knownAssumption('skills.reachPtMinutes') }).ok,
    ).toBe(true);
  });
  it('refuses overlong text and reads yes/no', () => {
    expect(parseValue({ kind: 'text', input: 'x'.repeat(501) })).toEqual({
      ok: false,
      error: 'text_too_long',
    });
    expect(parseValue({ kind: 'boolean', input: true })).toEqual({ ok: true, value: true });
  });
});

describe('assumption records', () => {
  it('renames in place and removes by name', () => {
    const record = { a: 1, b: 'x', c: true };
    expect(Object.keys(renameAssumption(record, 'b', 'z'))).toEqual(['a', 'z', 'c']);
    expect(withoutAssumption(record, 'a')).toEqual({ b: 'x', c: true });
  });
  it('forks a scenario with a copy of its assumptions', () => {
    const from = {
      id: 'baseline',
      title: 'Référence',
      description: 'd',
      assumptions: { teleworkShare: 0.1 },
      createdBy: 'u1',
      updatedAt: '2026-11-26T09:00:00.000Z',
    };
    const variant = forkScenario({ from, id: 'v1', title: 'Variante', userId: 'u2', now: new Date(0) });
    expect(variant).toMatchObject({
      id: 'v1',
      title: 'Variante',
      assumptions: { teleworkShare: 0.1 },
      parentId: 'baseline',
      createdBy: 'u2',
    });
    variant.assumptions.teleworkShare = 0.2;
    expect(from.assumptions.teleworkShare).toBe(0.1);
  });
});
