import { describe, expect, it } from 'vitest';
import { importBmoCsv } from './bmo.ts';
import { parseCsv, parseShare } from './csv.ts';
import { importNeedsCsv } from './needs.ts';
import { importTrainingCsv } from './training.ts';

const BMO_HEADER =
  'annee;Code métier BMO;Nom métier BMO;Famille_met;Lbl_fam_met;REG;NOM_REG;Dept;NomDept;BE24;NOMBE24;met;xmet;smet';

describe('importBmoCsv', () => {
  const text = [
    BMO_HEADER,
    '2024;D1Z40;Soudeurs;I;Fonctions liées à la production industrielle;44;Grand Est;57;Moselle;4411;Metz;120;96;0',
    '2024;T2A60;Aides à domicile et aides ménagères;S;Fonctions sociales et médico-sociales;44;Grand Est;57;Moselle;4411;Metz;310;*;*',
    '2024;J3Z44;Conducteurs routiers;T;Fonctions liées au transport;44;Grand Est;57;Moselle;4418;Thionville;85;71;4',
    '2024;S1Z20;Cuisiniers;R;Fonctions liées à la vente, au tourisme;44;Grand Est;57;Moselle;4418;Thionville;abc;3;40',
    '2024;V1Z80;Infirmiers;S;Fonctions sociales et médico-sociales;44;Grand Est;57;Moselle;4411',
    '2024;D2Z41;Chaudronniers;I;Fonctions liées à la production industrielle;44;Grand Est;57;Moselle;4411;Metz;20;25;0',
    '"2024";"D6Z80";"Ouvriers qualifiés de la maintenance; mécanique";I;"Production";44;Grand Est;57;Moselle;4418;Thionville;"1 240";"812";*',
  ].join('\r\n');
  const result = importBmoCsv(text);

  it('keeps good rows, reads the year-suffixed employment-area column and suppressed cells as null', () => {
    expect(result.employmentAreaColumn).toBe('BE24');
    expect(result.accepted).toBe(4);
    expect(result.rows[0]).toMatchObject({
      bmoCode: 'D1Z40',
      employmentArea: '4411',
      employmentAreaName: 'Metz',
      projects: 120,
      difficult: 96,
      seasonal: 0,
      line: 2,
    });
    expect(result.rows[1]).toMatchObject({
      bmoCode: 'T2A60',
      projects: 310,
      difficult: null,
      seasonal: null,
    });
    expect(result.rows[3]).toMatchObject({
      bmoLabel: 'Ouvriers qualifiés de la maintenance; mécanique',
      projects: 1240,
      difficult: 812,
      line: 8,
    });
  });

  it('names the line, column and problem of each bad row', () => {
    expect(result.rejected).toBe(3);
    expect(result.errors).toEqual([
      { line: 5, column: 'met', problem: '"abc" is not a non-negative number' },
      { line: 6, column: '', problem: 'expected 14 fields, found 10' },
      { line: 7, column: 'xmet', problem: 'more difficult projects (25) than projects (20)' },
    ]);
  });

  it('follows the suffix of another year and says when the area column is missing', () => {
    const older = importBmoCsv(
      `${BMO_HEADER.replace('BE24;NOMBE24', 'BE23;NOMBE23')}\n2023;D1Z40;Soudeurs;I;Ind;44;GE;57;Moselle;4411;Metz;1;1;0`,
    );
    expect(older.employmentAreaColumn).toBe('BE23');
    expect(older.accepted).toBe(1);
    const none = importBmoCsv(BMO_HEADER.replace('BE24;NOMBE24', 'ZE;NOMZE'));
    expect(none.errors[0]).toMatchObject({ line: 1, column: 'BEyy' });
  });
});

describe('importTrainingCsv', () => {
  it('reads programmes with occupation shares, percentages and decimal commas', () => {
    const result = importTrainingCsv(
      [
        'id;name;provider;kind;commune;rome_codes;seats_per_year;duration_years;completion_rate;local_entry_share;opening_year',
        'p1;Bac pro TCI;Lycée (illustratif);school;57672;H2913:0.6|H2902:0.4;24;3;85%;0,7;',
        'p2;BTS maintenance;CFA (illustratif);apprenticeship;57463;I1304|I1310;12;2;0.9;0.8;2',
        'p3;Bad share;X;school;57463;H2913:1.4;10;1;0.9;0.8;',
        'p4;No place;X;school;;H2913;10;1;0.9;0.8;',
        'p5;Bad rate;X;school;57463;H2913;10;1;1.5;0.8;',
      ].join('\n'),
    );
    expect(result.accepted).toBe(2);
    expect(result.rows[0]).toMatchObject({
      id: 'p1',
      communeCode: '57672',
      completionRate: 0.85,
      localEntryShare: 0.7,
      occupations: [
        { code: 'H2913', share: 0.6 },
        { code: 'H2902', share: 0.4 },
      ],
    });
    expect(result.rows[1]).toMatchObject({
      kind: 'apprenticeship',
      openingYear: 2,
      occupations: [
        { code: 'I1304', share: 0.5 },
        { code: 'I1310', share: 0.5 },
      ],
    });
    expect(result.rejected).toBe(3);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'rome_codes'],
      [5, 'commune'],
      [6, 'completion_rate'],
    ]);
  });
});

describe('importNeedsCsv', () => {
  it('reads register entries and reports each bad cell', () => {
    const result = importNeedsCsv(
      [
        'id,organisation,rome_code,title,headcount,horizon_months,commune,contract,difficulty,cross_border,comment',
        'n1,org-arcelor,H2913,Soudeurs TIG,6,12,57206,cdi,3,non,',
        'n2,org-chr,j1506,Infirmiers,4,6,LU,CDD,,oui,"urgent, night shifts"',
        'n3,org-x,H29,Bad code,2,6,57463,cdi,,no,',
        'n4,org-x,H2913,Zero,0,6,57463,cdi,,no,',
        'n5,org-x,H2913,Half,2.5,6,57463,freelance,,maybe,',
      ].join('\n'),
    );
    expect(result.accepted).toBe(2);
    expect(result.rows[1]).toMatchObject({
      romeCode: 'J1506',
      communeCode: 'LU',
      contract: 'cdd',
      crossBorder: true,
    });
    expect(result.errors).toEqual([
      { line: 4, column: 'rome_code', problem: expect.stringMatching(/ROME code/) },
      { line: 5, column: 'headcount', problem: expect.any(String) },
      { line: 6, column: 'cross_border', problem: '"maybe" is not yes or no' },
      { line: 6, column: 'headcount', problem: '"2.5" is not a whole number' },
      { line: 6, column: 'contract', problem: expect.any(String) },
    ]);
    expect(result.rejected).toBe(3);
  });

  it('reports a missing required column on the header line', () => {
    const result = importNeedsCsv('id;rome_code;headcount\nn1;H2913;2');
    expect(result.errors).toContainEqual({
      line: 1,
      column: 'commune',
      problem: 'missing column in the header',
    });
    expect(result.accepted).toBe(0);
  });
});

describe('csv helpers', () => {
  it('keeps quoted delimiters, doubled quotes and line breaks, and counts lines', () => {
    const { records } = parseCsv('a;b\n"x;1";"say ""hi"""\n"multi\nline";2\n\nlast;3', ';');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"'],
      ['multi\nline', '2'],
      ['last', '3'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('reads shares as fractions or percentages', () => {
    expect(parseShare('85%')).toBeCloseTo(0.85, 12);
    expect(parseShare('0,5')).toBe(0.5);
    expect(parseShare('120%')).toBeUndefined();
  });
});
