// One source of truth per figure (issue 21, item 2): a scenario's results are stored once per
// fingerprint of its inputs and read back by the report, never computed again with other inputs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildReport,
  computeScenarioRun,
  formatIndicator,
  parseOpenData,
  readWorkshopContent,
  roomName,
  scenarioChanges,
  scenarioRunTargets,
  type ReportInput,
} from '@atelier/domain';
import { renderOpenDataJson, renderPdf } from '@atelier/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadReportInput, scenarioRuns, seedDemo, workshops, yjsStore, type Db } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';
import { demoWorkshops, SEEDED_AT } from './seed/support.ts';

const pdftotext = existsSync('/usr/bin/pdftotext');

function pdfText(file: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-runs-pdf-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), file);
    return execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const spaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`scenario runs on ${backend.name}`, { timeout: 120_000 }, () => {
    let db: Db;
    let liveId: string;
    const exportedAt = new Date(SEEDED_AT.getTime() + 3_600_000);

    const load = async (now = exportedAt, log?: (line: string) => void): Promise<ReportInput> =>
      loadReportInput(db.sql, {
        workshop: (await workshops.findById(db.sql, { id: liveId }))!,
        versionId: null,
        locale: 'fr',
        anonymised: false,
        exportedBy: 'Julien Animateur',
        licence: 'etalab-2.0',
        now,
        ...(log ? { log } : {}),
      });
    const liveTargets = async () => {
      const [content, facilitation] = await Promise.all(
        (['content', 'facilitation'] as const).map((kind) =>
          yjsStore.readDocument(db.sql, { docName: roomName(liveId, kind) }),
        ),
      );
      const read = readWorkshopContent({ content: content!, facilitation: facilitation! });
      return scenarioRunTargets({ scenarios: read.scenarios, scenarioChanges: read.scenarioChanges });
    };
    const rowCount = async () =>
      (await db.sql<{ count: number }[]>`select count(*)::int as count from scenario_runs`)[0]!.count;

    beforeAll(async () => {
      db = await backend.open();
      await seedDemo({ sql: db.sql, now: SEEDED_AT });
      liveId = (await demoWorkshops(db.sql)).liveId;
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    it("stores the runs of the live workshop's three scenarios at seeding, through the same function", async () => {
      const targets = await liveTargets();
      expect(targets).toHaveLength(3);
      for (const target of targets) {
        const found = await scenarioRuns.find(db.sql, { fingerprint: target.fingerprint });
        expect(found.status).toBe('found');
        if (found.status === 'found')
          expect(found.run.computedAt.toISOString()).toBe(SEEDED_AT.toISOString());
      }
    });

    it('reads the stored run: a figure changed in the row is what the PDF and the JSON print', async () => {
      const reference = (await liveTargets()).find((t) => t.parentId === null)!;
      await db.sql`
        update scenario_runs set result = jsonb_set(result, '{indicators,skillsGap5}', '4321')
        where fingerprint = ${reference.fingerprint}`;
      const before = await rowCount();
      const input = await load();
      expect(await rowCount()).toBe(before);
      const run = input.models!.runs.find((r) => r.fingerprint === reference.fingerprint)!;
      expect(run.indicators.skillsGap5).toBe(4321);
      expect(run.computedAt?.toISOString()).toBe(SEEDED_AT.toISOString());
      const bundle = parseOpenData(JSON.parse(renderOpenDataJson({ input, licence: 'etalab-2.0' })));
      const inJson = bundle.results!.scenarios.find((s) => s.fingerprint === reference.fingerprint)!;
      expect(inJson.indicators.skillsGap5).toBe(4321);
      expect(inJson.computedAt).toBe(SEEDED_AT.toISOString());
      const report = buildReport(input);
      // The variants are compared with the stored reference too.
      const compared = report
        .scenarios!.comparisons.flatMap((c) => c.rows)
        .filter((r) => r.id === 'skillsGap5');
      expect(compared.length).toBeGreaterThan(0);
      for (const row of compared) expect(row.baseline).toBe(formatIndicator(4321, 'count', 'fr'));
      if (pdftotext) {
        const printed = spaces(pdfText(await renderPdf({ report })));
        expect(printed).toContain(spaces(formatIndicator(4321, 'count', 'fr')));
        // The provenance names the run's fingerprint and when it was computed.
        expect(printed).toContain(reference.fingerprint);
        expect(printed).toContain(spaces(report.provenance.fingerprints[0]!.computedAtLabel));
      }
      expect(report.provenance.fingerprints.map((f) => f.computedAtLabel)).toContain(
        '7 décembre 2026 à 11:00',
      );
    });

    it('stores one row when two requests need the same absent run at once', async () => {
      const [target] = await liveTargets();
      await db.sql`delete from scenario_runs where fingerprint = ${target!.fingerprint}`;
      const [a, b] = await Promise.all([
        load(new Date(exportedAt.getTime() + 1)),
        load(new Date(exportedAt.getTime() + 2)),
      ]);
      const rows =
        await db.sql`select computed_at from scenario_runs where fingerprint = ${target!.fingerprint}`;
      expect(rows).toHaveLength(1);
      const runOf = (input: ReportInput) =>
        input.models!.runs.find((r) => r.fingerprint === target!.fingerprint)!;
      expect(runOf(a).computedAt).toEqual(runOf(b).computedAt);
      expect(runOf(a).indicators).toEqual(runOf(b).indicators);
      // Two servers storing the same run: the first stored stays, both read it.
      await db.sql`delete from scenario_runs where fingerprint = ${target!.fingerprint}`;
      const result = computeScenarioRun(target!.compiled);
      const stored = await Promise.all(
        [1, 2].map((ms) =>
          scenarioRuns.store(db.sql, {
            fingerprint: target!.fingerprint,
            result,
            now: new Date(exportedAt.getTime() + ms),
          }),
        ),
      );
      expect(stored[0]!.computedAt).toEqual(stored[1]!.computedAt);
      expect(
        await db.sql`select 1 from scenario_runs where fingerprint = ${target!.fingerprint}`,
      ).toHaveLength(1);
    });

    it('gives a changed scenario a new fingerprint and its own run, the old one kept', async () => {
      const variant = (await liveTargets()).find((t) => t.parentId !== null)!;
      const before = await rowCount();
      const docName = roomName(liveId, 'content');
      const doc = await yjsStore.readDocument(db.sql, { docName });
      const state = Y.encodeStateVector(doc);
      scenarioChanges.add(doc, {
        id: 'test-change-telework',
        scenarioId: variant.scenario!.id,
        key: 'mobility.teleworkShare',
        value: 0.2,
        reason: 'Deux jours de télétravail',
        createdBy: 'test',
        updatedAt: exportedAt.toISOString(),
      });
      await yjsStore.append(db.sql, { docName, updates: [Y.encodeStateAsUpdate(doc, state)] });
      doc.destroy();
      const input = await load();
      const changed = input.models!.runs.find((r) => r.scenarioId === variant.scenario!.id)!;
      expect(changed.fingerprint).not.toBe(variant.fingerprint);
      expect(changed.computedAt?.toISOString()).toBe(exportedAt.toISOString());
      expect(await rowCount()).toBe(before + 1);
      expect((await scenarioRuns.find(db.sql, { fingerprint: variant.fingerprint })).status).toBe('found');
    });

    it('refuses a corrupted row by its schema, says so in one line and computes it again', async () => {
      const [target] = await liveTargets();
      await db.sql`
        update scenario_runs set result = jsonb_set(result, '{indicators,ptShare}', '"beaucoup"')
        where fingerprint = ${target!.fingerprint}`;
      expect((await scenarioRuns.find(db.sql, { fingerprint: target!.fingerprint })).status).toBe('invalid');
      const lines: string[] = [];
      const later = new Date(exportedAt.getTime() + 86_400_000);
      const input = await load(later, (line) => lines.push(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(target!.fingerprint);
      expect(lines[0]).toContain('indicators.ptShare');
      const run = input.models!.runs.find((r) => r.fingerprint === target!.fingerprint)!;
      expect(run.indicators.ptShare).toBe(computeScenarioRun(target!.compiled).indicators.ptShare);
      expect(run.computedAt?.toISOString()).toBe(later.toISOString());
      const found = await scenarioRuns.find(db.sql, { fingerprint: target!.fingerprint });
      expect(found.status).toBe('found');
    });
  });
}
