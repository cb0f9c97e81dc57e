/**
 * From effective changes to the inputs of the two models. Each value is validated with the
 * models' own zod schemas; an invalid change is reported with its key and skipped.
 */
import { z } from 'zod';
import {
  newPtLineSchema,
  newRoadSchema,
  ptChangeSchema,
  roadChangeSchema,
  scenarioSchema as mobilityScenarioSchema,
  zoneChangeSchema,
  type ScenarioInput,
} from '../mobility/model/scenario.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import type { Territory } from '../mobility/territory/territory.ts';
import type { OccupationFamily } from '../skills/families.ts';
import { leverSchema, type Lever } from '../skills/levers.ts';
import { SKILLS_GLOBAL_SCHEMAS } from './global-schemas.ts';
import { formatKey, parseKey, type LabKey } from './keys.ts';

export type ChangeValue = number | string | boolean;

export interface LabProblem {
  key: string;
  message: string;
}

/** The skills part of a compiled scenario: what it changes in the default skills scenario. */
export interface CompiledSkills {
  levers: Lever[];
  growthRates: Partial<Record<OccupationFamily, number>>;
  /** The cross-border pull share, when changed. */
  crossBorderPull?: number;
  jobSeekerMatchRate?: number;
  reach?: { carMinutes?: number; ptMinutes?: number; carAccessShare?: number };
}

export interface CompiledScenario {
  mobility: ScenarioInput;
  skills: CompiledSkills;
  problems: LabProblem[];
}

/** Where each skills global goes in the compiled skills part. */
const SKILLS_GLOBAL_TARGETS = {
  crossBorderPull: (skills, value) => (skills.crossBorderPull = value),
  jobSeekerMatchRate: (skills, value) => (skills.jobSeekerMatchRate = value),
  reachCarMinutes: (skills, value) => (skills.reach = { ...skills.reach, carMinutes: value }),
  reachPtMinutes: (skills, value) => (skills.reach = { ...skills.reach, ptMinutes: value }),
  reachCarAccessShare: (skills, value) => (skills.reach = { ...skills.reach, carAccessShare: value }),
} as const satisfies Record<
  keyof typeof SKILLS_GLOBAL_SCHEMAS,
  (skills: CompiledSkills, value: number) => unknown
>;
const growthRate = z.number().min(-0.2).max(0.3);

type Check = { ok: true; value: unknown } | { ok: false; message: string };

const issue = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ');
function check(schema: z.ZodType, value: unknown): Check {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: issue(parsed.error) };
}
function json(value: ChangeValue): Check {
  if (typeof value !== 'string') return { ok: false, message: 'expected a JSON object as text' };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
}

/** Zone ids and road sections of a territory, for existence checks. */
interface TerritoryIndex {
  zones: Map<string, Territory['zones'][number]>;
  lines: Set<string>;
  /** `from|to` and `from|to|name` of road links between zones (both directions). */
  roads: Set<string>;
}
const indexes = new WeakMap<Territory, TerritoryIndex>();
function indexOf(territory: Territory): TerritoryIndex {
  let index = indexes.get(territory);
  if (index) return index;
  const Z = territory.zones.length;
  const roads = new Set<string>();
  for (const link of territory.roadLinks) {
    const from = territory.zones[link.from % Z]!.id;
    const to = territory.zones[link.to % Z]!.id;
    roads
      .add(`${from}|${to}`)
      .add(`${to}|${from}`)
      .add(`${from}|${to}|${link.name}`)
      .add(`${to}|${from}|${link.name}`);
  }
  index = {
    zones: new Map(territory.zones.map((zone) => [zone.id, zone])),
    lines: new Set(territory.ptLines.map((line) => line.id)),
    roads,
  };
  indexes.set(territory, index);
  return index;
}

/**
 * Validates one change on its own: the key names a known input and the value passes the model's
 * schema for it. Use it at the field, before writing.
 *
 * @example validateChange('mobility.pt.TER-LUX.headwayMinutes', -3) // { ok: false, message: '…' }
 */
