// Runs the scenario lab's models in a web worker for the live view: edits are debounced, a run
// superseded by a newer edit is dropped before it starts (or its result is only cached), and
// results are cached by the hash of the models' inputs (LRU).
import { scenarioHash, type CompiledScenario, type LabResult, type ModelResult } from '@atelier/domain';
import * as Comlink from 'comlink';
import type { LabWorkerApi } from './model.worker.ts';

export const DEBOUNCE_MS = 150;
export const CACHE_SIZE = 20;

/** What one part of a run gave. */
export interface PartResult {
  lab: LabResult;
  model: ModelResult | null;
}

/** Results of one hash: the skills part arrives first, then the mobility part. */
export interface CachedResult {
  hash: string;
  skills: PartResult | null;
  mobility: PartResult | null;
}

/** What a slot shows: the freshest result, and whether each part is stale. */
export interface SlotView {
  hash: string | null;
  skills: PartResult | null;
  mobility: PartResult | null;
  skillsStale: boolean;
  mobilityStale: boolean;
  /** Both parts match the latest inputs. */
  current: boolean;
}

export interface RunTiming {
  hash: string;
  /** From the edit (the `want` call) to each part on screen, ms. */
  editToSkills: number | null;
  editToMobility: number | null;
  workerSkillsMs: number;
  workerMobilityMs: number;
}

interface Slot {
  hash: string | null;
  compiled: CompiledScenario | null;
  generation: number;
  editAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastSkills: PartResult | null;
  lastMobility: PartResult | null;
}

export class LabRunner {
  /** Bumped on every cache or slot change: read it to depend on the runner in $derived. */
  version = $state(0);
  lastTiming = $state<RunTiming | null>(null);
  error = $state<string | null>(null);
  #worker: Worker | null = null;
  #api: Comlink.Remote<LabWorkerApi> | null = null;
  // Internal bookkeeping, not reactive: `version` tells readers when something changed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #cache = new Map<string, CachedResult>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #slots = new Map<string, Slot>();
  #order: string[] = [];
  #busy = false;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timing = new Map<
    string,
    { editAt: number; skills?: number; mobility?: number; ws?: number; wm?: number }
  >();

  #remote(): Comlink.Remote<LabWorkerApi> {
    if (!this.#api) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      this.#worker = new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' });
      this.#api = Comlink.wrap<LabWorkerApi>(this.#worker);
    }
    return this.#api;
  }

  /**
   * Asks for the results of a slot's inputs (e.g. 'current', 'reference', 'compare-1').
   * Debounced; a slot listed earlier in `priority` runs first.
   */
  want(slotId: string, compiled: CompiledScenario, options: { immediate?: boolean } = {}): void {
    const hash = scenarioHash(compiled);
    const slot = this.#slots.get(slotId) ?? {
      hash: null,
      compiled: null,
      generation: 0,
      editAt: 0,
      timer: undefined,
      lastSkills: null,
      lastMobility: null,
    };
    this.#slots.set(slotId, slot);
    if (!this.#order.includes(slotId)) this.#order.push(slotId);
    if (slot.hash === hash) return;
    slot.generation += 1;
    slot.editAt = performance.now();
    clearTimeout(slot.timer);
    const generation = slot.generation;
    const apply = () => {
      if (slot.generation !== generation) return;
      slot.timer = undefined;
      slot.hash = hash;
      slot.compiled = compiled;
      if (!this.#timing.has(hash)) this.#timing.set(hash, { editAt: slot.editAt });
      this.version += 1;
      void this.#pump();
    };
    if (options.immediate || slot.hash === null) apply();
    else slot.timer = setTimeout(apply, DEBOUNCE_MS);
    this.version += 1;
  }

  /** Slots run in this order (the edited scenario first). */
  prioritise(slotIds: string[]): void {
    this.#order = [...slotIds, ...this.#order.filter((id) => !slotIds.includes(id))];
  }

  /** Forgets a slot no longer shown. */
  drop(slotId: string): void {
    const slot = this.#slots.get(slotId);
    if (slot) clearTimeout(slot.timer);
    this.#slots.delete(slotId);
    this.#order = this.#order.filter((id) => id !== slotId);
  }

  view(slotId: string): SlotView {
    void this.version;
    const slot = this.#slots.get(slotId);
    if (!slot)
      return {
        hash: null,
        skills: null,
        mobility: null,
        skillsStale: false,
        mobilityStale: false,
        current: false,
      };
    const cached = slot.hash ? this.#cache.get(slot.hash) : undefined;
    const skills = cached?.skills ?? slot.lastSkills;
    const mobility = cached?.mobility ?? slot.lastMobility;
    // An edit waiting for its debounce: what is shown is already older than the inputs.
    const pendingEdit = slot.timer !== undefined;
    const skillsStale = !cached?.skills || pendingEdit;
    const mobilityStale = !cached?.mobility || pendingEdit;
    return {
      hash: slot.hash,
      skills,
      mobility,
      skillsStale,
      mobilityStale,
      current: !skillsStale && !mobilityStale,
    };
  }

  destroy(): void {
    for (const slot of this.#slots.values()) clearTimeout(slot.timer);
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
  }

  #store(hash: string, part: 'skills' | 'mobility', result: PartResult): void {
    const entry = this.#cache.get(hash) ?? { hash, skills: null, mobility: null };
    entry[part] = result;
    this.#cache.delete(hash);
    this.#cache.set(hash, entry);
    while (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    for (const slot of this.#slots.values())
      if (slot.hash === hash) {
        if (part === 'skills') slot.lastSkills = result;
        else slot.lastMobility = result;
      }
    const timing = this.#timing.get(hash);
    if (timing) {
      const now = performance.now();
      if (part === 'skills') {
        timing.skills ??= now - timing.editAt;
        timing.ws = result.lab.ms.skills ?? 0;
      } else {
        timing.mobility ??= now - timing.editAt;
        timing.wm = result.lab.ms.mobility ?? 0;
      }
      this.lastTiming = {
        hash,
        editToSkills: timing.skills ?? null,
        editToMobility: timing.mobility ?? null,
        workerSkillsMs: timing.ws ?? 0,
        workerMobilityMs: timing.wm ?? 0,
      };
    }
    this.version += 1;
  }

  /** The next part to run: skills before mobility, slots in priority order. */
  #next(): { slot: Slot; hash: string; part: 'skills' | 'mobility' } | null {
    for (const part of ['skills', 'mobility'] as const)
      for (const id of this.#order) {
        const slot = this.#slots.get(id);
        if (!slot?.hash || !slot.compiled) continue;
        const cached = this.#cache.get(slot.hash);
        if (!cached?.[part]) return { slot, hash: slot.hash, part };
      }
    return null;
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let task = this.#next(); task; task = this.#next()) {
        const { slot, hash, part } = task;
        const compiled = slot.compiled!;
        try {
          const run = await this.#remote().run(compiled, part);
          this.error = null;
          // Cached even when the slot has moved on: the same inputs may come back (undo).
          this.#store(hash, part, { lab: run.lab, model: run.model });
        } catch (error) {
          this.error = error instanceof Error ? error.message : String(error);
          break;
        }
      }
    } finally {
      this.#busy = false;
    }
  }
}
