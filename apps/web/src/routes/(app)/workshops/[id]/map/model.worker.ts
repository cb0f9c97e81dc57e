/// <reference lib="webworker" />
// Runs the mobility model off the main thread for the map's demo page.
import { NORTH_LORRAINE, runModel, type MapTerritory, type ModelResult } from '@atelier/domain';
import { expose } from 'comlink';

/** The demo's variant: one in five workers teleworks on a given day. */
const TELEWORK_VARIANT = { teleworkShare: 0.2 };

const api = {
  /** The baseline result, with the part of the territory the map needs (not the whole network). */
  baseline(): { result: ModelResult; territory: MapTerritory } {
    const { name, zones, ptLines } = NORTH_LORRAINE;
    return { result: runModel(), territory: { name, zones, ptLines } };
  },
  /** The telework variant's result, to show a difference map. */
  variant(): ModelResult {
    return runModel({ scenario: TELEWORK_VARIANT });
  },
};

export type ModelWorkerApi = typeof api;

expose(api);
