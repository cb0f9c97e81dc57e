import type { Sql } from '../client.ts';
import { hashPassword } from '../passwords.ts';
import * as audit from '../repositories/audit.ts';
import * as exportHistory from '../repositories/exports.ts';
import * as facilitation from '../repositories/facilitation.ts';
import * as versions from '../repositories/versions.ts';
import { createPeople, DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { demoClock } from './clock.ts';
import { buildClosedDocuments } from './closed/content.ts';
import { seedCall } from './contributions.ts';
import { buildLiveDocuments } from './live/index.ts';
import { createOrganisations, DEMO_ORGANISATIONS } from './organisations.ts';
import { publishReport } from './published-report.ts';
import { storeScenarioRuns } from './scenario-runs.ts';
import { storeDocuments } from './store.ts';
import { closedPoll, liveDotVote } from './votes.ts';
import { createWorkshops, LIVE_TITLE, seatOf } from './workshops.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PARTICIPANTS } from './accounts.ts';
export { DEMO_ORGANISATIONS } from './organisations.ts';
export { LIVE_TITLE, CLOSED_TITLE } from './workshops.ts';

export interface SeedResult {
  seeded: boolean;
  reason?: string;
}

const DAY_MINUTES = 24 * 60;
/** The audit entry that marks a seeded database, with the ids the seed made. */
const MARKER = 'demo.seeded';

/**
 * Loads the North Lorraine demo: organisations (companies and schools fictional, marked so),
 * accounts and the people at the tables, and two workshops in use. The live one is in the middle
 * of its session: agenda with the current step, ideas and a closed dot-vote, needs, training
 * offers, a roadmap over 100 days, comments, three scenarios of the lab, a synthesis draft, and
 * a call for contributions with its moderation queue and notifications. The closed mobility
 * workshop has its content, a saved version and its published report.
 *
 * Every document is written through the domain's collections, each edit checked by the rules the
 * realtime server applies to that person's seat, and stored as the server stores documents.
 * Deterministic: entry ids and texts are fixed, times are relative to `now`. Idempotent: it does
 * nothing when the demo is there (and only completes the published report if that was missing).
 *
 * @param options.now - the reference time: the live workshop is in session at that moment
 */
export async function seedDemo(options: { sql: Sql; now: Date }): Promise<SeedResult> {
  const { sql } = options;
  const clock = demoClock(options.now);
  const [existing] = await sql`select 1 from users where email = ${DEMO_ACCOUNTS[0].email}`;
  if (existing) {
    const completed = await completePublishedReport(sql);
    return {
      seeded: false,
      reason: completed
        ? 'the demo data is already loaded; its missing published report was added'
        : 'the demo data is already loaded',
    };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await sql.begin(async (tx) => {
    const [raced] = await tx`select 1 from users where email = ${DEMO_ACCOUNTS[0].email}`;
    if (raced) return undefined;
    const org = await createOrganisations(tx, { verifiedAt: clock.days(-90) });
    const people = await createPeople(tx, { org, passwordHash });
    const { live, closed } = await createWorkshops(tx, { org, people, clock });
    const liveCast = { seats: live.seats, org, clock };
    const closedCast = { seats: closed.seats, org, clock };

    await liveDotVote(tx, { workshopId: live.id, seats: live.seats });
    await closedPoll(tx, { workshopId: closed.id, seats: closed.seats });
    const accepted = await seedCall(tx, { workshopId: live.id, workshopTitle: LIVE_TITLE, cast: liveCast });

    const liveDocs = buildLiveDocuments(liveCast, { name: 'live', accepted });
    await storeDocuments(tx, { workshopId: live.id, ...liveDocs });
    await facilitation.setAgendaStep(tx, { workshopId: live.id, stepId: liveDocs.currentStepId });

    const closedDocs = buildClosedDocuments(closedCast, { name: 'closed' });
    await storeDocuments(tx, { workshopId: closed.id, ...closedDocs });
    const facilitator = seatOf(closed.seats, 'facilitator');
    const savedAt = clock.minutes(-30 * DAY_MINUTES + 3 * 60);
    const version = await versions.create(tx, {
      workshopId: closed.id,
      name: 'Fin de séance — diagnostic partagé',
      contentState: closedDocs.content.state(),
      facilitationState: closedDocs.facilitation.state(),
      createdBy: facilitator.userId,
      now: savedAt,
    });
    await audit.record(tx, {
      actorId: facilitator.userId,
      action: 'workshop.version.save',
      subjectType: 'workshop',
      subjectId: closed.id,
      details: { versionId: version.id },
      now: savedAt,
    });
    await audit.record(tx, {
      actorId: people.admin,
      action: MARKER,
      subjectType: 'platform',
      subjectId: 'demo',
      details: {
        workshops: 2,
        organisations: Object.keys(DEMO_ORGANISATIONS).length,
        liveWorkshopId: live.id,
        closedWorkshopId: closed.id,
        closedVersionId: version.id,
        facilitatorId: facilitator.userId,
      },
      now: clock.now,
    });
    return { liveId: live.id };
  });
  if (!seeded) return { seeded: false, reason: 'the demo data is already loaded' };
  await storeScenarioRuns(sql, { workshopId: seeded.liveId, now: clock.now });
  await completePublishedReport(sql);
  return { seeded: true };
}

/**
 * Publishes the closed workshop's report when the seed's marker says which workshop and version
 * it is and no public export exists yet; the report is rendered after the seed's transaction, so
 * a process stopped in between leaves it to the next run.
 *
 * @returns whether a report was published
 */
async function completePublishedReport(sql: Sql): Promise<boolean> {
  const [marker]: [{ details: Record<string, unknown>; createdAt: Date }?] = await sql`
    select details, created_at from audit_log where action = ${MARKER} order by id desc limit 1`;
  const details = marker?.details ?? {};
  const { closedWorkshopId, closedVersionId, facilitatorId } = details;
  if (typeof closedWorkshopId !== 'string' || typeof closedVersionId !== 'string') return false;
  if (typeof facilitatorId !== 'string' || !marker) return false;
  const published = await exportHistory.listForWorkshop(sql, {
    workshopId: closedWorkshopId,
    publicOnly: true,
  });
  if (published.length > 0) return false;
  const [facilitator]: [{ displayName: string }?] = await sql`
    select display_name from users where id = ${facilitatorId}`;
  if (!facilitator) return false;
  await publishReport(sql, {
    workshopId: closedWorkshopId,
    versionId: closedVersionId,
    exportedBy: { userId: facilitatorId, displayName: facilitator.displayName },
    // Exported the day after the session, which was 30 days before the seed.
    now: new Date(marker.createdAt.getTime() - 29 * DAY_MINUTES * 60_000),
  });
  return true;
}
