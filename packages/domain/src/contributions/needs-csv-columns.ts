// The columns and values of the CSV of needs, in French (the template's) and in English (the
// skills issue's layout, still accepted): names compared without accents, case or punctuation,
// so that "Horizon (mois)", "horizon_mois" and "horizon_months" are one column.
import type { ContractType } from '../realtime/content-doc.ts';

/** The fields a CSV line fills, in the template's order. */
export const NEEDS_CSV_FIELDS = [
  'occupation',
  'title',
  'headcount',
  'horizonMonths',
  'commune',
  'contract',
  'difficulty',
  'crossBorder',
  'skills',
  'comment',
] as const;
export type NeedsCsvField = (typeof NEEDS_CSV_FIELDS)[number];

/** The template's column names (French, as people read them in a spreadsheet). */
export const NEEDS_CSV_FRENCH_HEADER: Readonly<Record<NeedsCsvField, string>> = {
  occupation: 'Métier',
  title: 'Intitulé',
  headcount: 'Effectif',
  horizonMonths: 'Horizon (mois)',
  commune: 'Commune',
  contract: 'Contrat',
  difficulty: 'Difficulté (1 à 4)',
  crossBorder: 'Transfrontalier',
  skills: 'Compétences',
  comment: 'Commentaire',
};

/** Columns a file must have (the others take their default). */
export const NEEDS_CSV_REQUIRED: readonly NeedsCsvField[] = [
  'occupation',
  'headcount',
  'horizonMonths',
  'commune',
  'contract',
];

/** A header or a value folded: no accents, lower case, every other character run as `_`. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const COLUMN_ALIASES: Readonly<Record<NeedsCsvField, readonly string[]>> = {
  occupation: ['metier', 'metiers', 'code_rome', 'rome_code', 'rome', 'appellation', 'occupation', 'emploi'],
  title: ['intitule', 'titre', 'title', 'libelle', 'poste'],
  headcount: ['effectif', 'effectifs', 'nombre', 'nombre_de_postes', 'postes', 'headcount'],
  horizonMonths: ['horizon_mois', 'horizon', 'horizon_en_mois', 'delai_mois', 'horizon_months'],
  commune: ['commune', 'code_insee', 'insee', 'lieu', 'commune_code', 'ville'],
  contract: ['contrat', 'type_de_contrat', 'contract'],
  difficulty: ['difficulte_1_a_4', 'difficulte', 'difficulte_de_recrutement', 'difficulty'],
  crossBorder: ['transfrontalier', 'frontalier', 'cross_border'],
  skills: ['competences', 'skills'],
  comment: ['commentaire', 'commentaires', 'remarque', 'comment'],
};

const FIELD_OF_KEY = new Map<string, NeedsCsvField>(
  NEEDS_CSV_FIELDS.flatMap((field) => COLUMN_ALIASES[field].map((alias) => [alias, field] as const)),
);

/** Columns read and ignored: a contribution is always in the name of its author's organisation. */
const IGNORED = new Set(['id', 'organisation', 'organization', 'entreprise']);

/** The field a header names, `ignored` for the known columns without use, undefined when unknown. */
export function fieldOfHeader(header: string): NeedsCsvField | 'ignored' | undefined {
  const key = foldKey(header);
  if (IGNORED.has(key)) return 'ignored';
  return FIELD_OF_KEY.get(key);
}

const CONTRACTS: Readonly<Record<string, ContractType>> = {
  cdi: 'cdi',
  contrat_a_duree_indeterminee: 'cdi',
  permanent: 'cdi',
  cdd: 'cdd',
  contrat_a_duree_determinee: 'cdd',
  fixed_term: 'cdd',
  apprentissage: 'apprenticeship',
  apprenti: 'apprenticeship',
  alternance: 'apprenticeship',
  contrat_d_apprentissage: 'apprenticeship',
  apprenticeship: 'apprenticeship',
  stage: 'internship',
  stagiaire: 'internship',
  internship: 'internship',
  interim: 'interim',
  interimaire: 'interim',
  travail_temporaire: 'interim',
  temporary: 'interim',
};

/**
 * A contract as people write it: `CDI`, `Apprentissage`, `Intérim`, or the English values.
 *
 * @example contractOf('Apprentissage') // 'apprenticeship'
 */
export function contractOf(text: string): ContractType | undefined {
  return CONTRACTS[foldKey(text)];
}

/** The template's word for each contract. */
export const FRENCH_CONTRACT: Readonly<Record<ContractType, string>> = {
  cdi: 'CDI',
  cdd: 'CDD',
  apprenticeship: 'Apprentissage',
  internship: 'Stage',
  interim: 'Intérim',
};

const YES = new Set(['oui', 'o', 'yes', 'y', 'ja', 'j', 'true', 'vrai', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'nein', 'false', 'faux', '0', '']);

/** Yes or no as people write it (`oui`, `non`, `x`, empty); undefined when it is neither. */
export function yesNoOf(text: string): boolean | undefined {
  const key = foldKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}
