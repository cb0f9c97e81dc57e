// One run of the scenario lab's models, as the web worker does it (and a test, in process).
import {
  runScenarioLab,
  type CompiledScenario,
  type LabResult,
  type LabSkims,
  type ModelResult,
} from '@atelier/domain';

export interface LabRun {
  lab: LabResult;
  model: ModelResult | null;
  /** Time spent in the run, ms. */
  ms: number;
}

/**
 * Runs one part or both: 'skills' is fast and runs on the given skims (the crow-fly estimate
 * without); 'mobility' takes about a second; 'all' runs the skills part on the new skims.
 */
export function runLab(
  compiled: CompiledScenario,
  parts: 'all' | 'mobility' | 'skills',
  skims?: LabSkims,
): LabRun {
  const start = performance.now();
  let model: ModelResult | null = null;
  const lab = runScenarioLab(compiled, {
    parts,
    ...(skims ? { skims } : {}),
    onModel: (result) => (model = result),
  });
  return { lab, model, ms: performance.now() - start };
}
