// Issue 20, item 4 as the web server runs it: suggestions instead of duplicates, a request to
// join that the organisation's administrator approves (notified, with an e-mail), verification
// by a platform administrator, and a call limited to verified organisations refusing an
// unverified one, on the embedded database.
import { calls, membershipRequests, notifications, organisations, outbox, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import type { Siren } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributorCall } from './contributions/contribute.ts';
import { decideRequest, requestToJoin, setOrganisationVerified, suggestOrganisations } from './membership.ts';
import { createOrganisation } from './organisations.ts';

describe('organisations without duplicates, and verified (embedded database)', () => {
  let db: Db;
  let steelId = '';
  const people: Record<'anne' | 'noe' | 'root' | 'ivo', string> = { anne: '', noe: '', root: '', ivo: '' };
  const actor = (userId: string, isAdmin = false) => ({ userId, isAdmin, organisations: [] });
  const now = new Date();

  beforeAll(async () => {
    db = await testBackends()[0]!.open();
    for (const name of Object.keys(people) as (keyof typeof people)[]) {
      people[name] = (
        await users.create(db.sql, { email: `${name}@example.org`, displayName: name, passwordHash: 'x' })
      ).id;
    }
    await db.sql`update users set is_admin = true where id = ${people.root}`;
    const created = await createOrganisation(db.sql, {
      actor: actor(people.anne),
      input: {
        kind: 'company',
        name: 'Aciéries de Florange',
        siren: '732829320' as Siren,
        communeCode: '57221',
      },
      now,
    });
    if (!created.ok) throw new Error('not created');
    steelId = created.id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates an organisation unverified, its creator as administrator', async () => {
    expect((await organisations.findById(db.sql, { id: steelId }))?.verifiedAt).toBeNull();
    expect(await organisations.roleOf(db.sql, { organisationId: steelId, userId: people.anne })).toBe(
      'admin',
    );
  });

  it('offers the existing organisation to someone typing its name another way, or its SIREN', async () => {
    const byName = await suggestOrganisations(db.sql, { name: 'ACIERIES DE FLORANGE', siren: '' });
    expect(byName.map((s) => [s.name, s.match, s.verified])).toEqual([
      ['Aciéries de Florange', 'name', false],
    ]);
    const bySiren = await suggestOrganisations(db.sql, { name: 'Florange Steel', siren: '732 829 320' });
    expect(bySiren.map((s) => s.match)).toEqual(['siren']);
  });

  it('makes joining a request that the administrator approves, each told by notification and e-mail', async () => {
    expect(
      await requestToJoin(db.sql, { userId: people.noe, organisationId: steelId, message: 'RH', now }),
    ).toBe('requested');
    expect(
      await requestToJoin(db.sql, { userId: people.noe, organisationId: steelId, message: '', now }),
    ).toBe('already_pending');
    expect(
      await organisations.roleOf(db.sql, { organisationId: steelId, userId: people.noe }),
    ).toBeUndefined();
    const [told] = await notifications.listForUser(db.sql, { userId: people.anne });
    expect(told?.kind).toBe('membership_requested');
    expect(told?.details).toMatchObject({ organisationName: 'Aciéries de Florange', requesterName: 'noe' });
    const [pending] = await membershipRequests.listPending(db.sql, { organisationId: steelId });
    const decide = () =>
      decideRequest(db.sql, {
        actor: actor(people.anne),
        organisationId: steelId,
        requestId: pending!.id,
        decision: 'approved',
        now,
      });
    expect(await decide()).toBe('decided');
    expect(await decide()).toBe('not_found');
    expect(await organisations.roleOf(db.sql, { organisationId: steelId, userId: people.noe })).toBe(
      'member',
    );
    const [answer] = await notifications.listForUser(db.sql, { userId: people.noe });
    expect(answer?.details).toMatchObject({ decision: 'approved' });
    const mails = (await outbox.list(db.sql, { limit: 20 })).map((mail) => [mail.kind, mail.toAddress]);
    expect(mails).toContainEqual(['membership_requested', 'anne@example.org']);
    expect(mails).toContainEqual(['membership_decided', 'noe@example.org']);
  });

  it('refuses an unverified organisation a call limited to verified ones, until an administrator verifies it', async () => {
    const impostor = await createOrganisation(db.sql, {
      actor: actor(people.ivo),
      input: { kind: 'company', name: 'Société fantôme', siren: null, communeCode: '57463' },
      now,
    });
    if (!impostor.ok) throw new Error('not created');
    const open = async (verifiedOnly: boolean) =>
      (
        await calls.create(db.sql, {
          workshopId: (
            await db.sql<{ id: string }[]>`
              insert into workshops (title, territory, status) values ('Atelier', 'Metz', 'live') returning id`
          )[0]!.id,
          title: 'Besoins',
          text: '',
          asks: ['needs'],
          audienceKinds: ['company'],
          audienceOrganisationIds: [],
          questions: [],
          verifiedOnly,
          opensAt: new Date(now.getTime() - 60_000),
          closesAt: new Date(now.getTime() + 3_600_000),
          createdBy: people.root,
          now,
        })
      ).id;
    const limited = await open(true);
    const anyone = await open(false);
    expect(await contributorCall(db.sql, { userId: people.ivo, callId: limited, now })).toBeUndefined();
    expect(await contributorCall(db.sql, { userId: people.ivo, callId: anyone, now })).toBeDefined();
    expect(
      await setOrganisationVerified(db.sql, {
        actor: actor(people.root, true),
        organisationId: impostor.id,
        verified: true,
        now,
      }),
    ).toBe(true);
    expect(await contributorCall(db.sql, { userId: people.ivo, callId: limited, now })).toBeDefined();
  });
});
