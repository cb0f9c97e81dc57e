import { scenarioRuns, seedDemo, yjsStore, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { roomName, scenarios } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioRunOf } from './scenario-runs.ts';

const SEEDED_AT = new Date('2026-12-07T10:00:00Z');
const later = new Date('2026-12-07T11:00:00Z');

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(
    `a scenario's stored run for the lab on ${backend.name}`,
    { timeout: 120_000 },
    () => {
      let db: Db;
      let liveId: string;
      let scenarioIds: string[];

      beforeAll(async () => {
        db = await backend.open();
        await seedDemo({ sql: db.sql, now: SEEDED_AT });
        const [row]: [{ details: { liveWorkshopId: string } }?] = await db.sql`
        select details from audit_log where action = 'demo.seeded'`;
        liveId = row!.details.liveWorkshopId;
        const doc = await yjsStore.readDocument(db.sql, { docName: roomName(liveId, 'content') });
        scenarioIds = scenarios.read(doc).map((s) => s.id);
        doc.destroy();
      }, 180_000);
      afterAll(async () => {
        await db?.close();
      });

      it('gives the run the seed stored, with its fingerprint and date, and computes nothing', async () => {
        const count = async () => (await db.sql`select 1 from scenario_runs`).length;
        const before = await count();
        const run = await scenarioRunOf(db.sql, {
          workshopId: liveId,
          scenarioId: scenarioIds[0]!,
          now: later,
        });
        expect(run?.computedAt).toBe(SEEDED_AT.toISOString());
        expect(run?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        const stored = await scenarioRuns.find(db.sql, { fingerprint: run!.fingerprint });
        expect(stored.status === 'found' && stored.run.result.indicators).toEqual(run!.indicators);
        expect(await count()).toBe(before);
      });

      it('answers nothing for a scenario the stored document does not hold', async () => {
        expect(
          await scenarioRunOf(db.sql, { workshopId: liveId, scenarioId: 'not-a-scenario', now: later }),
        ).toBeNull();
      });

      it('computes the run on the server and stores it when the store has none', async () => {
        const scenarioId = scenarioIds[scenarioIds.length - 1]!;
        const seeded = await scenarioRunOf(db.sql, { workshopId: liveId, scenarioId, now: later });
        await db.sql`delete from scenario_runs where fingerprint = ${seeded!.fingerprint}`;
        const computed = await scenarioRunOf(db.sql, { workshopId: liveId, scenarioId, now: later });
        expect(computed!.fingerprint).toBe(seeded!.fingerprint);
        expect(computed!.computedAt).toBe(later.toISOString());
        expect(computed!.indicators).toEqual(seeded!.indicators);
        expect(
          await db.sql`select 1 from scenario_runs where fingerprint = ${seeded!.fingerprint}`,
        ).toHaveLength(1);
      });
    },
  );
}
