// Runs the scenario lab's models in a web worker for the live view: edits are debounced, a run
// superseded by a newer edit is dropped before it starts (or its result is only cached), and
// results are cached by the hash of each model's inputs (LRU). The skills part runs on the skims of
// the mobility result, so its key holds both hashes: a skills edit reuses the mobility result and
// runs only the fast skills part; a transport edit runs the mobility model and the skills part on
// its new skims in one worker call. When the skills inputs change before the new skims are known,
// the skills part runs first on the previous skims (or the crow-fly estimate), shown as stale.
import {
  mobilityInputsHash,
  scenarioHash,
  skillsInputsHash,
  type CompiledScenario,
  type LabResult,
  type LabSkims,
  type ModelResult,
} from '@atelier/domain';
import * as Comlink from 'comlink';
import type { LabRun, LabWorkerApi } from './model.worker.ts';

export const DEBOUNCE_MS = 150;
export const CACHE_SIZE = 20;
const CANCELLED = Symbol('cancelled');

/** What one part of a run gave. */
export interface PartResult {
  lab: LabResult;
  model: ModelResult | null;
  /** Hash of the skills inputs (skills results). */
  skillsHash: string | null;
  /** Hash of the mobility inputs of the model, or of the skims the skills part used (null: estimate). */
  mobilityHash: string | null;
}

/** What a slot shows: the freshest result of each part, and whether it is stale. */
export interface SlotView {
  /** Hash of the inputs the slot shows (both models). */
  hash: string | null;
  /** Hash of its mobility inputs: the skims the skills part should run on. */
  mobilityHash: string | null;
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

interface PartKeys {
  /** Cache key of the skills part on the skims of this scenario's mobility inputs. */
  skills: string;
  mobility: string;
  skillsInputs: string;
  mobilityInputs: string;
}

/** A skills result depends on its inputs and on the skims it ran on (null: the crow-fly estimate). */
const skillsKey = (skillsInputs: string, mobilityInputs: string | null) =>
  `s:${skillsInputs}@${mobilityInputs ?? 'estimate'}`;

/** Cache keys of the two parts: each model's inputs hashed on their own. */
function partKeys(compiled: CompiledScenario): PartKeys {
  const skillsInputs = skillsInputsHash(compiled);
  const mobilityInputs = mobilityInputsHash(compiled);
  return {
    skills: skillsKey(skillsInputs, mobilityInputs),
    mobility: `m:${mobilityInputs}`,
    skillsInputs,
    mobilityInputs,
  };
}

interface Task {
  slot: Slot;
  /** 'all': the mobility model, then the skills part on its skims. */
  part: 'skills' | 'mobility' | 'all';
  /** The key the run answers (the mobility key for 'mobility' and 'all'). */
  key: string;
  skims?: LabSkims;
}

/** What the runner needs of a model worker: its `run`, and a way to stop it (a superseded run). */
export interface LabConnection {
  run(compiled: CompiledScenario, parts: 'all' | 'mobility' | 'skills', skims?: LabSkims): Promise<LabRun>;
  terminate(): void;
}

/** The scenario lab's web worker (`model.worker.ts`), through comlink. */
export function workerConnection(): LabConnection {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const worker = new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<LabWorkerApi>(worker);
  return {
    run: (compiled, parts, skims) => api.run(compiled, parts, skims),
    terminate: () => worker.terminate(),
  };
}

interface Slot {
  hash: string | null;
  /** The hash of the latest inputs asked for (applied after the debounce). */
  wanted: string | null;
  keys: PartKeys | null;
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
  #connect: () => LabConnection;
  #connection: LabConnection | null = null;
  // Internal bookkeeping, not reactive: `version` tells readers when something changed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #cache = new Map<string, PartResult>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #slots = new Map<string, Slot>();
  #order: string[] = [];
  #busy = false;
  #running: { key: string; part: Task['part']; cancel: () => void } | null = null;
  /** Runs stopped because a newer edit superseded them. */
  cancelled = $state(0);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timing = new Map<
    string,
    { editAt: number; skills?: number; mobility?: number; ws?: number; wm?: number }
  >();

  /** @param connect - starts a model worker (the web worker by default; restarted after a cancel) */
  constructor(connect: () => LabConnection = workerConnection) {
    this.#connect = connect;
  }

