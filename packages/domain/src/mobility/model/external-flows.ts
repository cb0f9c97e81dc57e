/**
 * External flows: trips with an end outside the modelled zones' own generation (cross-border
 * commuting to Luxembourg, commuters from beyond the perimeter), given per day and purpose
 * rather than generated and distributed. They take the mode shares of the cell they load, so
 * they react to congestion and to the scenario's levers like the modelled trips.
 */
import { MODES, type Purpose } from '../demand/purposes.ts';
import type { ExternalFlow } from '../territory/territory.ts';

const M = MODES.length;
// Public transport, whose utility the cross-border constant shifts.
const PT = MODES.indexOf('pt');

/**
 * Mode shares with an extra PT constant: it multiplies the PT odds by e^constant and the other
 * shares follow, so that they still sum to one. Writes into `shares`.
 */
function shiftPtShare(shares: Float64Array, constant: number): void {
  const odds = Math.exp(constant);
  const denominator = 1 + shares[PT]! * (odds - 1);
  for (let m = 0; m < M; m++) shares[m] = (m === PT ? shares[m]! * odds : shares[m]!) / denominator;
}

/**
 * Adds each external flow to `trips` by mode, with the mode shares of its cell in
 * `probabilities`; home-work flows are reduced by telework. Cross-border flows get the
 * territory's cross-border PT constant on top, and their trips by mode are written to
 * `crossBorder` (zeroed first).
 *
 * @param options.probabilities - mode probabilities per purpose and mode, origin-major cells
 * @param options.trips - trips per purpose and mode, origin-major cells; added to
 * @param options.crossBorderPtConstant - extra PT utility of cross-border flows (0: none)
 * @example addExternalFlows({ flows, zoneCount, teleworkShare: 0.2, crossBorderPtConstant, probabilities, trips, crossBorder })
 */
export function addExternalFlows(options: {
  flows: readonly ExternalFlow[];
  zoneCount: number;
  teleworkShare: number;
  crossBorderPtConstant: number;
  probabilities: Readonly<Record<Purpose, readonly Float64Array[]>>;
  trips: Record<Purpose, Float64Array[]>;
  crossBorder: Float64Array;
}): void {
  const {
    flows,
    zoneCount: Z,
    teleworkShare,
    crossBorderPtConstant,
    probabilities,
    trips,
    crossBorder,
  } = options;
  const shares = new Float64Array(M);
  crossBorder.fill(0);
  for (const flow of flows) {
    const k = flow.origin * Z + flow.destination;
    const factor = flow.purpose === 'home-work' ? 1 - teleworkShare : 1;
    const prob = probabilities[flow.purpose];
    for (let m = 0; m < M; m++) shares[m] = prob[m]![k]!;
    if (flow.crossBorder && crossBorderPtConstant !== 0) shiftPtShare(shares, crossBorderPtConstant);
    for (let m = 0; m < M; m++) {
      const q = flow.tripsPerDay * factor * shares[m]!;
      trips[flow.purpose][m]![k]! += q;
      if (flow.crossBorder) crossBorder[m]! += q;
    }
  }
}
