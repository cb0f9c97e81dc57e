/**
 * Canonical keys of the scenario lab: one key per input of the mobility and skills models.
 * A key is a dot-separated path; segments that are ids or names are URI-encoded (and dots
 * escaped) so a road name such as "A4 (Luxembourg)" stays one segment.
 */
import { OCCUPATION_FAMILIES, type OccupationFamily } from '../skills/families.ts';

export const ZONE_FIELDS = ['populationDelta', 'jobsDelta', 'parkingCost'] as const;
export const ROAD_FIELDS = ['capacityFactor', 'speedKmh', 'closed'] as const;
export const PT_FIELDS = ['headwayMinutes', 'offPeakHeadwayMinutes', 'fare', 'speedKmh', 'closed'] as const;
export const MOBILITY_GLOBALS = ['fuelPrice', 'teleworkShare', 'cyclingQuality'] as const;
export const SKILLS_GLOBALS = [
  'crossBorderPull',
  'jobSeekerMatchRate',
  'reachCarMinutes',
  'reachPtMinutes',
  'reachCarAccessShare',
] as const;

export type ZoneField = (typeof ZONE_FIELDS)[number];
export type RoadField = (typeof ROAD_FIELDS)[number];
export type PtField = (typeof PT_FIELDS)[number];
export type MobilityGlobal = (typeof MOBILITY_GLOBALS)[number];
export type SkillsGlobal = (typeof SKILLS_GLOBALS)[number];

/** What a key designates. */
export type LabKey =
  | { model: 'mobility'; kind: 'global'; field: MobilityGlobal }
  | { model: 'mobility'; kind: 'zone'; zone: string; field: ZoneField }
  | { model: 'mobility'; kind: 'road'; from: string; to: string; name?: string; field: RoadField }
  | { model: 'mobility'; kind: 'pt'; line: string; field: PtField }
  | { model: 'mobility'; kind: 'newRoad'; id: string }
  | { model: 'mobility'; kind: 'newPtLine'; id: string }
  | { model: 'skills'; kind: 'global'; field: SkillsGlobal }
  | { model: 'skills'; kind: 'growth'; family: OccupationFamily }
  | { model: 'skills'; kind: 'lever'; id: string };

const encode = (segment: string) => encodeURIComponent(segment).replace(/\./g, '%2E');
const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};
const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/**
 * The canonical key of an input.
 *
 * @example formatKey({ model: 'mobility', kind: 'pt', line: 'TER-LUX', field: 'headwayMinutes' })
 * // 'mobility.pt.TER-LUX.headwayMinutes'
 */
export function formatKey(key: LabKey): string {
  if (key.model === 'mobility') {
    switch (key.kind) {
      case 'global':
        return `mobility.${key.field}`;
      case 'zone':
        return `mobility.zone.${encode(key.zone)}.${key.field}`;
      case 'road':
        return key.name === undefined
          ? `mobility.road.${encode(key.from)}.${encode(key.to)}.${key.field}`
          : `mobility.road.${encode(key.from)}.${encode(key.to)}.${encode(key.name)}.${key.field}`;
      case 'pt':
        return `mobility.pt.${encode(key.line)}.${key.field}`;
      case 'newRoad':
        return `mobility.newRoad.${encode(key.id)}`;
      case 'newPtLine':
        return `mobility.newPtLine.${encode(key.id)}`;
    }
  }
  switch (key.kind) {
    case 'global':
      return `skills.${key.field}`;
    case 'growth':
      return `skills.growth.${key.family}`;
    case 'lever':
      return `skills.lever.${encode(key.id)}`;
  }
}

/**
 * Reads a key; `undefined` when it names no known input.
 *
 * @example parseKey('mobility.zone.57463.jobsDelta') // { model: 'mobility', kind: 'zone', zone: '57463', field: 'jobsDelta' }
 */
export function parseKey(text: string): LabKey | undefined {
  const parts = text.split('.');
  const raw = parts.map(decode);
  if (raw.some((p) => p === undefined || p === '')) return undefined;
  const s = raw as string[];
  if (s[0] === 'mobility') {
    if (s.length === 2 && isOneOf(MOBILITY_GLOBALS, s[1]))
      return { model: 'mobility', kind: 'global', field: s[1] };
    if (s[1] === 'zone' && s.length === 4 && isOneOf(ZONE_FIELDS, s[3]))
      return { model: 'mobility', kind: 'zone', zone: s[2]!, field: s[3] };
    if (s[1] === 'road' && (s.length === 5 || s.length === 6)) {
      const field = s[s.length - 1];
      if (!isOneOf(ROAD_FIELDS, field)) return undefined;
      return s.length === 5
        ? { model: 'mobility', kind: 'road', from: s[2]!, to: s[3]!, field }
        : { model: 'mobility', kind: 'road', from: s[2]!, to: s[3]!, name: s[4]!, field };
    }
    if (s[1] === 'pt' && s.length === 4 && isOneOf(PT_FIELDS, s[3]))
      return { model: 'mobility', kind: 'pt', line: s[2]!, field: s[3] };
    if (s[1] === 'newRoad' && s.length === 3) return { model: 'mobility', kind: 'newRoad', id: s[2]! };
    if (s[1] === 'newPtLine' && s.length === 3) return { model: 'mobility', kind: 'newPtLine', id: s[2]! };
    return undefined;
  }
  if (s[0] === 'skills') {
    if (s.length === 2 && isOneOf(SKILLS_GLOBALS, s[1]))
      return { model: 'skills', kind: 'global', field: s[1] };
    if (s[1] === 'growth' && s.length === 3 && isOneOf(OCCUPATION_FAMILIES, s[2]))
      return { model: 'skills', kind: 'growth', family: s[2] };
    if (s[1] === 'lever' && s.length === 3) return { model: 'skills', kind: 'lever', id: s[2]! };
  }
  return undefined;
}
