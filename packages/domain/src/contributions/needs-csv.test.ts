import { describe, expect, it } from 'vitest';
import { needsFromCsv } from './needs-csv.ts';
import { NEEDS_CSV_EXAMPLES, needsCsvTemplate, needsToCsv } from './needs-csv-template.ts';

// Issue 20, item 6: the CSV of needs in French, English still accepted, problems as codes with
// their line and column.
describe('the CSV of needs in French', () => {
  it('round-trips the template: downloaded, read back, the same needs', () => {
    const template = needsCsvTemplate();
    expect(template.startsWith('\ufeffMétier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;')).toBe(true);
    const report = needsFromCsv(template);
    expect(report.errors).toEqual([]);
    expect(report.rows.map((row) => row.need)).toEqual(NEEDS_CSV_EXAMPLES.map((line) => line.need));
    expect(report.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('round-trips needs written by code, with quotes, separators and line breaks in the text', () => {
    const need = {
      romeCode: 'I1304',
      title: 'Techniciens; "maintenance"',
      skills: ['GMAO', 'électrotechnique'],
      headcount: 12,
      horizonMonths: 0,
      communeCode: '54395',
      contract: 'interim' as const,
      difficulty: 1,
      crossBorder: true,
      comment: 'Deux lignes\r\nde commentaire',
    };
    const report = needsFromCsv(needsToCsv([{ need }]));
    expect(report.errors).toEqual([]);
    expect(report.rows[0]?.need).toEqual(need);
  });

  it('reads French values: an appellation, a commune by name, CDI, Apprentissage, oui/non', () => {
    const csv = [
      'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier',
      'soudeur / soudeuse tungsten inert gas -tig-;;2;6;florange;CDI;3;non',
      'Cariste;Caristes;1;12;THIONVILLE;Apprentissage;;OUI',
      'aide-soignant / aide-soignante;;1;3;Metz (57463);Intérim;2;',
    ].join('\n');
    const { rows, errors } = needsFromCsv(csv);
    expect(errors).toEqual([]);
    expect(
      rows.map(({ need }) => [need.romeCode, need.communeCode, need.contract, need.crossBorder]),
    ).toEqual([
      ['H2913', '57221', 'cdi', false],
      ['N1101', '57672', 'apprenticeship', true],
      ['J1501', '57463', 'interim', false],
    ]);
    // An empty title takes the fiche's label; an empty difficulty is 2.
    expect(rows[0]?.need.title).toBe('Soudage manuel');
    expect(rows[1]?.need.difficulty).toBe(2);
  });

  it('still reads the English layout and values', () => {
    const csv = [
      'id;organisation;rome_code;title;headcount;horizon_months;commune;contract;difficulty;cross_border;comment',
      'n1;;H2913;Soudeurs TIG;4;12;57672;cdi;3;yes;',
      'n2;;H2902;;2;6;57463;apprenticeship;;no;"Atelier ""chaudronnerie"""',
    ].join('\r\n');
    const { rows, errors } = needsFromCsv(`\ufeff${csv}`);
    expect(errors).toEqual([]);
    expect(rows.map(({ need }) => need.contract)).toEqual(['cdi', 'apprenticeship']);
    expect(rows[1]?.need.comment).toBe('Atelier "chaudronnerie"');
  });

  it('names the line, the column as the file writes it and the problem of each bad line, and keeps the good ones', () => {
    const csv = [
      'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier',
      'Cariste;Bon;2;6;Florange;CDI;2;non',
      'Cariste;Zéro;douze;6;Florange;CDI;2;non',
      'Astronaute;Inconnu;1;6;Paris;Freelance;9;peut-être',
      'Cariste;Trop;2;6;Florange',
    ].join('\n');
    const report = needsFromCsv(csv);
    expect(report.accepted).toBe(1);
    expect(report.rejected).toBe(3);
    expect(report.errors.map((e) => [e.line, e.column, e.problem, e.value ?? ''])).toEqual([
      [3, 'Effectif', 'not_whole_number', 'douze'],
      [4, 'Métier', 'unknown_occupation', 'Astronaute'],
      [4, 'Commune', 'unknown_commune', 'Paris'],
      [4, 'Contrat', 'unknown_contract', 'Freelance'],
      [4, 'Transfrontalier', 'not_yes_no', 'peut-être'],
      [4, 'Difficulté (1 à 4)', 'out_of_range', '9'],
      [5, '', 'field_count', ''],
    ]);
    expect(report.errors.find((e) => e.problem === 'out_of_range')).toMatchObject({ min: 1, max: 4 });
    expect(report.errors.at(-1)).toMatchObject({ expected: 8, found: 5 });
  });

  it('refuses a file without the required columns, naming them as the template does', () => {
    const report = needsFromCsv('Métier;Intitulé\nCariste;Caristes');
    expect(report.accepted).toBe(0);
    expect(report.errors.map((e) => [e.line, e.column, e.problem])).toEqual([
      [1, 'Effectif', 'missing_column'],
      [1, 'Horizon (mois)', 'missing_column'],
      [1, 'Commune', 'missing_column'],
      [1, 'Contrat', 'missing_column'],
    ]);
    expect(needsFromCsv('').errors.map((e) => e.problem)).toEqual(['empty_file']);
  });
});
