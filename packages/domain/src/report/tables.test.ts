import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.ts';
import { sampleReportInput } from './sample.ts';
import { reportTables } from './tables.ts';

describe('reportTables', { timeout: 60_000 }, () => {
  it('gives needs, training offers, roadmap, votes and contributions with headers in the language', () => {
    const tables = reportTables(buildReport(sampleReportInput({ locale: 'en' })));
    expect(tables.map((t) => t.name)).toEqual([
      'needs',
      'trainingOffers',
      'roadmap',
      'votes',
      'contributions',
    ]);
    const needs = tables[0]!;
    expect(needs.columns).toContain('Headcount');
    expect(needs.rows).toHaveLength(5);
    expect(needs.columns).toContain('Commune');
    expect(needs.rows[0]).toContain('Florange');
    for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    expect(tables[1]!.rows[0]?.slice(1, 6)).toEqual([
      'Bac pro Technicien en chaudronnerie industrielle',
      'CFA Industrie Nord Lorraine (fictif)',
      'H2913, H2902',
      15,
      24,
    ]);
    const roadmap = tables[2]!;
    expect(roadmap.rows[0]?.slice(1, 6)).toEqual([
      'Ouvrir une section de soudage en apprentissage',
      'CFA Industrie Nord Lorraine (fictif)',
      'Aciéries de la Fensch (fictive), Lycée professionnel du Val de Fensch (fictif)',
      '2026-11-26',
      '2027-02-24',
    ]);
    expect(tables[3]!.rows).toHaveLength(5);
  });
});