  #remote(): LabConnection {
    this.#connection ??= this.#connect();
    return this.#connection;
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
      for (const key of [slot.keys.skills, slot.keys.mobility])
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
        mobilityHash: null,
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
      mobilityHash: slot.keys?.mobilityInputs ?? null,
      skills,
      mobility,
      skillsStale,
      mobilityStale,
      current: !skillsStale && !mobilityStale,
    };
  }

  destroy(): void {
    for (const slot of this.#slots.values()) clearTimeout(slot.timer);
    this.#connection?.terminate();
    this.#connection = null;
  }

  #store(key: string, part: 'skills' | 'mobility', result: PartResult): void {
    this.#cache.delete(key);
    this.#cache.set(key, result);
    while (this.#cache.size > CACHE_SIZE * 2) this.#cache.delete(this.#cache.keys().next().value!);
    for (const slot of this.#slots.values()) {
      if (part === 'mobility' && slot.keys?.mobility === key) slot.lastMobility = result;
      // A result on other skims (provisional) stands in until the slot's own arrives.
      if (
        part === 'skills' &&
        slot.keys?.skillsInputs === result.skillsHash &&
        (key === slot.keys.skills || !this.#cache.has(slot.keys.skills))
      )
        slot.lastSkills = result;
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

  /**
   * The next run, slots in priority order: first the skills part where the slot's skims are known
   * (fast); then, where the skills inputs changed and the new skims are not, the skills part on the
   * previous skims (fast, provisional); then the mobility model, with the skills part on its skims.
   */
  #next(): Task | null {
    const slots = this.#order.flatMap((id) => {
      const slot = this.#slots.get(id);
      return slot?.keys && slot.compiled ? [{ slot, keys: slot.keys }] : [];
    });
    for (const { slot, keys } of slots) {
      const mobility = this.#cache.get(keys.mobility);
      if (!this.#cache.has(keys.skills) && mobility?.model)
        return {
          slot,
          part: 'skills',
          key: keys.skills,
          skims: { mobilityHash: keys.mobilityInputs, skims: mobility.model.skims },
        };
    }
    for (const { slot, keys } of slots) {
      if (this.#cache.has(keys.skills) || slot.lastSkills?.skillsHash === keys.skillsInputs) continue;
      // The slot's last skims, else the newest the runner holds (e.g. the reference's, for a new variant).
      const previous = slot.lastMobility ?? this.#newestMobility();
      const key = skillsKey(keys.skillsInputs, previous?.mobilityHash ?? null);
      const cached = this.#cache.get(key);
      if (cached) {
        slot.lastSkills = cached;
        this.version += 1;
        continue;
      }
      return {
        slot,
        part: 'skills',
        key,
        ...(previous?.model && previous.mobilityHash
          ? { skims: { mobilityHash: previous.mobilityHash, skims: previous.model.skims } }
          : {}),
      };
    }
    for (const { slot, keys } of slots)
      if (!this.#cache.has(keys.mobility))
        return { slot, part: this.#cache.has(keys.skills) ? 'mobility' : 'all', key: keys.mobility };
    return null;
  }

  #newestMobility(): PartResult | null {
    let newest: PartResult | null = null;
    for (const result of this.#cache.values())
      if (result.model && result.skillsHash === null) newest = result;
    return newest;
  }

  /**
   * A newer edit supersedes the mobility run in progress (no slot wants its inputs any more):
   * the worker is stopped and restarted rather than left to finish a result nobody will see.
   */
  #cancelSuperseded(): void {
    const running = this.#running;
    if (!running || running.part === 'skills') return;
    for (const slot of this.#slots.values()) if (slot.keys?.mobility === running.key) return;
    this.#connection?.terminate();
    this.#connection = null;
    this.cancelled += 1;
    running.cancel();
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let task = this.#next(); task; task = this.#next()) {
        const { slot, key, part, skims } = task;
        const compiled = slot.compiled!;
        const keys = partKeys(compiled);
        try {
          const cancelled = new Promise<never>((_, reject) => {
            this.#running = { key, part, cancel: () => reject(CANCELLED) };
          });
          const run = await Promise.race([this.#remote().run(compiled, part, skims), cancelled]);
          this.error = null;
          // Cached even when the slot has moved on: the same inputs may come back (undo).
          if (part !== 'skills')
            this.#store(keys.mobility, 'mobility', {
              lab: run.lab,
              model: run.model,
              skillsHash: null,
              mobilityHash: keys.mobilityInputs,
            });
          if (part !== 'mobility')
            this.#store(part === 'all' ? keys.skills : key, 'skills', {
              lab: run.lab,
              model: null,
              skillsHash: keys.skillsInputs,
              mobilityHash: run.lab.skills?.travelTimes.mobilityHash ?? null,
            });
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
