import { needsFromCsv } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from './csv-file.ts';

// Windows-1252 as Excel writes "CSV (séparateur : point-virgule)" on a French Windows.
function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = {
    é: 0xe9,
    è: 0xe8,
    à: 0xe0,
    ç: 0xe7,
    É: 0xc9,
    '’': 0x92,
    ô: 0xf4,
    œ: 0x9c,
  };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

describe('reading an uploaded CSV', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const text = 'Métier;Effectif';
    expect(decodeCsv(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    // TextDecoder drops the byte-order mark; the CSV reader would skip it anyway.
    const withBom = decodeCsv(new TextEncoder().encode(`\ufeff${text}`));
    expect(withBom.ok && withBom.text).toBe(text);
  });

  it('reads Excel’s Windows-1252 file correctly, accents included, into the same needs', () => {
    const csv = [
      'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier',
      'Cariste;Caristes d’entrepôt;2;6;Florange;CDI;2;non',
      'Chaudronnier / Chaudronnière;Chaudronniers qualifiés, cœur de métier;1;12;Hagondange;Intérim;3;oui',
    ].join('\r\n');
    const decoded = decodeCsv(windows1252(csv));
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    if (!decoded.ok) throw new Error('unreachable');
    expect(decoded.text).toBe(csv);
    const report = needsFromCsv(decoded.text);
    expect(report.errors).toEqual([]);
    expect(report.rows.map(({ need }) => [need.romeCode, need.title, need.contract])).toEqual([
      ['N1101', 'Caristes d’entrepôt', 'cdi'],
      ['H2902', 'Chaudronniers qualifiés, cœur de métier', 'interim'],
    ]);
  });

  it('reads UTF-16 ("Unicode text") and refuses what is not text', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x4d, 0x00, 0xe9, 0x00]);
    expect(decodeCsv(utf16)).toMatchObject({ ok: true, text: 'Mé', encoding: 'utf-16le' });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(decodeCsv(zip)).toEqual({ ok: false, code: 'csv_not_text' });
  });
});
