import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, SAMPLE_MEMBERS, sampleReportInput } from '@atelier/domain';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { renderPdf } from './pdf.ts';
import {
  pdfFigureAlts,
  pdfInfo,
  pdfPages,
  pdfStructure,
  poppler,
  structTables,
  textOf,
  walk,
} from './testing/read-files.ts';

// poppler-utils (pdftotext, pdfinfo, pdftoppm) is installed by .ci/run; say so rather than pass silently.
if (!poppler) console.warn('PDF tests skipped: install poppler-utils (apt-get install -y poppler-utils)');

const render = (options: Parameters<typeof sampleReportInput>[0] = {}) =>
  renderPdf({ report: buildReport(sampleReportInput(options)) });

describe.skipIf(!poppler)('renderPdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await render();
  }, 60_000);

  it('prints the needs with their communes, the owners, the vote results and the synthesis, in French formats', () => {
    const printed = pdfPages(pdf).join('\n');
    expect(printed).toContain('Soudeurs TIG');
    expect(printed).toContain('=HYPERLINK("http://x","y")');
    expect(printed).toContain('Florange');
    expect(printed).toContain('CFA Industrie Nord Lorraine (fictif)');
    expect(printed).toMatch(/Section de soudage\s+2\s+66,7\s%/);
    expect(printed).toContain('Retenu : Section de soudage');
    expect(printed).toContain('La Fensch manque de soudeurs & de techniciens <qualifiés>.');
    expect(printed).toContain('Part des transports en commun par zone (situation de référence)');
  });

  it('has a cover with the notices, a one-page summary, contents with page numbers, and numbered pages', () => {
    const pages = pdfPages(pdf);
    expect(pages[0]).toContain("COMPTE RENDU D'ATELIER");
    expect(pages[0]).toContain('Données fictives');
    expect(pages[0]).toContain('Données illustratives');
    expect(pages[1]).toContain("L'essentiel");
    expect(pages[1]).toContain('Prochaines étapes');
    expect(pages[2]).toMatch(/Sommaire[\s\S]*4\. Besoins en compétences\s+\d+/);
    expect(pages[2]).toMatch(new RegExp(`Page 3 sur ${pages.length}`));
  });

  it('is tagged: language, title shown, headings, lists, tables with header cells, figures with alternative text', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(
      "Compte rendu d'atelier — Compétences industrielles du Nord lorrain — feuille de route 100 jours",
    );
    expect(pdf.toString('latin1')).toContain('/Lang (fr-FR)');
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const root = pdfStructure(pdf);
    const nodes = walk(root);
    const document = root.children[0]!;
    expect(document.type).toBe('Document');
    // Reading order: cover, summary, contents, then the numbered sections.
    const h2 = nodes.filter((n) => n.type === 'H2').map(textOf);
    expect(h2.slice(0, 4)).toEqual(["L'essentiel", 'Sommaire', '1. Participants', '2. Ordre du jour']);
    expect(nodes.find((n) => n.type === 'H1')?.text).toContain('Compétences industrielles');
    expect(nodes.filter((n) => n.type === 'TOCI').length).toBeGreaterThanOrEqual(12);
    expect(nodes.some((n) => n.type === 'L' && n.children.every((c) => c.type === 'LI'))).toBe(true);
    const tables = nodes.filter((n) => n.type === 'Table');
    expect(tables.length).toBeGreaterThan(8);
    for (const table of tables) {
      const headers = walk(table).filter((n) => n.type === 'TH');
      expect(headers.length, textOf(table).slice(0, 80)).toBeGreaterThan(0);
      for (const th of headers) expect(th.attributes.join(' ')).toMatch(/\/Scope \/(Column|Row)/);
    }
    expect(structTables(root)).toContainEqual(
      expect.arrayContaining([
        ['Option', 'Voix', 'Part'],
        ['Section de soudage', '2', '66,7\u00a0%'],
      ]),
    );
    const figures = nodes.filter((n) => n.type === 'Figure');
    // The timeline, three charts, the map and the ideas board.
    expect(figures).toHaveLength(6);
    const alts = pdfFigureAlts(pdf);
    expect(alts).toHaveLength(6);
    expect(alts).toContain("Tableau d'idées : 2 cartes. Aucun groupe. 2 cartes hors groupe.");
    expect(alts.some((alt) => alt.startsWith('Carte des communes du Nord lorrain'))).toBe(true);
    expect(alts.some((alt) => alt.startsWith('Diagramme en barres groupées, Parts modales'))).toBe(true);
    // Page footers are artifacts, not content.
    expect(nodes.some((n) => n.text.includes('Page 2 sur'))).toBe(false);
  });

  it('renders pages that are not blank', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-png-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '30', join(dir, 'report.pdf'), join(dir, 'page')]);
    const images = readdirSync(dir).filter((name) => name.endsWith('.pgm'));
    expect(images.length).toBeGreaterThan(5);
    for (const image of images) {
      // PGM (P5): "P5 width height 255" then one byte per pixel; a page with print has dark pixels.
      const bytes = readFileSync(join(dir, image));
      const [, width, height] = bytes.subarray(0, 20).toString('latin1').split(/\s+/).map(Number);
      const pixels = bytes.subarray(bytes.length - width! * height!);
      const dark = pixels.filter((value) => value < 160).length;
      expect(dark, image).toBeGreaterThan(50);
    }
  });

  it('holds no person name when anonymised', async () => {
    const printed = pdfPages(await render({ anonymised: true })).join('\n');
    for (const member of SAMPLE_MEMBERS) expect(printed).not.toContain(member.displayName);
    expect(printed).toContain('Aciéries de la Fensch (fictive)');
    expect(printed).toContain('Version anonymisée');
  }, 60_000);

  it('writes in German when asked, with the language set', async () => {
    const german = await render({ locale: 'de' });
    const printed = pdfPages(german).join('\n');
    expect(printed).toContain('Fahrplan');
    expect(printed).toMatch(/Seite 2 von \d+/);
    expect(printed).toContain('Luxemburg (Stadt)');
    expect(german.toString('latin1')).toContain('/Lang (de-DE)');
  }, 60_000);
});
