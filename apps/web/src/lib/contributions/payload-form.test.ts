import { describe, expect, it } from 'vitest';
import {
  addRow,
  emptyValues,
  payloadFromValues,
  removeRow,
  rowCount,
  validateValues,
  valuesFromPayload,
  withRows,
} from './payload-form.ts';

const need = {
  romeCode: 'H2913',
  title: 'Soudeurs TIG',
  skills: ['TIG', 'lecture de plans'],
  headcount: 4,
  horizonMonths: 12,
  communeCode: '57221',
  contract: 'cdi' as const,
  difficulty: 3,
  crossBorder: true,
  comment: '',
};

describe('contribution form values', () => {
  it('round-trips a needs payload through the form values', () => {
    const values = valuesFromPayload('needs', { needs: [need, { ...need, title: 'Chaudronniers' }] });
    expect(rowCount(values)).toBe(2);
    expect(values['needs.1.title']).toBe('Chaudronniers');
    const parsed = validateValues('needs', values);
    expect(parsed.ok && parsed.payload.needs).toEqual([need, { ...need, title: 'Chaudronniers' }]);
  });

  it('keys validation errors by the name of the input', () => {
    let values = withRows({}, [need]);
    values = addRow(values, { romeCode: 'H2913', title: 'x', headcount: 'abc', communeCode: '123' });
    const parsed = validateValues('needs', values);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(Object.keys(parsed.errors).sort()).toEqual(['needs.1.communeCode', 'needs.1.headcount']);
    }
  });

  it('removes a row and moves the next ones up', () => {
    const values = withRows({}, [need, { ...need, title: 'B' }, { ...need, title: 'C' }]);
    const next = removeRow(values, 1);
    expect(rowCount(next)).toBe(2);
    expect([next['needs.0.title'], next['needs.1.title']]).toEqual(['Soudeurs TIG', 'C']);
    expect(next['needs.2.title']).toBeUndefined();
  });

  it('reads a training offer, a comment and answers', () => {
    const offer = validateValues('training_offer', {
      ...emptyValues('training_offer'),
      title: 'BTS CRSA',
      romeCodes: 'h2913, H2911',
      communeCode: '57463',
    });
    expect(offer.ok && offer.payload.offer.romeCodes).toEqual(['H2913', 'H2911']);
    expect(payloadFromValues('comment', { actionId: 'a1', text: 'Oui' })).toEqual({
      actionId: 'a1',
      text: 'Oui',
    });
    const questions = [{ id: 'q1', label: 'Secteur', kind: 'choice' as const, options: ['a', 'b'] }];
    const answers = validateValues('answers', { 'answers.q1': 'c' }, questions);
    expect(answers.ok ? {} : answers.errors).toEqual({ 'answers.q1': 'choose one of the options' });
  });
});