export function validateChange(
  key: string,
  value: ChangeValue,
  options: { territory?: Territory } = {},
): { ok: true; key: LabKey; value: unknown } | { ok: false; message: string } {
  const parsed = parseKey(key);
  if (!parsed) return { ok: false, message: 'unknown key' };
  const territory = options.territory ?? NORTH_LORRAINE;
  const index = indexOf(territory);
  let result: Check;
  if (parsed.model === 'mobility') {
    switch (parsed.kind) {
      case 'global':
        result = check(mobilityScenarioSchema.shape[parsed.field], value);
        break;
      case 'zone': {
        const zone = index.zones.get(parsed.zone);
        if (!zone) return { ok: false, message: `unknown zone ${parsed.zone}` };
        if (zone.kind === 'external')
          return { ok: false, message: `zone ${parsed.zone} is external: its flows are fixed` };
        result = check(zoneChangeSchema.shape[parsed.field], value);
        if (result.ok && typeof value === 'number' && !Number.isFinite(value))
          result = { ok: false, message: 'not a finite number' };
        if (result.ok && parsed.field === 'populationDelta' && zone.population + (value as number) < 0)
          result = { ok: false, message: `population stays >= 0 (today ${zone.population})` };
        if (result.ok && parsed.field === 'jobsDelta' && zone.jobs + (value as number) < 0)
          result = { ok: false, message: `jobs stay >= 0 (today ${zone.jobs})` };
        break;
      }
      case 'road': {
        const road =
          parsed.name === undefined
            ? `${parsed.from}|${parsed.to}`
            : `${parsed.from}|${parsed.to}|${parsed.name}`;
        if (!index.roads.has(road))
          return {
            ok: false,
            message: `no road ${parsed.name ?? ''} between ${parsed.from} and ${parsed.to}`,
          };
        result = check(roadChangeSchema.shape[parsed.field], value);
        break;
      }
      case 'pt':
        result = check(ptChangeSchema.shape[parsed.field], value);
        break;
      case 'newRoad': {
        const raw = json(value);
        result = raw.ok ? check(newRoadSchema, raw.value) : raw;
        if (result.ok) {
          const road = result.value as { from: string; to: string };
          for (const zone of [road.from, road.to])
            if (!index.zones.has(zone)) result = { ok: false, message: `unknown zone ${zone}` };
        }
        break;
      }
      case 'newPtLine': {
        const raw = json(value);
        result = raw.ok ? check(newPtLineSchema, { ...(raw.value as object), id: parsed.id }) : raw;
        if (result.ok) {
          if (index.lines.has(parsed.id))
            result = { ok: false, message: `PT line ${parsed.id} already exists` };
          else
            for (const zone of (result.value as { zones: string[] }).zones)
              if (!index.zones.has(zone)) result = { ok: false, message: `unknown zone ${zone}` };
        }
        break;
      }
    }
  } else {
    switch (parsed.kind) {
      case 'global':
        result = check(SKILLS_GLOBAL_SCHEMAS[parsed.field], value);
        break;
      case 'growth':
        result = check(growthRate, value);
        break;
      case 'lever': {
        const raw = json(value);
        result = raw.ok ? check(leverSchema, { ...(raw.value as object), id: parsed.id }) : raw;
        break;
      }
    }
  }
  if (result.ok && typeof result.value === 'number' && !Number.isFinite(result.value))
    result = { ok: false, message: 'not a finite number' };
  return result.ok ? { ok: true, key: parsed, value: result.value } : result;
}

/**
 * Builds the models' inputs from effective changes (see `resolveScenario`). PT changes to a line
 * created in the same scenario are reported: change the new line's own definition instead.
 *
 * @example compileScenario([{ key: 'mobility.teleworkShare', value: 0.15 }]).mobility.teleworkShare // 0.15
 */
export function compileScenario(
  changes: readonly { key: string; value: ChangeValue }[],
  options: { territory?: Territory; name?: string } = {},
): CompiledScenario {
  const territory = options.territory ?? NORTH_LORRAINE;
  const problems: LabProblem[] = [];
  const zones = new Map<string, Record<string, unknown>>();
  const roads = new Map<string, Record<string, unknown>>();
  const lines = new Map<string, Record<string, unknown>>();
  const newRoads: unknown[] = [];
  const newPtLines: unknown[] = [];
  const mobility: Record<string, unknown> = {};
  const skills: CompiledSkills = { levers: [], growthRates: {} };
  const sorted = [...changes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const change of sorted) {
    const checked = validateChange(change.key, change.value, { territory });
    if (!checked.ok) {
      problems.push({ key: change.key, message: checked.message });
      continue;
    }
    const key = checked.key;
    const value = checked.value;
    if (key.model === 'mobility') {
      switch (key.kind) {
        case 'global':
          mobility[key.field] = value;
          break;
        case 'zone': {
          const entry = zones.get(key.zone) ?? { zone: key.zone };
          entry[key.field] = value;
          zones.set(key.zone, entry);
          break;
        }
        case 'road': {
          const id = `${key.from}|${key.to}|${key.name ?? ''}`;
          const entry = roads.get(id) ?? {
            from: key.from,
            to: key.to,
            ...(key.name === undefined ? {} : { name: key.name }),
          };
          entry[key.field] = value;
          roads.set(id, entry);
          break;
        }
        case 'pt': {
          const entry = lines.get(key.line) ?? { line: key.line };
          entry[key.field] = value;
          lines.set(key.line, entry);
          break;
        }
        case 'newRoad':
          newRoads.push(value);
          break;
        case 'newPtLine':
          newPtLines.push(value);
          break;
      }
    } else {
      switch (key.kind) {
        case 'global':
          SKILLS_GLOBAL_TARGETS[key.field](skills, value as number);
          break;
        case 'growth':
          skills.growthRates[key.family] = value as number;
          break;
        case 'lever':
          skills.levers.push(value as Lever);
          break;
      }
    }
  }
  const known = indexOf(territory).lines;
  const ptLines: Record<string, unknown>[] = [];
  for (const [line, entry] of lines) {
    if (known.has(line)) ptLines.push(entry);
    else
      for (const field of Object.keys(entry))
        if (field !== 'line')
          problems.push({
            key: formatKey({ model: 'mobility', kind: 'pt', line, field: field as 'fare' }),
            message: `unknown PT line ${line}`,
          });
  }
  const input = {
    name: options.name ?? 'scenario',
    ...mobility,
    zones: [...zones.values()],
    roads: [...roads.values()],
    newRoads,
    ptLines,
    newPtLines,
  };
  // Every part was checked above; a last check of the whole keeps the models safe.
  const whole = mobilityScenarioSchema.safeParse(input);
  if (!whole.success) {
    problems.push({ key: 'mobility', message: issue(whole.error) });
    return { mobility: { name: input.name }, skills, problems };
  }
  return { mobility: input as ScenarioInput, skills, problems };
}
