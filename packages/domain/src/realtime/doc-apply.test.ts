import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contributionEntries } from '../contributions/payloads.ts';
import { needs } from './content-doc.ts';
import { applyMergeEntries, docChangeRequestSchema, mergeEntriesPresent } from './doc-apply.ts';

const ORG = '7d6f1c3e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
const PERSON = '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f9';
const FACILITATOR = '9a8b7c6d-5e4f-4321-8765-fedcba987654';
const CONTRIBUTION = '5f6e7d8c-9b0a-4123-8456-789abcdef012';
const WORKSHOP = '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f';

const draft = {
  romeCode: 'H2913',
  title: 'Soudeurs TIG',
  skills: ['TIG'],
  headcount: 3,
  horizonMonths: 6,
  communeCode: '57221',
  contract: 'cdi' as const,
  difficulty: 3,
  crossBorder: false,
  comment: '',
};

const contribution = (mergeInto?: Map<number, string>) =>
  contributionEntries({
    contribution: {
      id: CONTRIBUTION,
      kind: 'needs',
      payload: { needs: [draft, { ...draft, title: 'Chaudronniers' }] },
      organisationId: ORG,
      authorId: PERSON,
    },
    acceptedBy: FACILITATOR,
    now: new Date('2026-12-07T10:00:00Z'),
    mergeInto,
  });

describe('applying an accepted contribution to the content document', () => {
  it('adds its entries once: merged again, it adds nothing', () => {
    const doc = new Y.Doc();
    const entries = contribution();
    expect(applyMergeEntries(doc, entries)).toEqual({ ok: true, added: 2 });
    expect(applyMergeEntries(doc, entries)).toEqual({ ok: true, added: 0 });
    expect(needs.read(doc).map((need) => need.title)).toEqual(['Soudeurs TIG', 'Chaudronniers']);
    expect(mergeEntriesPresent(doc, entries)).toBe(true);
  });

  it('adds nothing when a need to merge into is gone', () => {
    const doc = new Y.Doc();
    const entries = contribution(new Map([[0, 'deleted-need']]));
    expect(applyMergeEntries(doc, entries)).toEqual({ ok: false, reason: 'target_gone' });
    expect(needs.read(doc)).toEqual([]);
    expect(mergeEntriesPresent(doc, entries)).toBe(false);
  });

  it('records a merged need on the existing one instead of adding a line', () => {
    const doc = new Y.Doc();
    applyMergeEntries(doc, contribution());
    const [target] = needs.read(doc);
    const entries = contributionEntries({
      contribution: {
        id: '6a7b8c9d-0e1f-4234-8567-89abcdef0123',
        kind: 'needs',
        payload: { needs: [draft] },
        organisationId: ORG,
        authorId: PERSON,
      },
      acceptedBy: FACILITATOR,
      now: new Date('2026-12-07T11:00:00Z'),
      mergeInto: new Map([[0, target!.id]]),
    });
    expect(applyMergeEntries(doc, entries)).toEqual({ ok: true, added: 1 });
    expect(needs.read(doc)).toHaveLength(2);
    expect(needs.find(doc, target!.id)?.mergedContributions).toHaveLength(1);
    expect(mergeEntriesPresent(doc, entries)).toBe(true);
  });

  it('reads a request only when every entry is valid', () => {
    const entries = contribution();
    const request = { kind: 'merge', workshopId: WORKSHOP, actorId: FACILITATOR, entries };
    expect(docChangeRequestSchema.safeParse(request).success).toBe(true);
    const badNeed = { ...entries.needs[0], romeCode: 'not a code' };
    expect(
      docChangeRequestSchema.safeParse({ ...request, entries: { ...entries, needs: [badNeed] } }).success,
    ).toBe(false);
    expect(docChangeRequestSchema.safeParse({ ...request, workshopId: 'x' }).success).toBe(false);
    expect(
      docChangeRequestSchema.safeParse({
        kind: 'initial',
        workshopId: WORKSHOP,
        actorId: FACILITATOR,
        content: 'not base64!',
        facilitation: '',
      }).success,
    ).toBe(false);
  });
});
