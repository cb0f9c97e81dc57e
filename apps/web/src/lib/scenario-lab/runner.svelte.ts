// Runs the scenario lab's models in a web worker for the live view: edits are debounced, a run
// superseded by a newer edit is dropped before it starts (or its result is only cached), and
// results are cached by the hash of each model's inputs (LRU): a transport edit reuses the skills
// result and a skills edit the mobility result, so only the model whose inputs changed runs.
import { scenarioHash, type CompiledScenario, type LabResult, type ModelResult } from '@atelier/domain';
import * as Comlink from 'comlink';
import type { LabWorkerApi } from './model.worker.ts';

export const DEBOUNCE_MS = 150;
export const CACHE_SIZE = 20;
const CANCELLED = Symbol('cancelled');

/** What one part of a run gave. */
export interface PartResult {
  lab: LabResult;
  model: ModelResult | null;
}

/** What a slot shows: the freshest result of each part, and whether it is stale. */
export interface SlotView {
  /** Hash of the inputs the slot shows (both models). */
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

/** Cache keys of the two parts: each model's inputs hashed on their own. */
function partKeys(compiled: CompiledScenario): { skills: string; mobility: string } {
  return {
    skills: `s:${scenarioHash({ mobility: null, skills: compiled.skills })}`,
    mobility: `m:${scenarioHash({ mobility: compiled.mobility, skills: null })}`,
  };
}

interface Slot {
  hash: string | null;
  /** The hash of the latest inputs asked for (applied after the debounce). */
  wanted: string | null;
  keys: { skills: string; mobility: string } | null;
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
  #cache = new Map<string, PartResult>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #slots = new Map<string, Slot>();
  #order: string[] = [];
  #busy = false;
  #running: { key: string; part: 'skills' | 'mobility'; cancel: () => void } | null = null;
  /** Runs stopped because a newer edit superseded them. */
  cancelled = $state(0);
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
      wanted: null,
      keys: null,
      compiled: null,
      generation: 0,
      editAt: 0,
      timer: undefined,
      lastSkills: null,
      lastMobility: null,
    };
    this.#slots.set(slotId, slot);
    if (!this.#order.includes(slotId)) this.#order.push(slotId);
    if (slot.wanted === hash) return;
    slot.wanted = hash;
    slot.generation += 1;
    slot.editAt = performance.now();
    clearTimeout(slot.timer);
    const generation = slot.generation;
    const apply = () => {
      if (slot.generation !== generation) return;
      slot.timer = undefined;
      slot.hash = hash;
      slot.keys = partKeys(compiled);
      slot.compiled = compiled;
      for (const key of Object.values(slot.keys))
        if (!this.#cache.has(key) && !this.#timing.has(key)) this.#timing.set(key, { editAt: slot.editAt });
      this.#cancelSuperseded();
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
    const cachedSkills = slot.keys ? this.#cache.get(slot.keys.skills) : undefined;
    const cachedMobility = slot.keys ? this.#cache.get(slot.keys.mobility) : undefined;
    const skills = cachedSkills ?? slot.lastSkills;
    const mobility = cachedMobility ?? slot.lastMobility;
    // An edit waiting for its debounce: what is shown is already older than the inputs.
    const pendingEdit = slot.timer !== undefined;
    const skillsStale = !cachedSkills || pendingEdit;
    const mobilityStale = !cachedMobility || pendingEdit;
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

  #store(key: string, part: 'skills' | 'mobility', result: PartResult): void {
    this.#cache.delete(key);
    this.#cache.set(key, result);
    while (this.#cache.size > CACHE_SIZE * 2) this.#cache.delete(this.#cache.keys().next().value!);
    for (const slot of this.#slots.values())
      if (slot.keys?.[part] === key) {
        if (part === 'skills') slot.lastSkills = result;
        else slot.lastMobility = result;
      }
    const timing = this.#timing.get(key);
    if (timing) {
      this.#timing.delete(key);
      const elapsed = performance.now() - timing.editAt;
      const last = this.lastTiming;
      this.lastTiming = {
        hash: result.lab.hash,
        editToSkills: part === 'skills' ? elapsed : (last?.editToSkills ?? null),
        editToMobility: part === 'mobility' ? elapsed : (last?.editToMobility ?? null),
        workerSkillsMs: part === 'skills' ? (result.lab.ms.skills ?? 0) : (last?.workerSkillsMs ?? 0),
        workerMobilityMs: part === 'mobility' ? (result.lab.ms.mobility ?? 0) : (last?.workerMobilityMs ?? 0),
      };
    }
    this.version += 1;
  }

  /** The next part to run: skills before mobility, slots in priority order. */
  #next(): { slot: Slot; key: string; part: 'skills' | 'mobility' } | null {
    for (const part of ['skills', 'mobility'] as const)
      for (const id of this.#order) {
        const slot = this.#slots.get(id);
        if (!slot?.keys || !slot.compiled) continue;
        if (!this.#cache.has(slot.keys[part])) return { slot, key: slot.keys[part], part };
      }
    return null;
  }

  /**
   * A newer edit supersedes the mobility run in progress (no slot wants its inputs any more):
   * the worker is stopped and restarted rather than left to finish a result nobody will see.
   */
  #cancelSuperseded(): void {
    const running = this.#running;
    if (!running || running.part !== 'mobility') return;
    for (const slot of this.#slots.values()) if (slot.keys?.mobility === running.key) return;
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    this.cancelled += 1;
    running.cancel();
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let task = this.#next(); task; task = this.#next()) {
        const { slot, key, part } = task;
        const compiled = slot.compiled!;
        try {
          const cancelled = new Promise<never>((_, reject) => {
            this.#running = { key, part, cancel: () => reject(CANCELLED) };
          });
          const run = await Promise.race([this.#remote().run(compiled, part), cancelled]);
          this.error = null;
          // Cached even when the slot has moved on: the same inputs may come back (undo).
          this.#store(key, part, { lab: run.lab, model: run.model });
        } catch (error) {
          if (error === CANCELLED) continue;
          this.error = error instanceof Error ? error.message : String(error);
          break;
        } finally {
          this.#running = null;
        }
      }
    } finally {
      this.#busy = false;
    }
  }
}
