import { sessions } from '@atelier/db';
import { remainingMs, type PollView, type TimerState } from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import {
  openWorld,
  waitFor,
  workshopSocket,
  type Person,
  type World,
  type WorkshopSocket,
} from './support.ts';

const log = pino({ level: 'silent' });

describe('Socket.IO /workshop namespace', () => {
  let world: World;
  let server: RealtimeServer;
  const sockets: WorkshopSocket[] = [];
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      limits: { sessionRecheckMs: 200 },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
    await world?.db.close();
  });

  const open = async (
    person: Person | undefined,
    workshopId = world.liveId,
    token = person && world.tokens[person],
  ) => {
    const socket = workshopSocket({ port: server.port, workshopId, token });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  };

  const refusalOf = async (person: Person | undefined, workshopId = world.liveId) => {
    try {
      await open(person, workshopId);
      return undefined;
    } catch (error) {
      return (error as Error & { data?: { code: number } }).data?.code;
    }
  };

  it('refuses unauthenticated, cross-workshop and unknown-workshop connections with named codes', async () => {
    expect(await refusalOf(undefined)).toBe(4401);
    expect(await refusalOf('outsider')).toBe(4403);
    expect(await refusalOf('company', '00000000-0000-4000-8000-000000000000')).toBe(4404);
  });

  it('broadcasts presence, the agenda step and reactions to the workshop room only', async () => {
    const facilitator = await open('facilitator');
    const school = await open('school');
    const elsewhere = await open('school', world.closedId);
    const strayEvents: string[] = [];
    elsewhere.onAny((event: string) => strayEvents.push(event));
    const state = await school.emitWithAck('state:get', {});
    const present = state.ok ? state.state.presence.map((entry) => entry.userId) : [];
    expect(present).toEqual(expect.arrayContaining([world.userIds.facilitator, world.userIds.school]));
    const step = new Promise<{ stepId: string | null }>((resolve) => school.once('agenda:step', resolve));
    expect(await facilitator.emitWithAck('agenda:step', { stepId: 'atelier-2' })).toEqual({ ok: true });
    expect((await step).stepId).toBe('atelier-2');
    const reaction = new Promise<{ userId: string; reaction: string }>((resolve) =>
      facilitator.once('reaction', resolve),
    );
    expect(await school.emitWithAck('reaction', { reaction: '👏' })).toEqual({ ok: true });
    expect(await reaction).toMatchObject({ userId: world.userIds.school, reaction: '👏' });
    const left = new Promise<string[]>((resolve) =>
      facilitator.on('presence', (entries) => {
        if (!entries.some((entry) => entry.userId === world.userIds.school && entry.connections > 1)) {
          resolve(entries.map((entry) => entry.userId));
        }
      }),
    );
    school.disconnect();
    expect(await left).toContain(world.userIds.facilitator);
    expect(strayEvents.filter((event) => event !== 'presence')).toEqual([]);
  });

  it('shows the same timer to every client, on the server clock', async () => {
    const facilitator = await open('facilitator');
    const a = await open('company');
    const b = await open('observer');
    const seen = (socket: WorkshopSocket) =>
      new Promise<{ timer: TimerState; serverNow: number }>((resolve) => socket.once('timer', resolve));
    const [atA, atB] = [seen(a), seen(b)];
    const ack = await facilitator.emitWithAck('timer:start', { durationMs: 300_000 });
    expect(ack.ok).toBe(true);
    const [timerA, timerB] = await Promise.all([atA, atB]);
    expect(timerA.timer).toEqual(timerB.timer);
    expect(timerA.timer.status).toBe('running');
    // Both clients compute the same remaining time for the same server instant.
    expect(remainingMs(timerA.timer, timerA.serverNow)).toBeLessThanOrEqual(300_000);
    expect(remainingMs(timerA.timer, 1_000)).toBe(remainingMs(timerB.timer, 1_000));
    const paused = await facilitator.emitWithAck('timer:pause', {});
    expect(paused.ok && paused.timer.status).toBe('paused');
    const state = await b.emitWithAck('state:get', {});
    expect(state.ok && state.state.timer).toEqual(paused.ok && paused.timer);
    const again = await facilitator.emitWithAck('timer:pause', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps one ballot per person, changeable until the poll is closed', async () => {
    const facilitator = await open('facilitator');
    const company = await open('company');
    const school = await open('school');
    const created = await facilitator.emitWithAck('poll:create', {
      question: 'Quelle action en premier ?',
      options: ['Classe passerelle', 'Navette Thionville', 'Portes ouvertes'],
      kind: 'dots',
      dotsPerPerson: 3,
      anonymous: false,
    });
    expect(created.ok).toBe(true);
    const pollId = created.ok ? created.pollId : '';
    expect(await company.emitWithAck('poll:vote', { pollId, allocation: { '0': 3 } })).toEqual({ ok: true });
    expect(await company.emitWithAck('poll:vote', { pollId, allocation: { '1': 2, '2': 1 } })).toEqual({
      ok: true,
    });
    expect(await school.emitWithAck('poll:vote', { pollId, allocation: { '1': 1 } })).toEqual({ ok: true });
    const tooMany = await school.emitWithAck('poll:vote', { pollId, allocation: { '1': 4 } });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const last = new Promise<PollView>((resolve) => company.once('poll', resolve));
    expect(await facilitator.emitWithAck('poll:close', { pollId })).toEqual({ ok: true });
    const view = await last;
    expect(view).toMatchObject({ status: 'closed', totals: [0, 3, 1], ballots: 2 });
    expect(view.voters?.map((voter) => voter.displayName).sort()).toEqual([
      'Karim Formation',
      'Sophie Entreprise',
    ]);
    const late = await company.emitWithAck('poll:vote', { pollId, allocation: { '0': 1 } });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [row]: [{ n: number }?] = await world.db
      .sql`select count(*)::int as n from poll_ballots where poll_id = ${pollId}`;
    expect(row?.n).toBe(2);
  });

  it('answers bad payloads and forbidden actions with an error acknowledgement', async () => {
    const observer = await open('observer');
    const company = await open('company');
    expect(await company.emitWithAck('timer:start', { durationMs: 'long' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await company.emitWithAck('reaction', { reaction: '💣' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await company.emitWithAck('timer:start', { durationMs: 60_000 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await observer.emitWithAck('hand:raise', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await company.emitWithAck('hand:raise', {})).toEqual({ ok: true });
    expect(company.connected).toBe(true);
  });

  it('runs the speaking queue: hands raised in order, the facilitator gives the floor', async () => {
    const facilitator = await open('facilitator');
    const school = await open('school');
    await facilitator.emitWithAck('hand:lower', { userId: world.userIds.company });
    await school.emitWithAck('hand:raise', {});
    const state = await facilitator.emitWithAck('state:get', {});
    expect(state.ok && state.state.speaking.queue.map((entry) => entry.userId)).toEqual([
      world.userIds.school,
    ]);
    expect(await facilitator.emitWithAck('floor:give', { userId: world.userIds.school })).toEqual({
      ok: true,
    });
    const after = await school.emitWithAck('state:get', {});
    expect(after.ok && after.state.speaking).toMatchObject({
      queue: [],
      speaker: { userId: world.userIds.school },
    });
  });

  it('makes a closed workshop read-only, even for its facilitator', async () => {
    const facilitator = await open('facilitator', world.closedId);
    expect(await facilitator.emitWithAck('timer:start', { durationMs: 60_000 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await facilitator.emitWithAck('state:get', {})).ok).toBe(true);
  });

  it('disconnects a revoked session at the next periodic check', async () => {
    const token = await world.newToken('company');
    const socket = await open('company', world.liveId, token);
    const ended = new Promise<{ code: number }>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await sessions.invalidate(world.db.sql, { sessionId: sessions.sessionIdOf(token) });
    expect((await ended).code).toBe(4401);
    await disconnected;
    await waitFor('the socket to be gone', () => !socket.connected);
  });
});
