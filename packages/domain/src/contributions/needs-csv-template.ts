// The CSV of needs as the platform writes it (issue 20): the downloadable template, and any list
// of needs in the template's layout, so that what is downloaded reads back as the same needs.
// UTF-8 with a byte-order mark and `;` between cells: what Excel in French opens as columns.
import type { ContractType } from '../realtime/content-doc.ts';
import { communeName } from '../workshop/communes.ts';
import { FRENCH_CONTRACT, NEEDS_CSV_FIELDS, NEEDS_CSV_FRENCH_HEADER } from './needs-csv-columns.ts';
import type { NeedDraft } from './payloads.ts';

/** One line to write: the need, and how its occupation is written (an appellation, else its code). */
export interface NeedsCsvLine {
  need: NeedDraft;
  occupation?: string;
}

/** The template's example lines: everyday job titles, a commune by name, French values. */
export const NEEDS_CSV_EXAMPLES: readonly NeedsCsvLine[] = [
  {
    occupation: 'Soudeur / Soudeuse Tungsten Inert Gas -TIG-',
    need: {
      romeCode: 'H2913',
      title: 'Soudeurs TIG sur acier',
      skills: ['TIG', 'lecture de plans'],
      headcount: 3,
      horizonMonths: 6,
      communeCode: '57221',
      contract: 'cdi',
      difficulty: 4,
      crossBorder: false,
      comment: 'Habilitation nucléaire appréciée',
    },
  },
  {
    occupation: 'Cariste',
    need: {
      romeCode: 'N1101',
      title: 'Caristes en apprentissage',
      skills: ['CACES 3'],
      headcount: 2,
      horizonMonths: 12,
      communeCode: '57672',
      contract: 'apprenticeship',
      difficulty: 2,
      crossBorder: true,
      comment: '',
    },
  },
];

/** A cell as RFC 4180 wants it: quoted when it holds `;`, a quote or a line break. */
function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes needs in the template's layout: French column names and values, communes by name.
 *
 * @returns the file's text, starting with a byte-order mark (encode it as UTF-8)
 * @example needsToCsv(NEEDS_CSV_EXAMPLES) // '\ufeffMétier;Intitulé;…'
 */
export function needsToCsv(lines: readonly NeedsCsvLine[]): string {
  const header = NEEDS_CSV_FIELDS.map((field) => NEEDS_CSV_FRENCH_HEADER[field]).join(';');
  const rows = lines.map(({ need, occupation }) =>
    NEEDS_CSV_FIELDS.map((field) => {
      switch (field) {
        case 'occupation':
          return cell(occupation ?? need.romeCode);
        case 'title':
          return cell(need.title);
        case 'headcount':
          return String(need.headcount);
        case 'horizonMonths':
          return String(need.horizonMonths);
        case 'commune':
          // A name two communes share would not read back: the code then.
          return cell(
            communeName(need.communeCode)
              ? `${communeName(need.communeCode)} (${need.communeCode})`
              : need.communeCode,
          );
        case 'contract':
          return FRENCH_CONTRACT[need.contract as ContractType];
        case 'difficulty':
          return String(need.difficulty);
        case 'crossBorder':
          return need.crossBorder ? 'oui' : 'non';
        case 'skills':
          return cell(need.skills.join(' | '));
        case 'comment':
          return cell(need.comment);
        default: {
          const unreachable: never = field;
          return unreachable;
        }
      }
    }).join(';'),
  );
  return `\ufeff${[header, ...rows].join('\r\n')}\r\n`;
}

/** The downloadable template: the French header and two example lines to replace. */
export function needsCsvTemplate(): string {
  return needsToCsv(NEEDS_CSV_EXAMPLES);
}
