import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, SAMPLE_MEMBERS, sampleReportInput } from '@atelier/domain';
import { describe, expect, it, onTestFinished } from 'vitest';
import { renderPdf } from './pdf.ts';

// poppler-utils (pdftotext, pdftoppm) is installed by .ci/run; say so rather than pass silently.
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
if (!poppler) console.warn('PDF tests skipped: install poppler-utils (apt-get install -y poppler-utils)');

/** A folder of the system's temporary one, removed when the current test ends, passed or failed. */
function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function pdfFile(options: Parameters<typeof sampleReportInput>[0] = {}): Promise<string> {
  const file = join(scratchDir('atelier-pdf-'), 'report.pdf');
  writeFileSync(file, await renderPdf({ report: buildReport(sampleReportInput(options)) }));
  return file;
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe.skipIf(!poppler)('renderPdf', () => {
  it('prints the needs, the roadmap owners and the vote results, in French formats', async () => {
    const printed = text(await pdfFile());
    expect(printed).toContain('Soudeurs TIG');
    expect(printed).toContain('=HYPERLINK("http://x","y")');
    expect(printed).toContain('CFA Industrie Nord Lorraine (fictif)');
    expect(printed).toMatch(/Section de soudage\s+2\s+66,7\s%/);
    expect(printed).toContain('Retenu : Section de soudage');
    expect(printed).toMatch(/5\s400/);
    expect(printed).toContain('La Fensch manque de soudeurs & de techniciens <qualifiés>.');
    expect(printed).toContain('Part des transports collectifs par zone (situation de référence)');
    expect(printed).toMatch(/Luxembourg 20\s%/);
    expect(printed).toContain('Les postes non pourvus à 5 ans passent de 6');
  });

  it('has a cover, a table of contents with page numbers, and numbered pages', async () => {
    const file = await pdfFile();
    const pages = text(file)
      .split('\f')
      .filter((page) => page.trim());
    expect(pages[0]).toContain("COMPTE RENDU D'ATELIER");
    expect(pages[0]).toContain('Nord lorrain');
    expect(pages[0]).toContain('Données fictives');
    expect(pages[1]).toMatch(/Sommaire[\s\S]*4\. Besoins en compétences\s+\d+/);
    expect(pages[2]).toMatch(new RegExp(`Page 3 sur ${pages.length}`));
  });

  it('renders pages that are not blank', async () => {
    const file = await pdfFile();
    const dir = scratchDir('atelier-png-');
    execFileSync('pdftoppm', ['-gray', '-r', '30', file, join(dir, 'page')]);
    const images = readdirSync(dir);
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
    const printed = text(await pdfFile({ anonymised: true }));
    for (const member of SAMPLE_MEMBERS) expect(printed).not.toContain(member.displayName);
    expect(printed).toContain('Aciéries de la Fensch (fictive)');
    expect(printed).toContain('Version anonymisée');
  });

  it('writes in German when asked', async () => {
    const printed = text(await pdfFile({ locale: 'de' }));
    expect(printed).toContain('Fahrplan');
    expect(printed).toMatch(/Seite 2 von \d+/);
  });
});
