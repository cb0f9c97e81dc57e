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

/**
 * The one source of the families' names, in the three languages of the product (the report, the
 * scenario lab and the needs register all read them from here).
 */
export const OCCUPATION_FAMILY_NAMES: Readonly<
  Record<'fr' | 'en' | 'de', Readonly<Record<OccupationFamily, string>>>
> = {
  fr: {
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
  },
  en: {
    metalworking: 'Steel, metallurgy and metalworking',
    'industrial-production': 'Industrial production (other than metals)',
    'industrial-engineering': 'Industrial engineering and quality',
    automotive: 'Automotive repair and maintenance',
    maintenance: 'Installation and maintenance',
    logistics: 'Logistics and transport',
    health: 'Health',
    care: 'Care and social work',
    digital: 'Digital',
    construction: 'Construction and public works',
    hospitality: 'Hospitality and food trades',
    commerce: 'Retail and sales',
    'business-services': 'Support functions and business services',
  },
  de: {
    metalworking: 'Stahl, Metallurgie und Metallbearbeitung',
    'industrial-production': 'Industrielle Produktion (ohne Metall)',
    'industrial-engineering': 'Industrielle Technik und Qualität',
    automotive: 'Kfz-Wartung und -Reparatur',
    maintenance: 'Installation und Instandhaltung',
    logistics: 'Logistik und Transport',
    health: 'Gesundheit',
    care: 'Pflege und Sozialarbeit',
    digital: 'Digitales',
    construction: 'Bau',
    hospitality: 'Gastgewerbe und Lebensmittelhandwerk',
    commerce: 'Handel und Verkauf',
    'business-services': 'Unterstützungsfunktionen und Unternehmensdienste',
  },
};

/** The French names (the language of the models' data). */
export const OCCUPATION_FAMILY_LABELS: Readonly<Record<OccupationFamily, string>> =
  OCCUPATION_FAMILY_NAMES.fr;

/**
 * The name of a family in one of the product's languages.
 *
 * @example occupationFamilyName('logistics', 'de') // 'Logistik und Transport'
 */
export function occupationFamilyName(family: OccupationFamily, locale: 'fr' | 'en' | 'de'): string {
  return OCCUPATION_FAMILY_NAMES[locale][family];
}

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
