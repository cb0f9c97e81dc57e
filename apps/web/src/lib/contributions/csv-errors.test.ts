import { needsFromCsv } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { csvErrorText } from './csv-errors.ts';

// Issue 20, item 6: every problem of a CSV of needs in the reader's language, naming its line and
// its column, never a validator's text.
const csv = [
  'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier',
  'Cariste;Caristes;douze;6;Florange;CDI;2;non',
  'Astronaute;Inconnu;1;6;Paris;Freelance;9;peut-être',
  'Cariste;Trop court;2;6',
].join('\n');

describe('the CSV report in three languages', () => {
  const { errors } = needsFromCsv(csv);

  it('says in French which line and column, and what is wrong', () => {
    expect(errors.map((error) => csvErrorText(error, 'fr'))).toEqual([
      "Ligne 2, colonne « Effectif » : « douze » n'est pas un nombre entier.",
      "Ligne 3, colonne « Métier » : « Astronaute » n'est ni un métier de la liste ni un code ROME connu.",
      "Ligne 3, colonne « Commune » : « Paris » n'est pas une commune du territoire (nom ou code INSEE).",
      "Ligne 3, colonne « Contrat » : « Freelance » n'est pas un contrat connu (CDI, CDD, Apprentissage, Stage, Intérim).",
      "Ligne 3, colonne « Transfrontalier » : « peut-être » n'est ni oui ni non.",
      'Ligne 3, colonne « Difficulté (1 à 4) » : « 9 » doit être entre 1 et 4.',
      'Ligne 4 : 4 cellules au lieu de 8 (un « ; » en trop ou en moins ?).',
    ]);
  });

  it('in English', () => {
    expect(csvErrorText(errors[0]!, 'en')).toBe('Line 2, column “Effectif”: “douze” is not a whole number.');
    expect(csvErrorText(errors[5]!, 'en')).toBe(
      'Line 3, column “Difficulté (1 à 4)”: “9” must be between 1 and 4.',
    );
  });

  it('in German', () => {
    expect(csvErrorText(errors[0]!, 'de')).toBe('Zeile 2, Spalte „Effectif“: „douze“ ist keine ganze Zahl.');
    expect(csvErrorText(errors[6]!, 'de')).toBe(
      'Zeile 4: 4 Zellen statt 8 (ein „;“ zu viel oder zu wenig?).',
    );
  });

  it('never shows a validator’s sentence: every problem of every kind has its own words, with line and column', () => {
    for (const locale of ['fr', 'en', 'de'] as const) {
      for (const error of errors) {
        const text = csvErrorText(error, locale);
        expect(text).toContain(String(error.line));
        if (error.column) expect(text).toContain(error.column);
        expect(text).not.toMatch(/Invalid|expected one of|Too (big|small)/);
      }
    }
  });
});
