/**
 * Calibration of the baseline, run on the whole model (with feedback) for each trial:
 * - the alternative-specific constants move by ln(target / modelled) until the shares of the
 *   trips produced in the calibration perimeter match the targets;
 * - around that, one scale on every deterrence parameter is found by the secant method (on its
 *   logarithm) so that the share of those trips staying in their own EPCI matches its target
 *   (EDGT SCoTAM: 85 %), which fixes how far people travel;
 * - then the cross-border flows' own PT constant, so that 75 % of them go by car (DREAL Grand Est).
 */
import { calibrateConstants, type CalibrationResult } from '../demand/mode-choice.ts';
import { MODES } from '../demand/purposes.ts';
import type { Territory } from '../territory/territory.ts';
import { DEFAULT_MODEL_PARAMETERS, type ModelParameters } from './parameters.ts';
import { parseScenario } from './scenario.ts';
import { simulate } from './simulate.ts';

export interface TerritoryCalibration extends CalibrationResult {
  deterrenceScale: number;
  withinEpci: number;
  crossBorderPtConstant: number;
  /** Car (driver and passenger) share of the cross-border flows. */
  crossBorderCarShare: number;
  /** Model runs used. */
  runs: number;
}

/**
 * @param options.territory - the baseline territory (its `calibration` holds the targets and the start)
 * @param options.tolerance - largest share error allowed (default 0.001, a tenth of a point)
 * @example const { constants, deterrenceScale } = calibrateTerritory({ territory });
 */
export function calibrateTerritory(options: {
  territory: Territory;
  parameters?: ModelParameters;
  tolerance?: number;
  maxIterations?: number;
}): TerritoryCalibration {
  const { territory } = options;
  const parameters = options.parameters ?? DEFAULT_MODEL_PARAMETERS;
  const tolerance = options.tolerance ?? 1e-3;
  const scenario = parseScenario({});
  const targets = MODES.map((mode) => territory.calibration.targets[mode]);
  let constants: ArrayLike<number> = territory.calibration.constants;
  let runs = 0;
  const withScale = (scale: number) => {
    let within = NaN;
    const trial: Territory = {
      ...territory,
      calibration: { ...territory.calibration, deterrenceScale: scale },
    };
    const result = calibrateConstants({
      targets,
      initial: constants,
      tolerance,
      maxIterations: options.maxIterations ?? 60,
      shareOf: (trialConstants) => {
        runs++;
        const sim = simulate({ territory: trial, scenario, parameters, constants: trialConstants });
        within = sim.calibrationWithinEpci;
        const total = sim.calibrationTrips.reduce((a, b) => a + b, 0);
        return sim.calibrationTrips.map((t) => t / total);
      },
    });
    constants = result.constants;
    return { result, within };
  };
  const target = territory.calibration.withinEpciTarget;
  let scale = territory.calibration.deterrenceScale ?? 1;
  let current = withScale(scale);
  if (target !== undefined) {
    let x0 = Math.log(scale);
    let f0 = current.within - target;
    let x1 = x0 + (f0 < 0 ? 0.3 : -0.3);
    for (let k = 0; k < 12 && Math.abs(f0) > tolerance; k++) {
      current = withScale(Math.exp(x1));
      const f1 = current.within - target;
      const slope = (f1 - f0) / (x1 - x0);
      const step = slope > 0 ? Math.max(-1, Math.min(1, -f1 / slope)) : f1 < 0 ? 0.3 : -0.3;
      [x0, f0] = [x1, f1];
      x1 = x1 + step;
    }
    scale = Math.exp(x0);
  }
  // Cross-border flows: their own PT constant, moved by ln(target / modelled PT share). They
  // are external flows, outside the two calibrations above (except through congestion).
  const carTarget = territory.calibration.crossBorderCarShareTarget;
  let shift = territory.calibration.crossBorderPtConstant ?? 0;
  let carShare = NaN;
  for (let k = 0; k < 20; k++) {
    const trial: Territory = {
      ...territory,
      calibration: { ...territory.calibration, deterrenceScale: scale, crossBorderPtConstant: shift },
    };
    runs++;
    const t = simulate({
      territory: trial,
      scenario,
      parameters,
      constants: current.result.constants,
    }).crossBorderTrips;
    const total = t.reduce((a, b) => a + b, 0);
    carShare = (t[0]! + t[1]!) / total;
    if (carTarget === undefined || Math.abs(carShare - carTarget) <= tolerance) break;
    const ptTarget = 1 - carTarget - (t[3]! + t[4]!) / total;
    shift += Math.log(ptTarget / (t[2]! / total));
  }
  return {
    ...current.result,
    deterrenceScale: scale,
    withinEpci: current.within,
    crossBorderPtConstant: shift,
    crossBorderCarShare: carShare,
    runs,
  };
}
