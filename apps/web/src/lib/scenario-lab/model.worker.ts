/// <reference lib="webworker" />
// The scenario lab's models, off the main thread. The page sends compiled scenarios (plain data)
// and receives compact results; the full mobility result goes along for the map, and its skims come
// back with a skills run, whose commuting reach they feed.
import * as Comlink from 'comlink';
import { runLab } from './run-lab.ts';

export type { LabRun } from './run-lab.ts';

const api = {
  run: runLab,
  ping(): true {
    return true;
  },
};
export type LabWorkerApi = typeof api;

Comlink.expose(api);
