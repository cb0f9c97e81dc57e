import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, communeLabel, findCommune } from './communes.ts';

describe('the communes of the territory', () => {
  it('knows Metz, Thionville and Nancy by their INSEE codes', () => {
    expect(findCommune('57463')?.name).toBe('Metz');
    expect(findCommune('57672')?.name).toBe('Thionville');
    expect(findCommune('54395')?.name).toBe('Nancy');
  });

  it('knows no commune outside Moselle and Meurthe-et-Moselle', () => {
    expect(findCommune('75056')).toBeUndefined();
    expect(findCommune('<script>')).toBeUndefined();
  });

  it('groups them by department, sorted by name', () => {
    expect(DEPARTMENTS.map((d) => d.communes.length)).toEqual([727, 592]);
    const names = DEPARTMENTS[0]!.communes.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(communeLabel('57463')).toBe('Metz (57463)');
  });
});
