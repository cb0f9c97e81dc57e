/// <reference lib="webworker" />
// Runs the mobility model off the main thread for the map's demo page.
import { NORTH_LORRAINE, runModel, type MapTerritory, type ModelResult } from '@atelier/domain';
import { expose } from 'comlink';

const api = {
  /** The baseline result, with the part of the territory the map needs (not the whole network). */
  baseline(): { result: ModelResult; territory: MapTerritory } {
    const { name, zones, ptLines } = NORTH_LORRAINE;
    return { result: runModel(), territory: { name, zones, ptLines } };
  },
};

export type ModelWorkerApi = typeof api;

expose(api);
