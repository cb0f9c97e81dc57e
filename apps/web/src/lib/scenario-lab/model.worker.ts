/// <reference lib="webworker" />
// The scenario lab's models, off the main thread. The page sends compiled scenarios (plain data)
// and receives compact results; the full mobility result goes along for the map.
import { runScenarioLab, type CompiledScenario, type LabResult, type ModelResult } from '@atelier/domain';
import * as Comlink from 'comlink';

export interface LabRun {
  lab: LabResult;
  model: ModelResult | null;
  /** Time spent in the worker, ms. */
  ms: number;
}

const api = {
  /** Runs one part ('skills' is fast, 'mobility' takes about a second) or both. */
  run(compiled: CompiledScenario, parts: 'all' | 'mobility' | 'skills'): LabRun {
    const start = performance.now();
    let model: ModelResult | null = null;
    const lab = runScenarioLab(compiled, { parts, onModel: (result) => (model = result) });
    return { lab, model, ms: performance.now() - start };
  },
  ping(): true {
    return true;
  },
};
export type LabWorkerApi = typeof api;

Comlink.expose(api);
