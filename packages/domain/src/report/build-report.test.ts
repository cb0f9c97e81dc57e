import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.ts';
import { SAMPLE_MEMBERS, sampleReportInput } from './sample.ts';

describe('buildReport', () => {
  it('groups needs by occupation family with their headcount', () => {
    const report = buildReport(sampleReportInput());
    expect(report.needs.count).toBe(4);
    expect(report.needs.totalHeadcount).toBe(23);
    const metal = report.needs.groups.find((g) => g.family === 'metalworking');
    expect(metal?.label).toBe('Sidérurgie, métallurgie et travail des métaux');
    expect(metal?.rows.map((r) => r.title)).toContain('Soudeurs TIG');
  });

  it('counts the entries the documents hold but the schema refuses', () => {
    const report = buildReport(sampleReportInput());
    expect(report.provenance.skipped).toEqual([{ collection: 'besoins', count: 1 }]);
  });

  it('resolves J+N dates against day 0 and names owners and partners', () => {
    const report = buildReport(sampleReportInput());
    const [first] = report.roadmap.rows;
    expect(first?.owner).toBe('CFA Industrie Nord Lorraine (fictif)');
    expect(first?.partners).toEqual([
      'Aciéries de la Fensch (fictive)',
      'Lycée professionnel du Val de Fensch (fictif)',
    ]);
    expect(first?.start).toEqual({ raw: 'J+0', day: '2026-11-26', label: '26 novembre 2026' });
    expect(first?.due.day).toBe('2027-02-24');
    expect(first?.needs).toEqual(['Soudeurs TIG']);
    expect(report.roadmap.range).toEqual({ from: '2026-11-26', to: '2027-06-30' });
  });

  it('tallies polls and names the winner, none on a tie', () => {
    const report = buildReport(sampleReportInput());
    const [poll, dots] = report.decisions;
    expect(poll?.options.map((o) => o.votes)).toEqual([2, 1, 0]);
    expect(poll?.winner).toBe('Section de soudage');
    expect(poll?.voterCount).toBe(3);
    expect(dots?.options.map((o) => o.votes)).toEqual([2, 4]);
    expect(dots?.options[1]?.share).toBeCloseTo(4 / 6);
    const tie = buildReport({
      ...sampleReportInput(),
      polls: [
        {
          id: 'p',
          question: 'q',
          options: ['a', 'b'],
          kind: 'poll',
          anonymous: true,
          status: 'closed',
          ballots: [{ '0': 1 }, { '1': 1 }],
        },
      ],
    });
    expect(tie.decisions[0]?.winner).toBeNull();
  });

  it('reports accepted contributions only', () => {
    const report = buildReport(sampleReportInput());
    expect(report.contributions.map((c) => c.summary)).toEqual(['Nous accueillons deux apprentis par an.']);
  });

  it('groups participants by organisation kind, with names when named', () => {
    const report = buildReport(sampleReportInput());
    expect(report.participants.map((p) => p.kind)).toEqual(['company', 'school', 'public_body', 'metropole']);
    expect(report.participants[0]?.organisations[0]?.people).toEqual([
      { name: 'Sophie Entreprise', role: 'Participant' },
    ]);
  });

  it('holds no person name when anonymised, and keeps organisations', () => {
    const report = buildReport(sampleReportInput({ anonymised: true }));
    const text = JSON.stringify(report);
    for (const member of SAMPLE_MEMBERS) expect(text).not.toContain(member.displayName);
    expect(text).toContain('Aciéries de la Fensch (fictive)');
    expect(report.meta.exportedBy).toBeNull();
    expect(report.contributions[0]?.author).toBeNull();
  });

  it('writes in the requested language with its formats', () => {
    const report = buildReport(sampleReportInput({ locale: 'de' }));
    expect(report.labels.sections.roadmap).toBe('Fahrplan');
    expect(report.roadmap.rows[0]?.start.label).toBe('26. November 2026');
    expect(report.meta.dateLabel).toBe('26. November 2026 um 09:00');
    expect(report.roadmap.rows[0]?.statusLabel).toBe('Zugesagt');
  });

  it('lists scenarios with their assumptions and the model columns, baseline first', () => {
    const report = buildReport(sampleReportInput());
    expect(report.scenarios?.definitions.map((d) => d.title)).toEqual([
      'Navette et section de soudage',
      'Fil de l’eau',
    ]);
    expect(report.scenarios?.definitions[0]?.assumptions).toContainEqual(['mobility.shuttle', 'true']);
    expect(report.scenarios?.columns[0]?.title).toBe('Situation de référence');
    expect(report.scenarios?.indicators.find((i) => i.key === 'skills.tension')?.unit).toBe('share');
    expect(report.scenarios?.baselineOnly).toBe(true);
    expect(report.scenarios?.comparisons[0]).toMatchObject({
      title: 'Navette et section de soudage',
      rows: [{ sentence: 'Les postes non pourvus à 5 ans passent de 6 300 à 4 100 (−2 200).' }],
    });
    expect(report.map?.title).toBe('Part des transports collectifs par zone (situation de référence)');
    expect(report.map?.points).toHaveLength(4);
  });

  it('keeps the synthesis as blocks, text unescaped', () => {
    const report = buildReport(sampleReportInput());
    expect(report.synthesis[0]).toEqual({ kind: 'heading', level: 2, text: 'Constats' });
    expect(report.synthesis[1]).toEqual({
      kind: 'paragraph',
      text: 'La Fensch manque de soudeurs & de techniciens <qualifiés>.',
    });
  });

  it('names a saved version with its date', () => {
    const report = buildReport({
      ...sampleReportInput(),
      version: {
        kind: 'saved',
        id: 'v',
        name: 'Après la séance 1',
        savedAt: new Date('2026-11-26T11:00:00Z'),
      },
    });
    expect(report.meta.versionLabel).toBe(
      'Version enregistrée « Après la séance 1 » (26 novembre 2026 à 12:00)',
    );
  });

  it('says the data are fictional when an organisation it names is, in each language', () => {
    const input = sampleReportInput();
    expect(buildReport(input).meta.fictional).toBe(true);
    expect(buildReport(input).provenance.fictional).toBe(true);
    expect(buildReport({ ...input, locale: 'fr' }).labels.cover.fictional).toMatch(/^Données fictives/);
    expect(buildReport({ ...input, locale: 'en' }).labels.cover.fictional).toMatch(/^Fictional data/);
    expect(buildReport({ ...input, locale: 'de' }).labels.cover.fictional).toMatch(/^Fiktive Daten/);
  });

  it('does not call a real workshop fictional because the database also holds fictional organisations', () => {
    const input = sampleReportInput();
    const real = { id: 'real', name: 'Entreprise réelle', kind: 'company' as const };
    const report = buildReport({
      ...input,
      organisations: [...input.organisations, real],
      members: [{ userId: 'u1', displayName: 'Personne', role: 'facilitator', organisationId: 'real' }],
      content: {
        ...input.content,
        needs: input.content.needs.map((need) => ({ ...need, organisationId: 'real' })),
        roadmap: [],
        ideas: [],
        comments: [],
        trainingOffers: [],
      },
      contributions: [],
    });
    expect(report.meta.fictional).toBe(false);
    expect(report.provenance.fictional).toBe(false);
  });
});
