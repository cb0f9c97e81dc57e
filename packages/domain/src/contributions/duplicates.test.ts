import { describe, expect, it } from 'vitest';
import { needSchema, type Need } from '../realtime/content-doc.ts';
import { findDuplicateNeeds, titleSimilarity, withMergedContribution } from './duplicates.ts';
import { contributionEntries } from './payloads.ts';

const ORG = '7d6f1c3e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
const OTHER = '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091';
const PERSON = '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f9';
const FACILITATOR = '9a8b7c6d-5e4f-4321-8765-fedcba987654';
const CONTRIBUTION = '5f6e7d8c-9b0a-4123-8456-789abcdef012';

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
const existing = (id: string, patch: Partial<Need>): Need =>
  needSchema.parse({
    ...draft,
    id,
    organisationId: ORG,
    title: 'Soudeurs TIG/MIG sur acier',
    headcount: 6,
    createdBy: PERSON,
    updatedAt: '2026-12-01T08:00:00.000Z',
    ...patch,
  });

describe('duplicates at moderation', () => {
  it('calls titles alike when one holds the other’s words, plurals and accents aside', () => {
    expect(titleSimilarity('Soudeurs TIG', 'Soudeur TIG/MIG sur acier')).toBe(1);
    expect(titleSimilarity('Électriciens de maintenance', 'electricien maintenance')).toBe(1);
    expect(titleSimilarity('Soudeurs TIG sur acier', 'Apprentis soudeurs')).toBeLessThan(0.5);
  });

  it('flags a contributed need of the same organisation, occupation and commune with a similar title', () => {
    const needs = [
      existing('same', {}),
      existing('other-org', { organisationId: OTHER }),
      existing('other-job', { romeCode: 'H2902' }),
      existing('other-place', { communeCode: '57463' }),
      existing('other-title', { title: 'Apprentis soudeurs' }),
    ];
    const found = findDuplicateNeeds({
      organisationId: ORG,
      drafts: [draft, { ...draft, romeCode: 'N1101' }],
      existing: needs,
    });
    expect(found.map((duplicate) => [duplicate.index, duplicate.need.id])).toEqual([[0, 'same']]);
  });

  it('merges a duplicate into the existing need, which keeps its provenance and records the contribution', () => {
    const entries = contributionEntries({
      contribution: {
        id: CONTRIBUTION,
        kind: 'needs',
        payload: { needs: [draft, { ...draft, title: 'Chaudronniers', romeCode: 'H2902' }] },
        organisationId: ORG,
        authorId: PERSON,
      },
      acceptedBy: FACILITATOR,
      now: new Date('2026-12-05T10:00:00Z'),
      mergeInto: new Map([[0, 'same']]),
    });
    expect(entries.needs.map((need) => need.id)).toEqual([`${CONTRIBUTION}-2`]);
    expect(entries.needMerges).toEqual([
      {
        needId: 'same',
        merged: {
          entryId: `${CONTRIBUTION}-1`,
          contributionId: CONTRIBUTION,
          contributorId: PERSON,
          organisationId: ORG,
          title: 'Soudeurs TIG',
          headcount: 3,
          mergedBy: FACILITATOR,
          mergedAt: '2026-12-05T10:00:00.000Z',
        },
      },
    ]);
    const target = existing('same', {
      contributionId: '0a1b2c3d-0000-4000-8000-000000000000',
      contributorId: OTHER,
    });
    const merged = withMergedContribution(target, entries.needMerges![0]!.merged);
    const after = needSchema.parse({ ...target, mergedContributions: merged });
    // Both provenances: the need's own contribution, and the one merged into it.
    expect(after.contributionId).toBe('0a1b2c3d-0000-4000-8000-000000000000');
    expect(after.mergedContributions?.map((m) => m.contributionId)).toEqual([CONTRIBUTION]);
    // A retried merge records nothing twice.
    expect(withMergedContribution(after, entries.needMerges![0]!.merged)).toHaveLength(1);
  });
});
