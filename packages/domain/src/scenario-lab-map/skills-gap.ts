/**
 * The map's skills gap per mobility zone, from the scenario lab's skills result (by EPCI): each
 * zone shows its EPCI's share of positions to fill left unfilled at a horizon (README: why a share).
 */
import type { SkillsSummary } from '../scenario-lab/run.ts';
import type { Horizon } from '../skills/units.ts';

/** The horizon the map shows: 5 years, the lab's headline horizon (its comparison says `skillsGap5`). */
export const MAP_SKILLS_HORIZON: Horizon = 5;

/**
 * Unfilled share of the positions to fill (gap / demand, 0–1) of each zone's EPCI at `horizon`,
 * per mobility zone id. A zone whose EPCI has no demand at that horizon is left out (no data).
 *
 * @param options.skills - the lab's skills summary (`byTerritory`, `zoneTerritory`)
 * @param options.horizon - years ahead (1, 3, 5 or 10; default {@link MAP_SKILLS_HORIZON})
 * @example skillsGapByZone({ skills: runScenarioLab(compiled).skills! })['57463'] // Metz Métropole's share, e.g. 0.12
 */
export function skillsGapByZone(options: {
  skills: Pick<SkillsSummary, 'byTerritory' | 'zoneTerritory'>;
  horizon?: Horizon;
}): Record<string, number> {
  const { skills, horizon = MAP_SKILLS_HORIZON } = options;
  const share = new Map<string, number>();
  for (const row of skills.byTerritory)
    if (row.horizon === horizon && row.demand > 0) share.set(row.territory, row.gap / row.demand);
  const byZone: Record<string, number> = {};
  for (const [zone, territory] of Object.entries(skills.zoneTerritory)) {
    const value = share.get(territory);
    if (value !== undefined) byZone[zone] = value;
  }
  return byZone;
}
