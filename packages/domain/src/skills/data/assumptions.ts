// Illustrative assumptions of the default North Lorraine scenario. Orders of magnitude chosen by
// hand from public national material (DARES "Portraits statistiques des métiers", France Stratégie /
// DARES "Les métiers en 2030", IBA-OIE cross-border figures in shared/data/FACTS.md); they are not
// measurements of the territory. Method: ../README.md.
import type { OccupationFamily } from '../families.ts';

/** Share of the jobs located in an EPCI held in each family (the rest: education, public service...). */
export const FAMILY_EMPLOYMENT_SHARE: Readonly<Record<OccupationFamily, number>> = {
  metalworking: 0.035,
  'industrial-production': 0.04,
  'industrial-engineering': 0.03,
  automotive: 0.015,
  maintenance: 0.04,
  logistics: 0.08,
  health: 0.09,
  care: 0.07,
  digital: 0.025,
  construction: 0.065,
  hospitality: 0.05,
  commerce: 0.08,
  'business-services': 0.12,
};

/** Share of workers aged 55 and over, per family. */
export const FAMILY_SHARE_55: Readonly<Record<OccupationFamily, number>> = {
  metalworking: 0.24,
  'industrial-production': 0.22,
  'industrial-engineering': 0.18,
  automotive: 0.2,
  maintenance: 0.21,
  logistics: 0.22,
  health: 0.2,
  care: 0.28,
  digital: 0.12,
  construction: 0.21,
  hospitality: 0.13,
  commerce: 0.17,
  'business-services': 0.23,
};

/** Registered job seekers per job, per family. */
export const FAMILY_JOB_SEEKER_RATIO: Readonly<Record<OccupationFamily, number>> = {
  metalworking: 0.07,
  'industrial-production': 0.1,
  'industrial-engineering': 0.04,
  automotive: 0.06,
  maintenance: 0.05,
  logistics: 0.12,
  health: 0.03,
  care: 0.1,
  digital: 0.06,
  construction: 0.09,
  hospitality: 0.14,
  commerce: 0.12,
  'business-services': 0.1,
};

/** Yearly employment growth per family. */
export const FAMILY_GROWTH: Readonly<Record<OccupationFamily, number>> = {
  metalworking: -0.008,
  'industrial-production': -0.003,
  'industrial-engineering': 0.008,
  automotive: -0.005,
  maintenance: 0.006,
  logistics: 0.01,
  health: 0.012,
  care: 0.015,
  digital: 0.02,
  construction: 0.004,
  hospitality: 0.006,
  commerce: 0.002,
  'business-services': 0.004,
};

/**
 * Young entrants from initial education outside the illustrative programmes, per year and per job
 * ("Les métiers en 2030": young entrants cover most of the positions to fill nationally, about
 * 2.5 % of employment a year; the listed programmes stand for a part of that flow).
 */
export const OTHER_ENTRANT_RATE = 0.018;

/** Jobs located in the EPCI per resident: high in job poles, low where residents work in Luxembourg. */
export const JOBS_PER_RESIDENT_DEFAULT = 0.28;
export const JOBS_PER_RESIDENT: Readonly<Record<string, number>> = {
  '200039865': 0.52, // Metz Métropole
  '245701362': 0.42, // Thionville
  '200039949': 0.38, // Rives de Moselle (Trémery, Ennery)
  '245701222': 0.3, // Val de Fensch
  '245400262': 0.3, // Grand Longwy
};

/** Specialisation: multipliers of a family's share in some EPCIs. */
export const SPECIALISATION: Readonly<Record<string, Partial<Record<OccupationFamily, number>>>> = {
  '200039865': { health: 1.3, digital: 1.6, 'business-services': 1.2, hospitality: 1.2, metalworking: 0.5 },
  '245701362': { health: 1.2, metalworking: 1.4, logistics: 1.1 },
  '245701222': { metalworking: 2.5, 'industrial-engineering': 1.4 },
  '245701271': { metalworking: 1.8 },
  '200039949': { automotive: 2.0, 'industrial-production': 1.8, logistics: 1.6 },
  '245701354': { logistics: 1.3 },
  '245400262': { metalworking: 1.3, health: 1.1 },
  '200070845': { automotive: 2.0, 'industrial-production': 1.5 },
};

/** Job seekers per job relative to the average: higher in the old steel valleys. */
export const JOB_SEEKER_FACTOR: Readonly<Record<string, number>> = {
  '245400262': 1.3,
  '245701222': 1.3,
  '245701271': 1.2,
  '200039865': 1.1,
};

/** Occupations much larger than the others of their family (weight 6 against 1 in the split). */
export const LARGE_OCCUPATIONS: readonly string[] = [
  'H2913',
  'H2902',
  'H2903',
  'H2909',
  'H3302',
  'H2907',
  'I1304',
  'I1310',
  'I1309',
  'I1604',
  'N1103',
  'N1105',
  'N4101',
  'N4105',
  'J1501',
  'J1506',
  'J1301',
  'K1302',
  'K1304',
  'K2204',
  'F1703',
  'F1602',
  'F1603',
  'F1704',
  'G1602',
  'G1803',
  'G1603',
  'M1805',
  'M1810',
  'D1106',
  'D1505',
  'D1507',
  'M1607',
  'M1203',
  'M1602',
  'K2503',
];

