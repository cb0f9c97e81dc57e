/**
 * Model parameters and their sources. Values marked "estimate" are modelling choices.
 */
import type { Deterrence } from '../demand/gravity.ts';
import type { Purpose } from '../demand/purposes.ts';
import type { AssignmentAlgorithm } from '../assignment/road-assignment.ts';
import { DEFAULT_PT_WEIGHTS, type PtWeights } from '../transit/pt-network.ts';

export interface ModelParameters {
  /** Logit sensitivity per generalised minute (estimate). */
  theta: number;
  /** Euros per hour: home-work 12.6, other personal 8.6 (Quinet 2013 / 2019 guidance, 2022 euros). */
  valueOfTime: Record<Purpose, number>;
  /** Deterrence on the logsum composite cost, per purpose (estimates). */
  deterrence: Record<Purpose, Deterrence>;
  /** Largest relative error on a zone's productions after balancing (IPF). */
  gravityTolerance: number;
  /** Over-relaxation of the IPF steps (1: plain Furness; 1.6 measured 3-4 times fewer iterations). */
  gravityOverRelaxation: number;
  /** Litres per 100 km (estimate for the average car fleet). */
  fuelConsumption: number;
  walkSpeedKmh: number;
  bikeSpeedKmh: number;
  /** Longest trip considered for walking and cycling, km. */
  maxWalkKm: number;
  maxBikeKm: number;
  /** Minutes added to car trips for parking and access (estimate). */
  carTerminalMinutes: number;
  /** Share of daily car traffic in the morning peak hour, used to load hourly capacities (estimate). */
  peakHourShare: number;
  pt: PtWeights;
  /**
   * Periods of the day for public transport, which runs at different frequencies: the peaks
   * (morning and evening) and the rest of the day. `peakShare` is the share of each purpose's
   * daily trips made in the peaks (estimates from the usual daily profiles of household travel
   * surveys: work and school trips concentrate in the peaks, shopping and leisure do not).
   */
  periods: { peakHours: number; offPeakHours: number; peakShare: Record<Purpose, number>; source: string };
  /** Feedback of congested times into distribution and mode choice: stops when the averaged car
   * times change by less than `tolerance` (trip-weighted, relative) with the assignment at its target gap. */
  feedback: { maxIterations: number; tolerance: number };
  assignment: { algorithm: AssignmentAlgorithm; gap: number; maxIterations: number };
  /** kg CO2e per vehicle-km (car) and per passenger-km (PT kinds). */
  emissionFactors: { car: number; rail: number; brt: number; bus: number; source: string };
}

export const DEFAULT_MODEL_PARAMETERS: Readonly<ModelParameters> = {
  theta: 0.07,
  valueOfTime: {
    'home-work': 12.6,
    'home-study': 8.6,
    shopping: 8.6,
    leisure: 8.6,
    health: 8.6,
    other: 8.6,
  },
  deterrence: {
    'home-work': { kind: 'exponential', beta: 0.08 },
    'home-study': { kind: 'exponential', beta: 0.14 },
    shopping: { kind: 'exponential', beta: 0.16 },
    leisure: { kind: 'exponential', beta: 0.12 },
    health: { kind: 'exponential', beta: 0.1 },
    other: { kind: 'exponential', beta: 0.14 },
  },
  gravityTolerance: 1e-4,
  gravityOverRelaxation: 1.6,
  fuelConsumption: 6.5,
  walkSpeedKmh: 4.5,
  bikeSpeedKmh: 14,
  maxWalkKm: 8,
  maxBikeKm: 25,
  carTerminalMinutes: 3,
  peakHourShare: 0.1,
  pt: DEFAULT_PT_WEIGHTS,
  periods: {
    peakHours: 4,
    offPeakHours: 12,
    peakShare: {
      'home-work': 0.55,
      'home-study': 0.6,
      shopping: 0.15,
      leisure: 0.15,
      health: 0.25,
      other: 0.3,
    },
    source:
      'Estimates: peaks 7-9 h and 16-18 h; shares of daily trips in the peaks by purpose after the usual EMD/EDGT daily profiles (about 40 % of all trips).',
  },
  feedback: { maxIterations: 6, tolerance: 0.01 },
  assignment: { algorithm: 'bfw', gap: 1e-4, maxIterations: 200 },
  emissionFactors: {
    car: 0.22,
    rail: 0.03,
    brt: 0.09,
    bus: 0.12,
    source:
      'Orders of magnitude of ADEME Base Empreinte factors (average car per vehicle-km; TER, BRT and bus per passenger-km), estimates to check before quoting.',
  },
};
