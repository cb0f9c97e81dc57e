import { describe, expect, it } from 'vitest';
import { compareWithBmo, spearman } from './bmo-comparison.ts';
import { tinyScenario } from './fixtures.ts';
import { importBmoCsv } from './import/bmo.ts';
import { runSkillsModel } from './model.ts';
import { parseSkillsScenario } from './scenario.ts';

const CSV = [
  'annee;Code métier BMO;Nom métier BMO;Famille_met;Lbl_fam_met;REG;NOM_REG;Dept;NomDept;BE24;NOMBE24;met;xmet;smet',
  '2024;D1Z40;Soudeurs;I;Industrie;44;Grand Est;57;Moselle;4411;Metz;100;80;0',
  '2024;D1Z40;Soudeurs;I;Industrie;44;Grand Est;57;Moselle;4418;Thionville;50;*;0',
  '2024;V1Z80;Infirmiers;S;Santé;44;Grand Est;57;Moselle;4411;Metz;200;100;0',
  '2024;D2Z41;Chaudronniers;I;Industrie;44;Grand Est;57;Moselle;4411;Metz;40;10;0',
  '2024;X9Z99;Autres;Z;Autres;44;Grand Est;57;Moselle;4411;Metz;10;1;0',
].join('\n');

describe('compareWithBmo', () => {
  const result = runSkillsModel({
    scenario: parseSkillsScenario(tinyScenario({ reach: { carMinutes: 10, ptMinutes: 10 } })),
  });
  const { rows } = importBmoCsv(CSV);
  const comparison = compareWithBmo({
    result,
    rows,
    occupationMap: { D1Z40: ['H2913'], V1Z80: ['J1506'], D2Z41: ['H2902'] },
    areaMap: { '4411': ['A'], '4418': ['B'] },
    horizon: 1,
  });

  it('computes the difficult share from the rows that are not suppressed', () => {
    const welders = comparison.rows.find((r) => r.bmoCode === 'D1Z40')!;
    expect(welders.projects).toBe(100); // the Thionville row has xmet suppressed
    expect(welders.difficultShare).toBeCloseTo(0.8, 12);
  });

  it('sets the model tension of the mapped occupations and territories beside it', () => {
    const nurses = comparison.rows.find((r) => r.bmoCode === 'V1Z80')!;
    const O = 3;
    const u = (0 * 3 + 0) * O + 2; // horizon 1, territory A, J1506
    expect(nurses.modelTension).toBeCloseTo(result.gap[u]! / result.demand.total[u]!, 12);
    expect(comparison.unmapped).toEqual(['X9Z99']);
    expect(comparison.rows.map((r) => r.bmoCode)).toEqual(['D1Z40', 'V1Z80', 'D2Z41']);
    expect(Number.isNaN(comparison.rankCorrelation) || Math.abs(comparison.rankCorrelation) <= 1).toBe(true);
  });
});

describe('spearman', () => {
  it('is 1 for the same order, −1 for the reverse, and handles ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 2, 3], [5, 5, 6, 7])).toBeCloseTo(1, 12);
    expect(Number.isNaN(spearman([1, 2], [1, 2]))).toBe(true);
  });
});
