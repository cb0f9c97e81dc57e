/**
 * What the forms of the scenario lab offer: every input of both models with its baseline value.
 */
import { scenarioSchema as mobilityScenarioSchema } from '../mobility/model/scenario.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import type { Territory } from '../mobility/territory/territory.ts';
import { defaultSkillsScenario } from '../skills/data/default-scenario.ts';
import { OCCUPATION_FAMILIES, type OccupationFamily } from '../skills/families.ts';
import type { SkillsScenario } from '../skills/scenario.ts';
import { parseKey } from './keys.ts';

export interface LabCatalogue {
  mobility: { fuelPrice: number; teleworkShare: number; cyclingQuality: number };
  zones: { id: string; name: string; population: number; jobs: number; parkingCost: number }[];
  /** Road sections between two zones (one entry for both directions), connectors left out. */
  roads: {
    from: string;
    to: string;
    name: string;
    fromName: string;
    toName: string;
    speedKmh: number;
    lanes: number;
  }[];
  ptLines: {
    id: string;
    name: string;
    headwayMinutes: number;
    offPeakHeadwayMinutes: number;
    fare: number;
    speedKmh: number;
  }[];
  growth: { family: OccupationFamily; rate: number }[];
  skills: {
    crossBorderPull: number;
    jobSeekerMatchRate: number;
    reachCarMinutes: number;
    reachPtMinutes: number;
    /** Share of candidates with a car available (0..1). */
    reachCarAccessShare: number;
  };
  programmes: { id: string; name: string }[];
  occupations: { code: string; label: string }[];
  territories: { id: string; name: string }[];
}

/**
 * The catalogue of inputs with their baseline values.
 *
 * @example labCatalogue().ptLines.find((l) => l.id === 'TER-LUX')?.headwayMinutes // 15
 */
export function labCatalogue(options: { territory?: Territory; skills?: SkillsScenario } = {}): LabCatalogue {
  const territory = options.territory ?? NORTH_LORRAINE;
  const skills = options.skills ?? defaultSkillsScenario();
  const defaults = mobilityScenarioSchema.parse({});
  const Z = territory.zones.length;
  const names = new Map(territory.zones.map((z) => [z.id, z.name]));
  const seen = new Set<string>();
  const roads: LabCatalogue['roads'] = [];
  for (const link of territory.roadLinks) {
    if (link.roadClass === 'connector') continue;
    const from = territory.zones[link.from % Z]!.id;
    const to = territory.zones[link.to % Z]!.id;
    if (from === to) continue;
    const id = from < to ? `${from}|${to}|${link.name}` : `${to}|${from}|${link.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    roads.push({
      from,
      to,
      name: link.name,
      fromName: names.get(from) ?? from,
      toName: names.get(to) ?? to,
      speedKmh: link.speedKmh,
      lanes: link.lanes,
    });
  }
  roads.sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      a.fromName.localeCompare(b.fromName) ||
      a.toName.localeCompare(b.toName),
  );
  return {
    mobility: {
      fuelPrice: defaults.fuelPrice,
      teleworkShare: defaults.teleworkShare,
      cyclingQuality: defaults.cyclingQuality,
    },
    zones: territory.zones
      .filter((z) => z.kind !== 'external')
      .map((z) => ({
        id: z.id,
        name: z.name,
        population: z.population,
        jobs: z.jobs,
        parkingCost: z.parkingCost ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    roads,
    ptLines: territory.ptLines.map((l) => ({
      id: l.id,
      name: l.name,
      headwayMinutes: l.headwayMinutes,
      offPeakHeadwayMinutes: l.offPeakHeadwayMinutes ?? l.headwayMinutes,
      fare: l.fare ?? 0,
      speedKmh: l.speedKmh,
    })),
    growth: OCCUPATION_FAMILIES.map((family) => ({ family, rate: skills.growthRates[family] ?? 0 })),
    skills: {
      crossBorderPull: skills.crossBorderPull.share,
      jobSeekerMatchRate: skills.jobSeekerMatchRate,
      reachCarMinutes: skills.reach.carMinutes,
      reachPtMinutes: skills.reach.ptMinutes,
      reachCarAccessShare: skills.reach.carAccessShare,
    },
    programmes: skills.programmes.map((p) => ({ id: p.id, name: p.name })),
    occupations: skills.occupations.map((o) => ({ code: o.code, label: o.label })),
    territories: skills.territories.map((t) => ({ id: t.id, name: t.name })),
  };
}

/**
 * The baseline value of an input: what the models use when no scenario changes it.
 * `undefined` for inputs that have no baseline (new roads, new lines, levers) or unknown keys.
 */
export function baselineValue(catalogue: LabCatalogue, key: string): number | boolean | undefined {
  const k = parseKey(key);
  if (!k) return undefined;
  if (k.model === 'mobility') {
    switch (k.kind) {
      case 'global':
        return catalogue.mobility[k.field];
      case 'zone': {
        const zone = catalogue.zones.find((z) => z.id === k.zone);
        if (!zone) return undefined;
        return k.field === 'parkingCost' ? zone.parkingCost : 0;
      }
      case 'road': {
        const road = catalogue.roads.find(
          (r) =>
            ((r.from === k.from && r.to === k.to) || (r.from === k.to && r.to === k.from)) &&
            (k.name === undefined || r.name === k.name),
        );
        if (!road) return undefined;
        return k.field === 'capacityFactor' ? 1 : k.field === 'closed' ? false : road.speedKmh;
      }
      case 'pt': {
        const line = catalogue.ptLines.find((l) => l.id === k.line);
        if (!line) return undefined;
        return k.field === 'closed' ? false : line[k.field];
      }
      default:
        return undefined;
    }
  }
  switch (k.kind) {
    case 'global':
      return catalogue.skills[k.field];
    case 'growth':
      return catalogue.growth.find((g) => g.family === k.family)?.rate;
    default:
      return undefined;
  }
}
