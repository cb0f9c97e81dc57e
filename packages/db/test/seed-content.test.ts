import { modelResults, readWorkshopContent, resolveRoadmapDate, type WorkshopContent } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitation, organisations, seedDemo, type Db, type Organisation } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';
import { demoWorkshops, loadDocument, SEEDED_AT } from './seed/support.ts';

const DAY_MS = 86_400_000;

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`the live demo workshop on ${backend.name}`, () => {
    let db: Db;
    let live: WorkshopContent;
    let liveId: string;
    let byId: Map<string, Organisation>;

    beforeAll(async () => {
      db = await backend.open();
      await seedDemo({ sql: db.sql, now: SEEDED_AT });
      ({ liveId } = await demoWorkshops(db.sql));
      live = readWorkshopContent({
        content: await loadDocument(db.sql, { workshopId: liveId, kind: 'content' }),
        facilitation: await loadDocument(db.sql, { workshopId: liveId, kind: 'facilitation' }),
      });
      byId = new Map((await organisations.list(db.sql)).map((o) => [o.id, o]));
    });
    afterAll(async () => {
      await db?.close();
    });

    it('is in session: an agenda of at least 5 steps, the current one set', async () => {
      expect(live.agenda.length).toBeGreaterThanOrEqual(5);
      const state = await facilitation.liveState(db.sql, { workshopId: liveId });
      expect(live.agenda.map((step) => step.id)).toContain(state.agendaStepId);
      expect(live.settings.dayZero).toBe('2026-12-07');
    });

    it('holds at least 30 needs from 8 fictional companies and 3 fictional schools', () => {
      expect(live.needs.length).toBeGreaterThanOrEqual(30);
      const owners = [...new Set(live.needs.map((need) => need.organisationId))].map((id) => byId.get(id)!);
      const companies = owners.filter((o) => o.kind === 'company');
      const schools = owners.filter((o) => o.kind === 'school');
      expect(companies.length).toBeGreaterThanOrEqual(8);
      expect(schools.length).toBeGreaterThanOrEqual(3);
      for (const o of [...companies, ...schools]) {
        expect(o.fictional).toBe(true);
        expect(o.name).toMatch(/\((fictive|fictif)\)$/);
      }
    });

    it('spans at least 12 ROME occupations and 10 communes, some of the needs cross-border', () => {
      expect(new Set(live.needs.map((need) => need.romeCode)).size).toBeGreaterThanOrEqual(12);
      expect(new Set(live.needs.map((need) => need.communeCode)).size).toBeGreaterThanOrEqual(10);
      expect(live.needs.filter((need) => need.crossBorder).length).toBeGreaterThanOrEqual(3);
    });

    it('has comments on needs that exist', () => {
      const needIds = new Set(live.needs.map((need) => need.id));
      const onNeeds = live.comments.filter((c) => c.targetType === 'need');
      expect(onNeeds.length).toBeGreaterThanOrEqual(3);
      for (const comment of onNeeds) expect(needIds.has(comment.targetId)).toBe(true);
    });

    it('has a roadmap of at least 12 actions over the 100 days, with owners, partners, statuses and needs', () => {
      const { roadmap, settings } = live;
      expect(roadmap.length).toBeGreaterThanOrEqual(12);
      const needIds = new Set(live.needs.map((need) => need.id));
      for (const action of roadmap) {
        expect(byId.has(action.ownerOrganisationId)).toBe(true);
        for (const id of [...action.partnerOrganisationIds, ...action.needIds]) {
          expect(byId.has(id) || needIds.has(id)).toBe(true);
        }
      }
      expect(roadmap.filter((a) => a.partnerOrganisationIds.length > 0).length).toBeGreaterThanOrEqual(10);
      expect(roadmap.filter((a) => a.needIds.length > 0).length).toBeGreaterThanOrEqual(10);
      expect(new Set(roadmap.map((a) => a.ownerOrganisationId)).size).toBeGreaterThanOrEqual(8);
      expect(new Set(roadmap.map((a) => a.status)).size).toBeGreaterThanOrEqual(4);
      const committed = roadmap.filter((a) => a.status === 'committed');
      expect(committed.length).toBeGreaterThanOrEqual(3);
      for (const action of committed) expect(action.committedBy).toBeDefined();
      const dayZero = Date.parse(settings.dayZero!);
      const dues = roadmap.map((a) => {
        const day = resolveRoadmapDate({ value: a.due, dayZero: settings.dayZero });
        return (Date.parse(day!) - dayZero) / DAY_MS;
      });
      expect(Math.max(...dues)).toBe(100);
      expect(dues.filter((d) => d >= 0 && d <= 100).length).toBeGreaterThanOrEqual(12);
      expect(new Set(dues).size).toBeGreaterThanOrEqual(8);
    });

    it('has at least 15 idea cards in several columns, and a closed dot-vote with its result', async () => {
      expect(live.ideas.length).toBeGreaterThanOrEqual(15);
      expect(new Set(live.ideas.map((idea) => idea.category)).size).toBeGreaterThanOrEqual(3);
      const polls = await facilitation.listPolls(db.sql, { workshopId: liveId });
      const dots = polls.filter((poll) => poll.kind === 'dots' && poll.status === 'closed');
      expect(dots).toHaveLength(1);
      const ballots = await facilitation.ballots(db.sql, { pollIds: [dots[0]!.id] });
      expect(ballots.length).toBeGreaterThanOrEqual(10);
      const totals = dots[0]!.options.map((_, index) =>
        ballots.reduce((sum, ballot) => sum + (ballot.allocation[String(index)] ?? 0), 0),
      );
      expect(totals.filter((total) => total === Math.max(...totals))).toHaveLength(1);
    });

    it('has a synthesis draft', () => {
      expect(live.synthesis.length).toBeGreaterThanOrEqual(5);
      expect(live.synthesis.some((block) => block.kind === 'heading')).toBe(true);
      expect(live.synthesis.some((block) => block.kind === 'item')).toBe(true);
    });

    it('has a reference and variants whose results differ from it when computed', () => {
      const reference = live.scenarios.find((s) => !s.parentId);
      const variants = live.scenarios.filter((s) => s.parentId === reference?.id);
      expect(reference).toBeDefined();
      expect(variants.length).toBeGreaterThanOrEqual(1);
      const keys = live.scenarioChanges.map((c) => c.key);
      expect(keys).toContain('mobility.pt.TER-LUX.headwayMinutes');
      expect(keys).toContain('mobility.newPtLine.METTIS-C');
      const results = modelResults({
        needs: live.needs,
        scenarios: live.scenarios,
        scenarioChanges: live.scenarioChanges,
        locale: 'fr',
      });
      expect(results.runs.map((run) => run.scenarioId).sort()).toEqual(
        live.scenarios.map((s) => s.id).sort(),
      );
      expect(results.comparisons?.map((c) => c.scenarioId).sort()).toEqual(variants.map((v) => v.id).sort());
      for (const comparison of results.comparisons ?? []) {
        expect(comparison.rows.some((row) => row.baseline !== row.scenario)).toBe(true);
      }
    }, 60_000);
  });
}