/** French residents working in Luxembourg (IBA-OIE 2023, about 115,000 from Lorraine), and their trend. */
export const LUXEMBOURG_JOBS = 115_000;
export const LUXEMBOURG_GROWTH = 0.02;
export const LUXEMBOURG_FAMILY_SHARE: Readonly<Partial<Record<OccupationFamily, number>>> = {
  commerce: 0.14,
  construction: 0.13,
  'business-services': 0.2,
  logistics: 0.09,
  hospitality: 0.07,
  health: 0.07,
  care: 0.05,
  digital: 0.06,
  maintenance: 0.04,
  'industrial-production': 0.03,
};

/**
 * Cross-border pull: share of new local candidates drawn to Luxembourg, scaled per EPCI by
 * proximity (IBA-OIE 2023: half of Lorraine's commuters to Luxembourg live in the Thionville
 * arrondissement, over a quarter in Briey's, 16 % in Metz's).
 */
export const CROSS_BORDER_PULL_SHARE = 0.12;
export const CROSS_BORDER_PULL_WEIGHTS: Readonly<Record<string, number>> = {
  '245700695': 2.5, // Cattenom
  '245701404': 2.5, // Pays Haut Val d'Alzette
  '245701362': 2.0, // Thionville
  '245400262': 2.0, // Grand Longwy
  '245701354': 1.6, // Arc Mosellan
  '245701222': 1.6, // Val de Fensch
  '200070290': 1.3, // Coeur du Pays Haut
  '245701271': 1.0,
  '200039949': 1.0,
  '200039865': 0.8,
  '200070845': 0.8,
  '200067957': 0.6,
  '200070738': 0.5,
  '200039907': 0.5,
};

/** Related occupations: share of spare candidates of `from` who can take a job in `to`. */
export const OCCUPATIONAL_MOBILITY: readonly (readonly [from: string, to: string, rate: number])[] = [
  ['H2902', 'H2913', 0.2],
  ['H2913', 'H2902', 0.2],
  ['H2913', 'H2911', 0.15],
  ['H2911', 'H2913', 0.2],
  ['H2903', 'H2912', 0.2],
  ['H2912', 'H2903', 0.2],
  ['H2906', 'H2903', 0.15],
  ['H2909', 'H2901', 0.15],
  ['H3302', 'H2909', 0.15],
  ['H3404', 'H3402', 0.2],
  ['H2907', 'H3403', 0.1],
  ['I1304', 'I1310', 0.25],
  ['I1310', 'I1304', 0.25],
  ['I1309', 'I1304', 0.15],
  ['I1309', 'F1602', 0.2],
  ['F1602', 'I1309', 0.15],
  ['F1602', 'F1605', 0.15],
  ['I1604', 'I1606', 0.1],
  ['I1606', 'I1604', 0.1],
  ['J1501', 'J1301', 0.1],
  ['J1501', 'K1302', 0.15],
  ['K1302', 'J1501', 0.1],
  ['K1304', 'K1302', 0.2],
  ['K2204', 'K1304', 0.1],
  ['N1103', 'N1105', 0.2],
  ['N1105', 'N1103', 0.3],
  ['N1101', 'N1103', 0.2],
  ['N4105', 'N4101', 0.2],
  ['N4101', 'N4105', 0.2],
  ['N4102', 'N4103', 0.3],
  ['N4103', 'N4102', 0.1],
  ['G1602', 'G1603', 0.2],
  ['G1603', 'G1602', 0.1],
  ['G1803', 'G1603', 0.2],
  ['G1605', 'G1603', 0.2],
  ['M1805', 'M1810', 0.1],
  ['M1810', 'M1801', 0.2],
  ['M1801', 'M1810', 0.15],
  ['I1401', 'M1810', 0.1],
  ['F1703', 'F1704', 0.2],
  ['F1704', 'F1703', 0.15],
  ['F1701', 'F1703', 0.2],
  ['D1507', 'N1103', 0.15],
  ['D1505', 'D1507', 0.2],
];

/**
 * Share of candidates (job seekers, people leaving training) with a car available: a home–job pair
 * only the car connects in time counts for this share only (`reach.carAccessShare`). ILLUSTRATIVE,
 * not a measurement: about four in five French households own a car, but job seekers and young
 * people leaving training have a licence and a car less often (surveys of the Laboratoire de la
 * Mobilité Inclusive name the missing licence or car as the first mobility reason young people give
 * for turning a job down), so a round three in four. Replace it with a local figure, e.g. France
 * Travail's diagnostics of "freins périphériques", Missions locales data, or the census car
 * equipment of households by EPCI.
 */
export const CAR_ACCESS_SHARE = 0.75;
