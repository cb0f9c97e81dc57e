/// <reference lib="webworker" />
// The scenario lab's models, off the main thread. The page sends compiled scenarios (plain data)
// and receives compact results; the full mobility result goes along for the map, and its skims come
// back with a skills run, whose commuting reach they feed.
import {
  runScenarioLab,
  type CompiledScenario,
  type LabResult,
  type LabSkims,
  type ModelResult,
} from '@atelier/domain';
import * as Comlink from 'comlink';

export interface LabRun {
  lab: LabResult;
  model: ModelResult | null;
  /** Time spent in the worker, ms. */
  ms: number;
}

const api = {
  /**
   * Runs one part or both: 'skills' is fast and runs on the given skims (the crow-fly estimate
   * without); 'mobility' takes about a second; 'all' runs the skills part on the new skims.
   */
  run(compiled: CompiledScenario, parts: 'all' | 'mobility' | 'skills', skims?: LabSkims): LabRun {
    const start = performance.now();
    let model: ModelResult | null = null;
    const lab = runScenarioLab(compiled, {
      parts,
      ...(skims ? { skims } : {}),
      onModel: (result) => (model = result),
    });
    return { lab, model, ms: performance.now() - start };
  },
  ping(): true {
    return true;
  },
};
export type LabWorkerApi = typeof api;

Comlink.expose(api);
