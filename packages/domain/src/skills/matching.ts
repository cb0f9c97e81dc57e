// Matching candidates to positions, per horizon, in three steps:
//  1. local: a territory's candidates of an occupation fill its own positions of that occupation;
//  2. occupational mobility: inside a territory, spare candidates of an occupation move to related
//     occupations short of candidates (share `rate` of the spare candidates of `from` can do `to`);
//  3. commuting: spare candidates of an occupation take its unfilled positions in other territories
//     they can reach (reach from reach.ts).
// Each step only moves spare candidates to unfilled positions, never more than either, so supply
// placed in a unit never exceeds its demand and every candidate is counted once.

export interface MatchingInput {
  O: number;
  T: number;
  H: number;
  /** Per unit `(h * T + t) * O + o`. */
  demand: Float64Array;
  /** Candidates available in the unit (by place of residence). */
  available: Float64Array;
  mobilityFrom: Int32Array;
  mobilityTo: Int32Array;
  mobilityRate: Float64Array;
  /** One T × T reach matrix per horizon: share of residents of r who can reach jobs in w. */
  reach: readonly Float64Array[];
}

export interface MatchingResult {
  /** Positions of the unit filled by its own candidates of the same occupation. */
  local: Float64Array;
  /** Positions filled by candidates of related occupations of the same territory. */
  mobilityIn: Float64Array;
  /** Candidates of the unit who moved to a related occupation. */
  mobilityOut: Float64Array;
  /** Positions filled by commuters from other territories. */
  commutingIn: Float64Array;
  /** Candidates of the unit who took a job in another territory. */
  commutingOut: Float64Array;
  /** Candidates of the unit left without a position. */
  surplus: Float64Array;
  /** Positions of the unit left unfilled (≥ 0). */
  unfilled: Float64Array;
}

function addAt(array: Float64Array, index: number, value: number): void {
  array[index] = array[index]! + value;
}

/**
 * Matches candidates to positions; see the module comment for the three steps.
 *
 * @param input - demand, available candidates, mobility edges and reach, as typed arrays
 */
export function matchCandidates(input: MatchingInput): MatchingResult {
  const { O, T, H, demand, available, mobilityFrom, mobilityTo, mobilityRate, reach } = input;
  const size = H * T * O;
  const local = new Float64Array(size);
  const mobilityIn = new Float64Array(size);
  const mobilityOut = new Float64Array(size);
  const commutingIn = new Float64Array(size);
  const commutingOut = new Float64Array(size);
  const surplus = new Float64Array(size);
  const unfilled = new Float64Array(size);

  for (let u = 0; u < size; u++) {
    const positions = Math.max(0, demand[u]!);
    const placed = Math.min(positions, available[u]!);
    local[u] = placed;
    surplus[u] = available[u]! - placed;
    unfilled[u] = positions - placed;
  }

  // Step 2: occupational mobility inside each territory.
  const E = mobilityFrom.length;
  const offered = new Float64Array(O);
  const moved = new Float64Array(O);
  for (let h = 0; h < H; h++)
    for (let t = 0; t < T; t++) {
      const base = (h * T + t) * O;
      offered.fill(0);
      moved.fill(0);
      for (let e = 0; e < E; e++) {
        const spare = surplus[base + mobilityFrom[e]!]!;
        if (spare > 0) addAt(offered, mobilityTo[e]!, spare * mobilityRate[e]!);
      }
      for (let e = 0; e < E; e++) {
        const to = mobilityTo[e]!;
        const offer = offered[to]!;
        if (offer <= 0) continue;
        const spare = surplus[base + mobilityFrom[e]!]!;
        if (spare <= 0) continue;
        const filledShare = Math.min(1, unfilled[base + to]! / offer);
        addAt(moved, mobilityFrom[e]!, spare * mobilityRate[e]! * filledShare);
      }
      for (let o = 0; o < O; o++) {
        const u = base + o;
        const inflow = Math.min(offered[o]!, unfilled[u]!);
        mobilityIn[u] = inflow;
        unfilled[u] = unfilled[u]! - inflow;
        mobilityOut[u] = moved[o]!;
        surplus[u] = Math.max(0, surplus[u]! - moved[o]!);
      }
    }

  // Step 3: commuting between territories, occupation by occupation. A territory r offers its spare
  // candidates to the unfilled positions it can reach, in proportion to reach × unfilled, up to both.
  const spareOf = new Float64Array(T);
  const openOf = new Float64Array(T);
  const scaleOf = new Float64Array(T);
  const offerSum = new Float64Array(T);
  // Reachable pairs (r ≠ w, reach > 0) as compressed sparse rows by origin.
  const rowStart = new Int32Array(T + 1);
  const pairTo = new Int32Array(T * T);
  const pairReach = new Float64Array(T * T);
  for (let h = 0; h < H; h++) {
    const a = reach[h]!;
    let pairs = 0;
    for (let r = 0; r < T; r++) {
      rowStart[r] = pairs;
      for (let w = 0; w < T; w++) {
        const share = a[r * T + w]!;
        if (w !== r && share > 0) {
          pairTo[pairs] = w;
          pairReach[pairs] = share;
          pairs++;
        }
      }
    }
    rowStart[T] = pairs;
    if (pairs === 0) continue;
    for (let o = 0; o < O; o++) {
      let anySpare = false;
      let anyOpen = false;
      for (let t = 0; t < T; t++) {
        const u = (h * T + t) * O + o;
        spareOf[t] = surplus[u]!;
        openOf[t] = unfilled[u]!;
        anySpare ||= spareOf[t]! > 0;
        anyOpen ||= openOf[t]! > 0;
      }
      if (!anySpare || !anyOpen) continue;
      offerSum.fill(0);
      for (let r = 0; r < T; r++) {
        scaleOf[r] = 0;
        const spare = spareOf[r]!;
        if (spare <= 0) continue;
        let reachable = 0;
        for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++)
          reachable += pairReach[k]! * openOf[pairTo[k]!]!;
        if (reachable <= 0) continue;
        const scale = Math.min(1, spare / reachable);
        scaleOf[r] = scale;
        for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
          const w = pairTo[k]!;
          addAt(offerSum, w, pairReach[k]! * openOf[w]! * scale);
        }
      }
      for (let r = 0; r < T; r++) {
        const scale = scaleOf[r]!;
        if (scale <= 0) continue;
        let sent = 0;
        for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
          const w = pairTo[k]!;
          const offered = offerSum[w]!;
          if (offered <= 0) continue;
          sent += pairReach[k]! * openOf[w]! * scale * Math.min(1, openOf[w]! / offered);
        }
        const u = (h * T + r) * O + o;
        commutingOut[u] = sent;
        surplus[u] = Math.max(0, surplus[u]! - sent);
      }
      for (let w = 0; w < T; w++) {
        const inflow = Math.min(offerSum[w]!, openOf[w]!);
        if (inflow <= 0) continue;
        const u = (h * T + w) * O + o;
        commutingIn[u] = inflow;
        unfilled[u] = unfilled[u]! - inflow;
      }
    }
  }
  return { local, mobilityIn, mobilityOut, commutingIn, commutingOut, surplus, unfilled };
}
