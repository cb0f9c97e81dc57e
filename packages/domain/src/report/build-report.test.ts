import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.ts';
import { SAMPLE_MEMBERS, sampleReportInput } from './sample.ts';

// The sample runs the scenario lab's models: a few seconds the first time on a loaded machine.
describe('buildReport', { timeout: 60_000 }, () => {
  it('groups needs by occupation family with their headcount', () => {
    const report = buildReport(sampleReportInput());
    expect(report.needs.count).toBe(5);
    expect(report.needs.totalHeadcount).toBe(26);
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

  it('reports accepted contributions as the items they became, without those removed since', () => {
    const report = buildReport(sampleReportInput());
    expect(report.contributions.map((c) => [c.kindLabel, c.author, c.items])).toEqual([
      [
        'Commentaire',
        'Sophie Entreprise',
        ['Sur « Ouvrir une section de soudage en apprentissage » : Nous accueillons deux apprentis par an.'],
      ],
      [
        'Offre de formation',
        'Karim Formation',
        ['Bac pro Technicien en chaudronnerie industrielle : 15 places par an, Thionville'],
      ],
      ['Besoins', 'Sophie Entreprise', ['Électriciens de maintenance en 3×8 : 3 postes, Hayange, CDI']],
    ]);
    const items = report.contributions.flatMap((c) => c.items).join('\n');
    expect(items).not.toContain('Pontiers');
    expect(items).not.toMatch(/[{}]/);
    expect(items).not.toContain('Hors sujet');
  });

  it('names communes and labels idea columns and families, in the language of the report', () => {
    const fr = buildReport(sampleReportInput());
    expect(fr.needs.groups[0]?.rows[0]).toMatchObject({ communeCode: '57221', commune: 'Florange' });
    expect(fr.trainingOffers[0]?.commune).toBe('Thionville');
    expect(fr.ideas.map((i) => i.category)).toEqual(['Pistes', 'Constats']);
    const de = buildReport(sampleReportInput({ locale: 'de' }));
    expect(de.ideas.map((i) => i.category)).toEqual(['Ansätze', 'Feststellungen']);
    expect(de.needs.groups[0]?.label).toBe('Stahl, Metallurgie und Metallbearbeitung');
  });

  it('names a choice only once the poll is closed', () => {
    const input = sampleReportInput();
    const open = buildReport({
      ...input,
      polls: [{ ...input.polls[0]!, status: 'open', ballots: [{ '0': 1 }] }],
    });
    expect(open.decisions[0]).toMatchObject({ status: 'open', statusLabel: 'ouvert', winner: null });
    expect(open.decisions[0]?.outcome).toMatch(/^Vote en cours/);
    const closed = buildReport(input);
    expect(closed.decisions[0]?.outcome).toBe('Retenu : Section de soudage');
  });

  it('groups participants by organisation kind, with names when named', () => {
    const report = buildReport(sampleReportInput());
    expect(report.participants.map((p) => p.kind)).toEqual(['company', 'school', 'public_body', 'metropole']);
    expect(report.participants[0]?.organisations[0]?.people).toEqual([
      { name: 'Sophie Entreprise', role: 'Participant' },
    ]);
  });

  it('lists a guest (joined by the code) as a guest of their organisation, and anonymously when anonymised', () => {
    const input = sampleReportInput();
    const steel = SAMPLE_MEMBERS.find((m) => m.displayName === 'Sophie Entreprise')!.organisationId;
    const guest = {
      userId: 'g1',
      displayName: 'Camille',
      role: 'participant' as const,
      organisationId: steel,
      guest: true,
    };
    const people = (report: ReturnType<typeof buildReport>) =>
      report.participants[0]?.organisations.find((o) => o.id === steel)?.people;
    expect(people(buildReport({ ...input, members: [...input.members, guest] }))).toContainEqual({
      name: 'Camille',
      role: 'Invité (sans compte)',
    });
    const anonymised = sampleReportInput({ anonymised: true, locale: 'en' });
    expect(people(buildReport({ ...anonymised, members: [...anonymised.members, guest] }))).toContainEqual({
      name: null,
      role: 'Guest (no account)',
    });
  });

  it('holds no person name when anonymised, and keeps organisations', () => {
    const report = buildReport(sampleReportInput({ anonymised: true }));
    const text = JSON.stringify(report);
    for (const member of SAMPLE_MEMBERS) expect(text).not.toContain(member.displayName);
    expect(text).toContain('Aciéries de la Fensch (fictive)');
    expect(report.meta.exportedBy).toBeNull();
    expect(report.contributions.every((c) => c.author === null)).toBe(true);
  });

  it('writes in the requested language with its formats', () => {
    const report = buildReport(sampleReportInput({ locale: 'de' }));
    expect(report.labels.sections.roadmap).toBe('Fahrplan');
    expect(report.roadmap.rows[0]?.start.label).toBe('26. November 2026');
    expect(report.meta.dateLabel).toBe('26. November 2026 um 09:00');
    expect(report.roadmap.rows[0]?.statusLabel).toBe('Zugesagt');
  });

  it('describes each scenario in words with the fingerprint the lab shows, figures formatted once', () => {
    const report = buildReport(sampleReportInput());
    const s = report.scenarios!;
    expect(s.scenarios.map((d) => [d.title, d.referenceTitle])).toEqual([
      ['Navette et section de soudage', 'Fil de l’eau'],
      ['Fil de l’eau', null],
    ]);
    const variant = s.scenarios[0]!;
    expect(variant.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(variant.changes.map((c) => c.text).join('\n')).toMatch(
      /^Placement des demandeurs d'emploi : 40\s% par an$/m,
    );
    expect(variant.changes.map((c) => c.reason)).toContain('Accompagnement renforcé des demandeurs d’emploi');
    // Assumptions the models do not read are listed as such, never as changes.
    expect(variant.changes).toHaveLength(1);
    expect(variant.problems).toEqual([
      'mobility.shuttle = true (hypothèse que les modèles ne lisent pas)',
      'skills.newSeats.H2913 = 12 (hypothèse que les modèles ne lisent pas)',
    ]);
    expect(report.provenance.fingerprints.map((f) => f.fingerprint)).toEqual(
      s.scenarios.map((d) => d.fingerprint),
    );
    // The comparison's texts are the table's texts: one value per scenario and indicator.
    const comparison = s.comparisons[0]!;
    for (const row of comparison.rows) {
      const indicator = s.indicators.find((i) => i.id === row.id)!;
      expect(row.scenario).toBe(indicator.values[0]!.text);
      expect(row.baseline).toBe(indicator.values[1]!.text);
    }
    expect(s.trend.horizons).toEqual([1, 3, 5, 10]);
    expect(s.trend.series[1]!.values[2]).toBe(
      s.indicators.find((i) => i.id === 'skillsGap5')!.values[1]!.raw,
    );
  });

  it('draws the reference on a map of named zones with a legend in the language of the report', () => {
    const en = buildReport(sampleReportInput({ locale: 'en' }));
    expect(en.map?.legendTitle).toBe('Share of trips by public transport');
    expect(en.map?.zones.find((z) => z.id === '57463')?.name).toBe('Metz');
    expect(en.map?.externals.find((z) => z.id === 'X-LUX')?.name).toBe('Luxembourg (city)');
    const fr = buildReport(sampleReportInput());
    expect(fr.map?.externals.find((z) => z.id === 'X-LUX')?.name).toBe('Luxembourg (ville)');
    expect(fr.map?.classes.every((c) => /\((\d+) zones?\)$/.test(c.label))).toBe(true);
    expect(fr.map?.classes.some((c) => c.label.includes('(1 zones)'))).toBe(false);
    expect(fr.map?.roads.length).toBeGreaterThan(10);
    expect(fr.map?.ptLines.length).toBeGreaterThan(5);
  });

  it('restricts the skills balance to the families of the needs the workshop recorded', () => {
    const report = buildReport(sampleReportInput());
    const families = report.skillsBalance!.rows.map((r) => r.family).sort();
    expect(families).toEqual(['industrial-production', 'maintenance', 'metalworking']);
    expect(report.skillsBalance!.rows.find((r) => r.family === 'metalworking')?.recorded).toBe(5);
  });

  it('puts a one-page summary first: needs, committed actions, the scenario and its effects, next steps', () => {
    const report = buildReport(sampleReportInput());
    const { summary } = report;
    expect(summary.purpose).toBe(report.meta.description);
    expect(summary.keyNeeds[0]).toMatchObject({ headcount: 12, organisations: 1, communes: ['Trémery'] });
    expect(summary.keyNeeds.length).toBeLessThanOrEqual(5);
    expect(summary.actions.map((a) => a.title)).toEqual([
      'Ouvrir une section de soudage en apprentissage',
      'Navette Thionville – Trémery aux horaires postés',
    ]);
    expect(summary.scenario).toMatchObject({
      title: 'Navette et section de soudage',
      referenceTitle: 'Fil de l’eau',
    });
    expect(summary.scenario!.basis).toMatch(/aucun vote sur les scénarios n'est clos/);
    expect(summary.scenario!.effects.length).toBeGreaterThan(0);
    expect(summary.scenario!.effects.length).toBeLessThanOrEqual(3);
    for (const effect of summary.scenario!.effects)
      expect(report.scenarios!.comparisons[0]!.rows.map((r) => r.sentence)).toContain(effect);
    expect(summary.nextSteps.length).toBeGreaterThan(0);
  });

  it('says on the meta that the models ran on illustrative data', () => {
    expect(buildReport(sampleReportInput()).meta.illustrative).toBe(true);
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
