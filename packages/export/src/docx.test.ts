import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, SAMPLE_MEMBERS, sampleReportInput } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';
import { zipPart, zipParts } from './testing/read-files.ts';

/** The main XML part of a .docx, read with Debian's unzip. */
async function documentXml(buffer: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-docx-'));
  try {
    const file = join(dir, 'report.docx');
    writeFileSync(file, buffer);
    return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const decode = (xml: string) =>
  xml
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** Paragraphs with a heading style, as [style, text]. */
function headings(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading\d|Title)"\/>.*?<\/w:p>/gs)].map(
    (m) => [m[1]!, decode([...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))],
  );
}

/** Rows of every table, as the text of their cells. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) =>
      decode([...cell[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    ),
  );
}

describe('renderDocx', () => {
  it('writes real Word headings for each section and group', async () => {
    const xml = await documentXml(await renderDocx({ report: buildReport(sampleReportInput()) }));
    const found = headings(xml);
    expect(found[0]).toEqual(['Title', "Compte rendu d'atelier"]);
    expect(found).toContainEqual(['Heading1', "L'essentiel"]);
    expect(found).toContainEqual(['Heading1', '4. Besoins en compétences']);
    expect(found).toContainEqual(['Heading1', '5. Offre de formation']);
    expect(found).toContainEqual(['Heading1', '6. Feuille de route']);
    expect(found).toContainEqual(['Heading2', 'Sidérurgie, métallurgie et travail des métaux (5)']);
    expect(found).toContainEqual(['Heading2', 'Quelle action lancer en premier ?']);
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
  });

  it('writes the needs, the roadmap owners and the votes as table rows', async () => {
    const rows = tableRows(await documentXml(await renderDocx({ report: buildReport(sampleReportInput()) })));
    expect(rows).toContainEqual([
      'Soudeurs TIG',
      'H2913',
      'Aciéries de la Fensch (fictive)',
      '4',
      '12',
      'Florange',
      'CDI',
    ]);
    expect(rows).toContainEqual([
      '=HYPERLINK("http://x","y")',
      'H2913',
      'Aciéries de la Fensch (fictive)',
      '1',
      '12',
      'Florange',
      'CDI',
    ]);
    const action = rows.find((r) => r[0]?.startsWith('Ouvrir une section de soudage'));
    expect(action?.slice(1)).toEqual([
      'CFA Industrie Nord Lorraine (fictif)',
      'Aciéries de la Fensch (fictive), Lycée professionnel du Val de Fensch (fictif)',
      '26 novembre 2026',
      '24 février 2027',
      'Engagée',
    ]);
    expect(rows).toContainEqual(['Section de soudage', '2', '66,7\u00a0%']);
  });

  it('escapes text, and holds no person name when anonymised', async () => {
    const xml = await documentXml(
      await renderDocx({ report: buildReport(sampleReportInput({ anonymised: true })) }),
    );
    expect(xml).toContain('soudeurs &amp; de techniciens &lt;qualifiés&gt;');
    for (const member of SAMPLE_MEMBERS) expect(xml).not.toContain(member.displayName);
  });

  it('says on the cover and in the provenance that the data of a fictional workshop are fictional', async () => {
    const xml = decode(await documentXml(await renderDocx({ report: buildReport(sampleReportInput()) })));
    const statement = buildReport(sampleReportInput()).labels.cover.fictional;
    expect(statement).toMatch(/^Données fictives/);
    expect(xml.split(statement).length - 1).toBe(2);
    expect(xml).toContain(buildReport(sampleReportInput()).labels.cover.illustrative);
  });

  it('holds the charts, the timeline, the map and the ideas board as SVG pictures with a fallback and their alternative text', async () => {
    const buffer = await renderDocx({ report: buildReport(sampleReportInput({ locale: 'en' })) });
    const parts = zipParts(buffer);
    const svgs = parts.filter((part) => part.startsWith('word/media/') && part.endsWith('.svg'));
    expect(svgs).toHaveLength(6);
    expect(parts.filter((part) => part.startsWith('word/media/') && part.endsWith('.png'))).toHaveLength(6);
    const svg = svgs.map((part) => zipPart(buffer, part)).join('\n');
    expect(svg).toContain('<title id="t">Public transport share by zone (reference scenario)</title>');
    expect(svg).toContain('Luxembourg (city)');
    expect(svg).toMatch(/<path d="M[^"]+Z/);
    const xml = decode(await documentXml(buffer));
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Map of the communes of North Lorraine shaded/);
    expect(xml).toContain('descr="Ideas board: 2 cards. No groups. 2 cards outside any group."');
    expect(svg).toContain('<title id="t">Ideas board</title>');
    expect(zipPart(buffer, 'word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
  });
});
