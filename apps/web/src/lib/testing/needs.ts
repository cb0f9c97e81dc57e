// Needs for the web app's unit tests: one valid shape, changed per test through `patch`.
import type { Need } from '@atelier/domain';

/** A valid need as the room's document holds it (welders in Metz, one position). */
export function needFixture(id: string, patch: Partial<Need> = {}): Need {
  return {
    id,
    organisationId: 'o1',
    romeCode: 'H2913',
    title: `Besoin ${id}`,
    skills: [],
    headcount: 1,
    horizonMonths: 12,
    communeCode: '57463',
    contract: 'cdi',
    difficulty: 2,
    crossBorder: false,
    comment: '',
    createdBy: 'u1',
    updatedAt: '2026-11-26T09:00:00.000Z',
    ...patch,
  };
}

/** A need as a contribution carries it (no id, organisation or author yet), in Hagondange. */
export function contributedNeed(title: string, patch: Partial<Need> = {}) {
  return {
    romeCode: 'H2913',
    title,
    skills: [] as string[],
    headcount: 2,
    horizonMonths: 12,
    communeCode: '57221',
    contract: 'cdi' as const,
    difficulty: 3,
    crossBorder: false,
    comment: '',
    ...patch,
  };
}
