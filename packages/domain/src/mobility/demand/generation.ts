/**
 * Trip generation by purpose: productions from residents, attractions from the zone
 * attributes that draw each purpose, then attractions scaled so that both totals match.
 */
import { PURPOSES, type Purpose } from './purposes.ts';

/** What generation needs of each zone; one entry per zone in every array. */
export interface ZoneAttributes {
  population: Float64Array;
  jobs: Float64Array;
  /** School and university places. */
  students: Float64Array;
  /** Jobs in shops and services (retail, health, personal services). */
  shopsServices: Float64Array;
}

/** Daily trips produced per resident, and the attraction weights, for one purpose. */
export interface GenerationRate {
  tripsPerResident: number;
  /** Attraction = Σ weight × attribute, before balancing. */
  attraction: Partial<Record<keyof ZoneAttributes, number>>;
}

/**
 * Default rates. Totals follow the EDGT SCoTAM 2016-17 household survey of the Metz
 * planning area (about 3.4 trips a resident a day: 1.32 million trips for about 390,000
 * residents; purposes leisure 23 %, shopping 21 %, work 20 %, the rest split between
 * study, health and other as estimated here). Attraction weights are modelling choices.
 */
export const DEFAULT_GENERATION_RATES: Readonly<Record<Purpose, GenerationRate>> = {
  'home-work': { tripsPerResident: 0.68, attraction: { jobs: 1 } },
  'home-study': { tripsPerResident: 0.41, attraction: { students: 1 } },
  shopping: { tripsPerResident: 0.71, attraction: { shopsServices: 1, population: 0.1 } },
  leisure: { tripsPerResident: 0.78, attraction: { population: 1, shopsServices: 1, jobs: 0.2 } },
  health: { tripsPerResident: 0.14, attraction: { shopsServices: 1 } },
  other: { tripsPerResident: 0.68, attraction: { population: 1, jobs: 0.5 } },
};

export interface PurposeTrips {
  productions: Float64Array;
  attractions: Float64Array;
}

export class GenerationError extends Error {
  override name = 'GenerationError';
}

/**
 * Productions and balanced attractions for every purpose.
 *
 * @param options.zones - zone attributes
 * @param options.rates - rates per purpose (default {@link DEFAULT_GENERATION_RATES})
 * @param options.productionFactor - multiplies productions per zone and purpose (telework...)
 * @example
 * const trips = generateTrips({ zones });
 * trips['home-work'].attractions // sums to trips['home-work'].productions
 */
export function generateTrips(options: {
  zones: ZoneAttributes;
  rates?: Readonly<Record<Purpose, GenerationRate>>;
  productionFactor?: (purpose: Purpose, zone: number) => number;
}): Record<Purpose, PurposeTrips> {
  const { zones } = options;
  const rates = options.rates ?? DEFAULT_GENERATION_RATES;
  const n = zones.population.length;
  const result = {} as Record<Purpose, PurposeTrips>;
  for (const purpose of PURPOSES) {
    const rate = rates[purpose];
    const productions = new Float64Array(n);
    const attractions = new Float64Array(n);
    let produced = 0;
    let attracted = 0;
    for (let z = 0; z < n; z++) {
      const factor = options.productionFactor ? options.productionFactor(purpose, z) : 1;
      productions[z] = rate.tripsPerResident * zones.population[z]! * factor;
      produced += productions[z]!;
      let a = 0;
      for (const [attribute, weight] of Object.entries(rate.attraction) as [keyof ZoneAttributes, number][]) {
        a += weight * zones[attribute][z]!;
      }
      attractions[z] = a;
      attracted += a;
    }
    if (produced > 0 && !(attracted > 0)) {
      throw new GenerationError(`purpose ${purpose}: trips are produced but no zone attracts them`);
    }
    const scale = attracted > 0 ? produced / attracted : 0;
    for (let z = 0; z < n; z++) attractions[z]! *= scale;
    result[purpose] = { productions, attractions };
  }
  return result;
}
