// The submission checks and the moderation rules, on the embedded database (the merge into
// the live document is replaced by a recorder; accept-race.test.ts covers the real one).
import { calls, contributions, notifications, seedDemo, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import type { MergeEntries } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRows } from '$lib/contributions/payload-form.ts';
import { contributorCall, saveContribution, SUBMISSION_RATE } from './contribute.ts';
import { acceptAllFrom, acceptContribution, rejectContribution, type Merge } from './moderation.ts';
import { contributedNeed } from '$lib/testing/needs.ts';

const need = (title: string) => contributedNeed(title);

describe('contributing and moderating (embedded database)', () => {
  let db: Db;
  let workshopId = '';
  let facilitatorId = '';
  let companyId = '';
  let schoolId = '';
  let steelId = '';
  const merged: MergeEntries[] = [];
  const record: Merge = async ({ entries }) => {
    merged.push(entries);
    return { added: entries.needs.length };
  };

  async function openCall(options: { closesInMs?: number } = {}) {
    const now = new Date();
    const { id } = await calls.create(db.sql, {
      workshopId,
      title: 'Besoins',
      text: '',
      asks: ['needs'],
      audienceKinds: ['company'],
      audienceOrganisationIds: [],
      questions: [],
      opensAt: new Date(now.getTime() - 60_000),
      closesAt: new Date(now.getTime() + (options.closesInMs ?? 3_600_000)),
      createdBy: facilitatorId,
      now,
    });
    return id;
  }

  async function submitAs(userId: string, callId: string, titles: string[], now = new Date()) {
    const target = await contributorCall(db.sql, { userId, callId, now });
    if (!target) throw new Error('not in the audience');
    return saveContribution(db.sql, {
      userId,
      target,
      kind: 'needs',
      organisationId: steelId,
      values: withRows({}, titles.map(need) as never),
      submit: true,
      now,
    });
  }

  beforeAll(async () => {
    db = await testBackends()[0]!.open();
    await seedDemo({ sql: db.sql, now: new Date() });
    const id = async (query: Promise<{ id: string }[]>) => (await query)[0]!.id;
    workshopId = await id(db.sql`select id from workshops where status = 'live'`);
    facilitatorId = await id(db.sql`select id from users where email = 'facilitator@atelier.example'`);
    companyId = await id(db.sql`select id from users where email = 'company@atelier.example'`);
    schoolId = await id(db.sql`select id from users where email = 'school@atelier.example'`);
    steelId = await id(
      db.sql`select organisation_id as id from workshop_members where workshop_id = ${workshopId} and user_id = ${companyId}`,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it('shows a call only to the organisations it asks', async () => {
    const callId = await openCall();
    expect(await contributorCall(db.sql, { userId: companyId, callId, now: new Date() })).toBeDefined();
    expect(await contributorCall(db.sql, { userId: schoolId, callId, now: new Date() })).toBeUndefined();
  });

  it('submits, tells the facilitators, and refuses invalid rows at their field', async () => {
    const callId = await openCall();
    const outcome = await submitAs(companyId, callId, ['Soudeurs']);
    expect(outcome).toMatchObject({ ok: true, status: 'submitted' });
    const told = await notifications.listForUser(db.sql, { userId: facilitatorId });
    expect(told[0]).toMatchObject({
      kind: 'contribution_submitted',
      details: { organisationName: expect.any(String) },
    });
    const bad = await submitAs(companyId, callId, ['']);
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid',
      errors: { 'needs.0.title': expect.any(String) },
    });
  });

  it('keeps a late submission as a draft', async () => {
    const callId = await openCall({ closesInMs: 1_000 });
    const late = await submitAs(companyId, callId, ['Chaudronniers'], new Date(Date.now() + 2_000));
    expect(late).toMatchObject({ ok: false, code: 'call_closed' });
    const [draft] = await contributions.listForAuthor(db.sql, { authorId: companyId, callId });
    expect(draft?.status).toBe('draft');
  });

  it(`refuses more than ${SUBMISSION_RATE.count} submissions an hour`, async () => {
    const callId = await openCall();
    const already = await contributions.submittedSince(db.sql, {
      authorId: companyId,
      since: new Date(Date.now() - SUBMISSION_RATE.windowMs),
    });
    for (let index = already; index < SUBMISSION_RATE.count; index += 1) {
      expect(await submitAs(companyId, callId, [`Besoin ${index}`])).toMatchObject({ ok: true });
    }
    expect(await submitAs(companyId, callId, ['Un de trop'])).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    await db.sql`update contributions set submitted_at = submitted_at - interval '2 hours' where author_id = ${companyId}`;
  });

  it('accepts with edits, validated, and merges the edited entries', async () => {
    const callId = await openCall();
    const outcome = await submitAs(companyId, callId, ['Monteurs']);
    const contributionId = outcome.ok ? outcome.contributionId : '';
    const invalid = await acceptContribution(db.sql, {
      workshopId,
      contributionId,
      moderatorId: facilitatorId,
      mergedPayload: { needs: [{ ...need('Monteurs'), headcount: 0 }] },
      merge: record,
      now: new Date(),
    });
    expect(invalid).toBe('invalid');
    merged.length = 0;
    const accepted = await acceptContribution(db.sql, {
      workshopId,
      contributionId,
      moderatorId: facilitatorId,
      mergedPayload: { needs: [{ ...need('Monteurs-régleurs'), headcount: 3 }] },
      merge: record,
      now: new Date(),
    });
    expect(accepted).toBe('accepted');
    expect(merged[0]?.needs.map((entry) => [entry.title, entry.headcount, entry.createdBy])).toEqual([
      ['Monteurs-régleurs', 3, facilitatorId],
    ]);
    expect(
      await rejectContribution(db.sql, {
        workshopId,
        contributionId,
        moderatorId: facilitatorId,
        reason: 'x',
        now: new Date(),
      }),
    ).toBe('already_moderated');
  });

  it("bulk-accepts a trusted organisation's waiting contributions", async () => {
    const callId = await openCall();
    await submitAs(companyId, callId, ['A']);
    await submitAs(companyId, callId, ['B']);
    const result = await acceptAllFrom(db.sql, {
      workshopId,
      organisationId: steelId,
      moderatorId: facilitatorId,
      merge: record,
      now: new Date(),
    });
    expect(result.accepted).toBeGreaterThanOrEqual(2);
    // The demo's own queue (other organisations) stays; nothing of the trusted one waits.
    const waiting = await contributions.listByStatus(db.sql, { workshopId, status: 'submitted' });
    expect(waiting.filter((c) => c.organisationId === steelId)).toHaveLength(0);
  });
});
