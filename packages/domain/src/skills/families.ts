import { z } from 'zod';

/**
 * Occupation families of the skills model. They group ROME fiches the way the territory talks about
 * its labour market (steel and metalworking, automotive, maintenance, logistics, health and care,
 * digital, construction, hospitality...). Growth rates and default age structures are set per family.
 */
export const OCCUPATION_FAMILIES = [
  'metalworking',
  'industrial-production',
  'industrial-engineering',
  'automotive',
  'maintenance',
  'logistics',
  'health',
  'care',
  'digital',
  'construction',
  'hospitality',
  'commerce',
  'business-services',
] as const;
export type OccupationFamily = (typeof OCCUPATION_FAMILIES)[number];
export const occupationFamilySchema = z.enum(OCCUPATION_FAMILIES);

export const OCCUPATION_FAMILY_LABELS: Readonly<Record<OccupationFamily, string>> = {
  metalworking: 'Sidérurgie, métallurgie et travail des métaux',
  'industrial-production': 'Production industrielle (hors métaux)',
  'industrial-engineering': 'Études, méthodes, qualité industrielles',
  automotive: 'Automobile : entretien et réparation de véhicules',
  maintenance: 'Installation et maintenance',
  logistics: 'Logistique et transport',
  health: 'Santé',
  care: 'Soin, accompagnement et action sociale',
  digital: 'Numérique',
  construction: 'Bâtiment et travaux publics',
  hospitality: 'Hôtellerie, restauration, métiers de bouche',
  commerce: 'Commerce et vente',
  'business-services': 'Fonctions support et services aux entreprises',
};

const AUTOMOTIVE = new Set(['I1103', 'I1604', 'I1606', 'I1607']);

/**
 * The family of a ROME code, from its domain letter and sub-domain digits.
 *
 * @param code - a ROME code such as `H2913`
 * @example familyOfRomeCode('H2913') // 'metalworking'
 */
export function familyOfRomeCode(code: string): OccupationFamily {
  if (AUTOMOTIVE.has(code)) return 'automotive';
  const domain = code.slice(0, 1);
  const sub = code.slice(0, 3);
  switch (domain) {
    case 'F':
      return 'construction';
    case 'G':
      return 'hospitality';
    case 'H':
      if (sub === 'H29' || sub === 'H34' || code === 'H2503') return 'metalworking';
      if (code.startsWith('H1')) return 'industrial-engineering';
      return 'industrial-production';
    case 'I':
      return code === 'I1401' ? 'digital' : 'maintenance';
    case 'J':
      return 'health';
    case 'K':
      return sub === 'K12' || sub === 'K13' || code === 'K1403' ? 'care' : 'business-services';
    case 'M':
      return sub === 'M18' ? 'digital' : 'business-services';
    case 'N':
      return 'logistics';
    case 'D':
      return sub === 'D11' ? 'hospitality' : 'commerce';
    default:
      return 'business-services';
  }
}
