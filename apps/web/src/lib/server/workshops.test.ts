import { organisations, users, workshops, type Db } from '@atelier/db';
import type { Actor } from '@atelier/domain';
import { testBackends } from '@atelier/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForm } from './forms.ts';
import {
  advanceStatus,
  createWorkshop,
  removeWorkshopMember,
  setWorkshopMember,
  updateWorkshop,
  WORKSHOP_FIELDS,
  workshopSchema,
} from './workshops.ts';

const now = new Date('2026-11-26T09:00:00Z');
const backend = testBackends()[0]!;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('workshop forms and lifecycle', { timeout: 30_000 }, () => {
  let db: Db;
  let actor: Actor;
  let metropoleId: string;
  beforeAll(async () => {
    db = await backend.open();
    const metropole = await organisations.create(db.sql, {
      kind: 'metropole',
      name: 'Metz Métropole',
      communeCode: '57463',
    });
    metropoleId = metropole.id;
    const person = await users.create(db.sql, {
      email: 'anim@example.org',
      displayName: 'Anim',
      passwordHash: 'x',
    });
    await organisations.addMember(db.sql, {
      organisationId: metropole.id,
      userId: person.id,
      role: 'member',
    });
    actor = {
      userId: person.id,
      isAdmin: false,
      organisations: [{ id: metropole.id, kind: 'metropole', role: 'member' }],
    };
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  }, 60_000);

  it('ties each bad field to its own error code', () => {
    const parsed = parseForm(
      form({
        title: '',
        description: 'x'.repeat(5001),
        startsAt: '2026-02-30T10:00',
        territory: 'Metz\nThionville',
      }),
      WORKSHOP_FIELDS,
      workshopSchema,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      title: 'required',
      description: 'too_long',
      startsAt: 'invalid_date',
      territory: 'invalid_characters',
    });
  });

  it('seats the creator as facilitator, moves one step at a time, and freezes a closed workshop', async () => {
    const parsed = workshopSchema.parse({
      title: 'Atelier',
      description: '',
      startsAt: '',
      territory: 'Metz',
      agenda: '',
    });
    const id = await createWorkshop(db.sql, { actor, input: parsed, now });
    expect(await workshops.seatOf(db.sql, { workshopId: id, userId: actor.userId })).toEqual({
      role: 'facilitator',
      organisationId: metropoleId,
    });
    expect(await advanceStatus(db.sql, { actor, workshopId: id, from: 'draft', to: 'live', now })).toBe(
      false,
    );
    expect(await advanceStatus(db.sql, { actor, workshopId: id, from: 'draft', to: 'scheduled', now })).toBe(
      true,
    );
    // A second click on the same button, after the first moved it, changes nothing.
    expect(await advanceStatus(db.sql, { actor, workshopId: id, from: 'draft', to: 'scheduled', now })).toBe(
      false,
    );
    await advanceStatus(db.sql, { actor, workshopId: id, from: 'scheduled', to: 'live', now });
    await advanceStatus(db.sql, { actor, workshopId: id, from: 'live', to: 'closed', now });
    expect(
      await updateWorkshop(db.sql, { actor, workshopId: id, input: { ...parsed, title: 'Changé' }, now }),
    ).toBe(false);
    expect((await workshops.findById(db.sql, { id }))?.title).toBe('Atelier');
  });

  it('seats only people for an organisation they belong to, and keeps the last facilitator', async () => {
    const parsed = workshopSchema.parse({
      title: 'Atelier 2',
      description: '',
      startsAt: '',
      territory: 'Metz',
      agenda: '',
    });
    const id = await createWorkshop(db.sql, { actor, input: parsed, now });
    await users.create(db.sql, { email: 'outsider@example.org', displayName: 'O', passwordHash: 'x' });
    expect(
      await setWorkshopMember(db.sql, {
        actor,
        workshopId: id,
        email: 'outsider@example.org',
        role: 'participant',
        organisationId: metropoleId,
        now,
      }),
    ).toEqual({ ok: false, errors: { organisationId: 'not_member_of_organisation' } });
    expect(
      await setWorkshopMember(db.sql, {
        actor,
        workshopId: id,
        email: 'anim@example.org',
        role: 'observer',
        organisationId: metropoleId,
        now,
      }),
    ).toEqual({ ok: false, errors: { role: 'last_facilitator' } });
    expect(await removeWorkshopMember(db.sql, { actor, workshopId: id, userId: actor.userId, now })).toEqual({
      ok: false,
      error: 'last_facilitator',
    });
  });
});
