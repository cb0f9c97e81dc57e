import { buildReport, SAMPLE_MEMBERS } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../docx.ts';
import { renderPdf } from '../pdf.ts';
import {
  pdfFigureAlts,
  pdfPages,
  pdfStructure,
  poppler,
  structTables,
  zipPart,
  zipParts,
} from '../testing/read-files.ts';
import { ANONYMOUS_CARD, arrangedBoardInput } from './board-fixtures.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The pages of a PDF that show the board: those with the anonymous card's first words. */
const boardPages = (pages: string[]) =>
  pages.filter((page) => page.includes('Les horaires de nuit rendent') && page.includes('Tableau'));

describe.skipIf(!poppler)('the ideas board in the report', () => {
  it('is a figure of the PDF with the groups, the cards and their authors, and its alternative text', async () => {
    const report = buildReport(arrangedBoardInput());
    const pdf = await renderPdf({ report });
    const pages = boardPages(pdfPages(pdf));
    expect(pages.length).toBeGreaterThan(0);
    const printed = flat(pages.join('\n'));
    for (const title of ['Se rendre au travail', 'Former sur place', 'Groupe de 1 carte'])
      expect(printed).toContain(title);
    expect(printed).toContain('Covoiturage entre');
    expect(printed).toContain('Sophie Entreprise');
    expect(pdfFigureAlts(pdf)).toContain(report.board!.description);
    // The table after it, its text alternative, gives each card's group and whole text.
    expect(structTables(pdfStructure(pdf))).toContainEqual(
      expect.arrayContaining([
        ['Catégorie', 'Groupe', 'Texte', 'Organisation'],
        ['', 'Se rendre au travail', ANONYMOUS_CARD.text, ''],
        ['Constats', '', 'Les TER de 7 h sont pleins dès Thionville.', 'Metz Métropole'],
      ]),
    );
    // German: the board's words and alternative text in the report's language.
    const german = await renderPdf({ report: buildReport(arrangedBoardInput({ locale: 'de' })) });
    expect(pdfFigureAlts(german)).toContain(
      'Ideenwand: 6 Karten, davon 1 anonym. Gruppen: „Se rendre au travail“ (2 Karten), „Former sur place“ (2 Karten), „Gruppe mit 1 Karte“ (1 Karte). 1 Karte außerhalb von Gruppen.',
    );
    expect(flat(pdfPages(german).join('\n'))).toContain('Anonym');
  }, 120_000);

  it("never prints an anonymous card's author: not on the board's pages, and no one's name when anonymised", async () => {
    const named = await renderPdf({ report: buildReport(arrangedBoardInput()) });
    const pages = boardPages(pdfPages(named)).join('\n');
    expect(pages).toMatch(/Anonyme/);
    // Karim wrote the anonymous card, and nothing else on the board: his name and his
    // organisation (an older document left it on the card) are on none of its pages.
    expect(pages).not.toContain(ANONYMOUS_CARD.writtenBy.displayName);
    expect(pages).not.toContain('Lycée professionnel du Val de Fensch');
    const anonymised = pdfPages(
      await renderPdf({ report: buildReport(arrangedBoardInput({ anonymised: true })) }),
    );
    for (const member of SAMPLE_MEMBERS) expect(anonymised.join('\n')).not.toContain(member.displayName);
    expect(flat(boardPages(anonymised).join('\n'))).toContain('Aciéries de la Fensch');
  }, 120_000);

  it('is an SVG picture of the DOCX with the same words and no name on the anonymous card', async () => {
    const report = buildReport(arrangedBoardInput());
    const docx = await renderDocx({ report });
    const svg = zipParts(docx)
      .filter((part) => part.startsWith('word/media/') && part.endsWith('.svg'))
      .map((part) => zipPart(docx, part))
      .find((text) => text.includes(`<title id="t">Tableau d'idées</title>`))!;
    expect(svg).toBeDefined();
    expect(svg).toContain('Se rendre au travail');
    expect(svg).toContain('Anonyme');
    expect(svg).not.toContain(ANONYMOUS_CARD.writtenBy.displayName);
  }, 120_000);
});
