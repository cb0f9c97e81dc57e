/**
 * Calibration of the alternative-specific constants on the baseline: the whole model
 * (with feedback) runs for each trial, and the constants move by ln(target / modelled)
 * until the shares of trips produced in the calibration perimeter match the targets.
 */
import { calibrateConstants, type CalibrationResult } from '../demand/mode-choice.ts';
import { MODES } from '../demand/purposes.ts';
import type { Territory } from '../territory/territory.ts';
import { DEFAULT_MODEL_PARAMETERS, type ModelParameters } from './parameters.ts';
import { parseScenario } from './scenario.ts';
import { simulate } from './simulate.ts';

/**
 * @param options.territory - the baseline territory (its `calibration.targets` are the targets)
 * @param options.tolerance - largest share error allowed (default 0.001, a tenth of a point)
 * @example const { constants } = calibrateTerritory({ territory });
 */
export function calibrateTerritory(options: {
  territory: Territory;
  parameters?: ModelParameters;
  tolerance?: number;
  maxIterations?: number;
}): CalibrationResult {
  const { territory } = options;
  const parameters = options.parameters ?? DEFAULT_MODEL_PARAMETERS;
  const scenario = parseScenario({});
  const targets = MODES.map((mode) => territory.calibration.targets[mode]);
  return calibrateConstants({
    targets,
    initial: territory.calibration.constants,
    tolerance: options.tolerance ?? 1e-3,
    maxIterations: options.maxIterations ?? 60,
    shareOf: (constants) => {
      const { calibrationTrips } = simulate({ territory, scenario, parameters, constants });
      const total = calibrationTrips.reduce((a, b) => a + b, 0);
      return calibrationTrips.map((t) => t / total);
    },
  });
}
