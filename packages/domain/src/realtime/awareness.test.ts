import { describe, expect, it } from 'vitest';
import { checkAwarenessState } from './awareness.ts';

const user = { id: 'u1', name: 'Sophie', color: '#1a2b3c' };
const check = (state: unknown) => checkAwarenessState({ json: JSON.stringify(state), userId: 'u1' });

describe('awareness state', () => {
  it('accepts a person, where they edit, a caret, and null (leaving)', () => {
    expect(check(null)).toEqual({ ok: true, state: null });
    expect(check({ user })).toMatchObject({ ok: true });
    expect(
      check({
        user: { ...user, organisationId: 'org', role: 'participant' },
        editing: { section: 'needs', entryId: 'n1', field: 'headcount' },
        cursor: {
          anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 1, clock: 3 }, assoc: 0 },
          head: { type: null, tname: 'synthesis', item: null, assoc: -1 },
        },
      }).ok,
    ).toBe(true);
    expect(
      check({
        user,
        editing: null,
        cursor: {
          anchor: { tname: 'synthesis', assoc: 0 },
          head: { item: { client: 1, clock: 3 }, assoc: 0 },
        },
      }).ok,
    ).toBe(true);
  });

  it('refuses a state speaking for someone else', () => {
    expect(check({ user: { ...user, id: 'u2' } })).toEqual({
      ok: false,
      reason: 'user.id is not the connected person',
    });
  });

  it('refuses unknown keys, a bad colour, an unknown section, and states above 4 KB', () => {
    expect(check({ user, extra: 1 }).ok).toBe(false);
    expect(check({ user: { ...user, color: 'red' } }).ok).toBe(false);
    expect(check({ user, editing: { section: 'kitchen' } }).ok).toBe(false);
    expect(check({ user: { ...user, name: 'x'.repeat(101) } }).ok).toBe(false);
    expect(check({ user, cursor: { anchor: { pad: 'x'.repeat(5000) }, head: {} } })).toEqual({
      ok: false,
      reason: 'too large',
    });
    expect(checkAwarenessState({ json: '{', userId: 'u1' }).ok).toBe(false);
  });
});
