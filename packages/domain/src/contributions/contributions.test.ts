import { describe, expect, it } from 'vitest';
import { needSchema } from '../realtime/content-doc.ts';
import { callInputSchema, callState, mayAnswerCall } from './calls.ts';
import { needsFromCsv } from './needs-csv.ts';
import { contributionEntries, parseContributionPayload } from './payloads.ts';

const ORG = '7d6f1c3e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
const PERSON = '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f9';
const FACILITATOR = '9a8b7c6d-5e4f-4321-8765-fedcba987654';

const call = {
  title: 'Besoins de recrutement 2027',
  text: 'Merci de décrire vos besoins.',
  asks: ['needs', 'answers'],
  audienceKinds: ['company'],
  opensAt: '2026-12-01T08:00:00Z',
  closesAt: '2026-12-15T18:00:00Z',
  questions: [
    { id: 'q1', label: 'Accueillez-vous des apprentis ?', kind: 'choice', options: ['oui', 'non'] },
    { id: 'q2', label: 'Vos difficultés ?', kind: 'text' },
  ],
};

describe('calls for contributions', () => {
  it('accepts a complete call and refuses one that closes before it opens, names no audience, or asks answers without questions', () => {
    expect(callInputSchema.safeParse(call).success).toBe(true);
    const bad = callInputSchema.safeParse({
      ...call,
      closesAt: '2026-11-30T00:00:00Z',
      audienceKinds: [],
      questions: [],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['closesAt', 'audienceKinds', 'questions']));
  });

  it('is open from its opening (included) to its closing (excluded): a second after closing is too late', () => {
    const window = callInputSchema.parse(call);
    expect(callState(window, new Date('2026-11-30T23:59:59Z'))).toBe('scheduled');
    expect(callState(window, new Date('2026-12-01T08:00:00Z'))).toBe('open');
    expect(callState(window, new Date('2026-12-15T17:59:59Z'))).toBe('open');
    expect(callState(window, new Date('2026-12-15T18:00:01Z'))).toBe('closed');
  });

  it('asks organisations by kind or by name', () => {
    const audience = { audienceKinds: ['company'] as const, audienceOrganisationIds: [ORG] };
    expect(mayAnswerCall(audience, { id: 'other', kind: 'company' })).toBe(true);
    expect(mayAnswerCall(audience, { id: ORG, kind: 'school' })).toBe(true);
    expect(mayAnswerCall(audience, { id: 'other', kind: 'school' })).toBe(false);
  });

  it('refuses an unverified organisation when the call is limited to verified ones', () => {
    const audience = {
      audienceKinds: ['company'] as const,
      audienceOrganisationIds: [ORG],
      verifiedOnly: true,
    };
    expect(mayAnswerCall(audience, { id: 'other', kind: 'company', verified: false })).toBe(false);
    expect(mayAnswerCall(audience, { id: ORG, kind: 'school', verified: false })).toBe(false);
    expect(mayAnswerCall(audience, { id: 'other', kind: 'company', verified: true })).toBe(true);
    expect(callInputSchema.parse({ ...call, verifiedOnly: true }).verifiedOnly).toBe(true);
    expect(callInputSchema.parse(call).verifiedOnly).toBe(false);
  });
});

describe('contribution payloads', () => {
  const need = {
    romeCode: 'H2913',
    title: 'Soudeurs TIG',
    skills: ['TIG'],
    headcount: 3,
    horizonMonths: 6,
    communeCode: '57672',
    contract: 'cdi',
    difficulty: 3,
    crossBorder: false,
    comment: '',
  };

  it('refuses a need with the room’s field rules, naming the field', () => {
    const result = parseContributionPayload('needs', { needs: [need, { ...need, headcount: 0 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toBe('needs.1.headcount');
  });

  it('checks questionnaire answers against the call’s questions', () => {
    const questions = callInputSchema.parse(call).questions;
    expect(
      parseContributionPayload('answers', { answers: { q1: 'oui', q2: 'Peu de candidats' } }, questions).ok,
    ).toBe(true);
    const bad = parseContributionPayload('answers', { answers: { q1: 'peut-être', q9: 'x' } }, questions);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((issue) => issue.path).sort()).toEqual([
        'answers.q1',
        'answers.q2',
        'answers.q9',
      ]);
  });

  it('turns an accepted contribution into room entries with provenance and stable ids', () => {
    const contribution = {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      kind: 'needs' as const,
      payload: { needs: [need, { ...need, title: 'Chaudronniers', romeCode: 'H2902' }] },
      organisationId: ORG,
      authorId: PERSON,
    };
    const now = new Date('2026-12-02T10:00:00Z');
    const first = contributionEntries({ contribution, acceptedBy: FACILITATOR, now });
    expect(first.needs).toHaveLength(2);
    for (const entry of first.needs) {
      expect(needSchema.safeParse(entry).success).toBe(true);
      expect(entry).toMatchObject({
        organisationId: ORG,
        contributionId: contribution.id,
        contributorId: PERSON,
        createdBy: FACILITATOR,
      });
    }
    const again = contributionEntries({ contribution, acceptedBy: FACILITATOR, now });
    expect(again.needs.map((entry) => entry.id)).toEqual(first.needs.map((entry) => entry.id));
  });
});

describe('needs CSV of a contribution', () => {
  const header =
    'id;organisation;rome_code;title;headcount;horizon_months;commune;contract;difficulty;cross_border;comment';

  it('reports each bad line with its column and keeps the good ones', () => {
    const csv = [
      header,
      'n1;;H2913;Soudeurs TIG;4;12;57672;cdi;3;oui;',
      'n2;;H2902;;2;6;57463;cdd;;non;"Atelier ""chaudronnerie"""',
      'n3;;H2913;Soudeurs;zero;6;57463;cdi;2;non;',
      'n4;;Z9999;Inconnu;1;6;99999;cdi;2;peut-être;',
      'n5;;H2913;Soudeurs;1;6;57463;freelance;2;non;',
    ].join('\r\n');
    const communes = new Set(['57672', '57463']);
    const report = needsFromCsv(`\ufeff${csv}`, { isKnownCommune: (code) => communes.has(code) });
    expect(report.accepted).toBe(2);
    expect(report.rejected).toBe(3);
    expect(report.rows.map((row) => row.line)).toEqual([2, 3]);
    // An empty title takes the occupation's label; quotes are read per RFC 4180.
    expect(report.rows[1]!.need.title).not.toBe('');
    expect(report.rows[1]!.need.comment).toBe('Atelier "chaudronnerie"');
    const problems = report.errors.map((error) => `${error.line}:${error.column}`);
    expect(problems).toEqual(
      expect.arrayContaining(['4:headcount', '5:rome_code', '5:commune', '5:cross_border', '6:contract']),
    );
    expect(report.errors.every((error) => !/[A-Z ]/.test(error.problem))).toBe(true);
  });

  it('refuses a file without the required columns', () => {
    const report = needsFromCsv('rome_code;title\nH2913;Soudeurs');
    expect(report.accepted).toBe(0);
    expect(report.errors.map((error) => error.field)).toEqual(
      expect.arrayContaining(['headcount', 'horizonMonths', 'commune', 'contract']),
    );
  });
});
