import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, parseOpenData, type OpenDataBundle, type ReportInput } from '@atelier/domain';
import { renderOpenDataJson, renderPdf, reportOutline } from '@atelier/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHistory, loadReportInput, seedDemo, workshops, type Db } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';
import { demoWorkshops, SEEDED_AT } from './seed/support.ts';

// poppler-utils (pdftotext) is installed by .ci/run; without it the PDF's text is not read.
const pdftotext = existsSync('/usr/bin/pdftotext');
if (!pdftotext)
  console.warn('PDF text checks skipped: install poppler-utils (apt-get install -y poppler-utils)');

function pdfText(file: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-seed-pdf-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), file);
    return execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The exports of the demo as the exports page makes them: the same loader, the same renderers.
for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`the demo's exports on ${backend.name}`, () => {
    let db: Db;
    let input: ReportInput;
    let bundle: OpenDataBundle;
    let closedId: string;

    beforeAll(async () => {
      db = await backend.open();
      await seedDemo({ sql: db.sql, now: SEEDED_AT });
      const ids = await demoWorkshops(db.sql);
      closedId = ids.closedId;
      const workshop = (await workshops.findById(db.sql, { id: ids.liveId }))!;
      input = await loadReportInput(db.sql, {
        workshop,
        versionId: null,
        locale: 'fr',
        anonymised: false,
        exportedBy: 'Julien Animateur',
        licence: 'etalab-2.0',
        now: new Date(SEEDED_AT.getTime() + 60_000),
      });
      bundle = parseOpenData(JSON.parse(renderOpenDataJson({ input, licence: 'etalab-2.0' })));
    }, 120_000);
    afterAll(async () => {
      await db?.close();
    });

    it("holds the live workshop's content in its open-data bundle", () => {
      const kinds = (kind: string) => bundle.organisations.filter((o) => o.kind === kind);
      const needOwners = new Set(bundle.needs.map((need) => need.organisationId));
      expect(bundle.agenda.length).toBeGreaterThanOrEqual(5);
      expect(bundle.needs.length).toBeGreaterThanOrEqual(30);
      expect(kinds('company').filter((o) => needOwners.has(o.id)).length).toBeGreaterThanOrEqual(8);
      expect(kinds('school').filter((o) => needOwners.has(o.id)).length).toBeGreaterThanOrEqual(3);
      expect(new Set(bundle.needs.map((need) => need.romeCode)).size).toBeGreaterThanOrEqual(12);
      expect(new Set(bundle.needs.map((need) => need.communeCode)).size).toBeGreaterThanOrEqual(10);
      expect(bundle.needs.some((need) => need.crossBorder)).toBe(true);
      expect(bundle.roadmap.length).toBeGreaterThanOrEqual(12);
      expect(bundle.roadmap.filter((action) => action.status === 'committed').length).toBeGreaterThanOrEqual(
        3,
      );
      expect(bundle.ideas.length).toBeGreaterThanOrEqual(15);
      expect(new Set(bundle.ideas.map((idea) => idea.category)).size).toBeGreaterThanOrEqual(3);
      expect(bundle.comments.filter((c) => c.targetType === 'need').length).toBeGreaterThanOrEqual(3);
      expect(bundle.scenarios.length).toBeGreaterThanOrEqual(2);
      expect(bundle.scenarioChanges.length).toBeGreaterThanOrEqual(2);
      expect(bundle.synthesis.length).toBeGreaterThanOrEqual(5);
      const vote = bundle.polls.find((poll) => poll.kind === 'dots');
      expect(vote?.status).toBe('closed');
      expect(vote?.voterCount).toBeGreaterThanOrEqual(10);
      expect(bundle.needs.filter((need) => need.contributionId).length).toBeGreaterThanOrEqual(1);
    });

    it('leaves no section of the live report empty, and says that the data are fictional', async () => {
      const report = buildReport(input);
      expect(report.meta.fictional).toBe(true);
      const sections = reportOutline(report);
      const empty = sections.filter(
        (section) =>
          section.blocks.length === 1 &&
          section.blocks[0]!.kind === 'paragraph' &&
          section.blocks[0]!.text === report.labels.none,
      );
      expect(empty.map((section) => section.id)).toEqual([]);
      expect(sections.map((section) => section.id)).toEqual([
        'summary',
        'participants',
        'agenda',
        'decisions',
        'needs',
        'trainingOffers',
        'roadmap',
        'timeline',
        'scenarios',
        'skillsBalance',
        'synthesis',
        'ideas',
        'contributions',
        'provenance',
      ]);
      expect(report.scenarios?.comparisons.length).toBeGreaterThanOrEqual(2);
      if (!pdftotext) return;
      const text = pdfText(await renderPdf({ report }));
      expect(text).not.toContain(report.labels.none);
      expect(text).toContain('Données fictives');
      expect(text).toContain('Compétences industrielles du Nord lorrain');
    }, 60_000);

    it("keeps the closed workshop's published report, from its saved version, for its participants", async () => {
      const published = await exportHistory.listForWorkshop(db.sql, {
        workshopId: closedId,
        publicOnly: true,
      });
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({
        format: 'pdf',
        versionName: 'Fin de séance — diagnostic partagé',
      });
      const file = await exportHistory.findFile(db.sql, { workshopId: closedId, id: published[0]!.id });
      expect(Buffer.from(file!.file).subarray(0, 5).toString()).toBe('%PDF-');
      if (!pdftotext) return;
      const text = pdfText(file!.file);
      expect(text).toContain('Mobilités Metz–Thionville–Luxembourg');
      expect(text).toContain('Télétravail des frontaliers');
      expect(text).toContain('Données fictives');
      // The ideas board of that session, drawn as the room drew it, then its cards as a table.
      const board = text.slice(text.indexOf("Tableau d'idées"));
      expect(board).toMatch(/^Tableau d'idées\n/);
      expect(board.replace(/\s+/g, ' ')).toContain("Une heure de bouchon sur l'A31");
    });
  });
}
