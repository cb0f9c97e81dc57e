import {
  callState,
  checkTransaction,
  CONTENT_DOC_SCHEMA,
  defineDocument,
  FACILITATION_DOC_SCHEMA,
  needs,
  parseRoomName,
  readWorkshopContent,
  type RuleViolation,
} from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  calls,
  contributions,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  exportHistory,
  notifications,
  seedDemo,
  users,
  verifyPassword,
  versions,
  type Db,
} from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';
import { demoWorkshops, loadDocument, SEEDED_AT } from './seed/support.ts';

const TABLES = [
  'users',
  'organisations',
  'memberships',
  'workshops',
  'workshop_members',
  'yjs_updates',
  'yjs_snapshots',
  'workshop_live_state',
  'polls',
  'poll_ballots',
  'document_versions',
  'exports',
  'calls',
  'contributions',
  'notifications',
  'audit_log',
] as const;

/** Applies a stored state to a new document and checks it as the realtime server checks an update. */
function violationsOf(state: Uint8Array, kind: 'content' | 'facilitation'): RuleViolation[] {
  const doc = new Y.Doc();
  defineDocument(doc, kind);
  let violations: RuleViolation[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    violations = checkTransaction({ doc, kind, transaction });
  });
  Y.applyUpdate(doc, state);
  const schema = kind === 'content' ? CONTENT_DOC_SCHEMA : FACILITATION_DOC_SCHEMA;
  for (const name of doc.share.keys()) {
    if (!(name in schema)) violations.push({ path: name, message: 'unknown top-level type' });
  }
  return violations;
}

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`the demo seed on ${backend.name}`, () => {
    let db: Db;
    let liveId: string;
    let closedId: string;
    const count = async () =>
      Object.fromEntries(
        await Promise.all(
          TABLES.map(async (table) => {
            const [row]: [{ n: number }?] = await db.sql`select count(*)::int as n from ${db.sql(table)}`;
            return [table, row?.n ?? 0] as const;
          }),
        ),
      );

    beforeAll(async () => {
      db = await backend.open();
      expect(await seedDemo({ sql: db.sql, now: SEEDED_AT })).toEqual({ seeded: true });
      ({ liveId, closedId } = await demoWorkshops(db.sql));
    }, 120_000);
    afterAll(async () => {
      await db?.close();
    });

    it('stores only documents that pass the schema the realtime server checks, saved versions included', async () => {
      const names = await db.sql<{ docName: string }[]>`
        select distinct doc_name from yjs_updates union select distinct doc_name from yjs_snapshots`;
      expect(names.length).toBe(4);
      for (const { docName } of names) {
        const room = parseRoomName(docName)!;
        const doc = await loadDocument(db.sql, { workshopId: room.workshopId, kind: room.kind });
        expect(violationsOf(Y.encodeStateAsUpdate(doc), room.kind)).toEqual([]);
      }
      for (const workshopId of [liveId, closedId]) {
        const read = readWorkshopContent({
          content: await loadDocument(db.sql, { workshopId, kind: 'content' }),
          facilitation: await loadDocument(db.sql, { workshopId, kind: 'facilitation' }),
        });
        expect(Object.values(read.skipped).every((n) => n === 0)).toBe(true);
      }
      const [saved] = await versions.listForWorkshop(db.sql, { workshopId: closedId });
      const version = (await versions.find(db.sql, { workshopId: closedId, id: saved!.id }))!;
      expect(violationsOf(version.contentState, 'content')).toEqual([]);
      expect(violationsOf(version.facilitationState, 'facilitation')).toEqual([]);
    });

    it('does nothing when run again', async () => {
      const before = await count();
      const again = await seedDemo({ sql: db.sql, now: new Date(SEEDED_AT.getTime() + 86_400_000) });
      expect(again.seeded).toBe(false);
      expect(await count()).toEqual(before);
    });

    it('has an open call with two contributions waiting and one accepted, merged into the room', async () => {
      const [call, ...others] = await calls.listForWorkshop(db.sql, { workshopId: liveId });
      expect(others).toEqual([]);
      expect(callState(call!, SEEDED_AT)).toBe('open');
      expect(call).toMatchObject({ submitted: 2, accepted: 1 });
      expect(
        await contributions.listByStatus(db.sql, { workshopId: liveId, status: 'submitted' }),
      ).toHaveLength(2);
      const [accepted] = await contributions.listByStatus(db.sql, { workshopId: liveId, status: 'accepted' });
      const content = await loadDocument(db.sql, { workshopId: liveId, kind: 'content' });
      const merged = needs.read(content).filter((need) => need.contributionId === accepted!.id);
      expect(merged.length).toBeGreaterThanOrEqual(1);
    });

    it('has notifications waiting for the company account and the facilitator', async () => {
      const person = async (email: string) => (await users.findByEmail(db.sql, { email }))!.id;
      const company = await person('company@atelier.example');
      const facilitator = await person('facilitator@atelier.example');
      expect(await notifications.unreadCount(db.sql, { userId: company })).toBeGreaterThanOrEqual(2);
      const kinds = (await notifications.listForUser(db.sql, { userId: company })).map((n) => n.kind);
      expect(kinds).toEqual(expect.arrayContaining(['contribution_accepted', 'contribution_rejected']));
      expect(await notifications.unreadCount(db.sql, { userId: facilitator })).toBe(2);
    });

    it('keeps the closed workshop with its content and a saved version', async () => {
      const read = readWorkshopContent({
        content: await loadDocument(db.sql, { workshopId: closedId, kind: 'content' }),
        facilitation: await loadDocument(db.sql, { workshopId: closedId, kind: 'facilitation' }),
      });
      expect(read.agenda.length).toBeGreaterThanOrEqual(4);
      expect(read.ideas.length).toBeGreaterThanOrEqual(5);
      expect(read.roadmap.length).toBeGreaterThanOrEqual(3);
      expect(read.scenarios.length).toBe(2);
      expect(read.synthesis.length).toBeGreaterThan(0);
      expect(await versions.listForWorkshop(db.sql, { workshopId: closedId })).toHaveLength(1);
    });

    it('publishes the closed report on the next run when a stopped run left it missing', async () => {
      await db.sql`delete from exports where workshop_id = ${closedId}`;
      const again = await seedDemo({ sql: db.sql, now: SEEDED_AT });
      expect(again).toMatchObject({ seeded: false, reason: expect.stringContaining('published report') });
      expect(
        await exportHistory.listForWorkshop(db.sql, { workshopId: closedId, publicOnly: true }),
      ).toHaveLength(1);
    }, 60_000);

    it('lets the demo accounts sign in, and no one else of the demo', async () => {
      for (const account of DEMO_ACCOUNTS) {
        const user = await users.findByEmailForSignIn(db.sql, { email: account.email });
        expect(await verifyPassword({ hash: user!.passwordHash, password: DEMO_PASSWORD })).toBe(true);
      }
      const others = await db.sql<{ passwordHash: string }[]>`
        select password_hash from users where email <> all(${DEMO_ACCOUNTS.map((a) => a.email)})`;
      expect(others.length).toBeGreaterThan(5);
      for (const other of others) {
        expect(await verifyPassword({ hash: other.passwordHash, password: DEMO_PASSWORD })).toBe(false);
      }
    });
  });
}
