import { notifications, sessions } from '@atelier/db';
import type { PersonalServerToClientEvents } from '@atelier/domain';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { openWorld, waitFor, workshopSocket, type Person, type World } from './support.ts';

const log = pino({ level: 'silent' });
const TOKEN = 'internal-token-for-the-test-0123456789abcdef';

type PersonalSocket = Socket<PersonalServerToClientEvents>;

describe('Socket.IO /me namespace and POST /internal/notify', () => {
  let world: World;
  let server: RealtimeServer;
  let bare: RealtimeServer;
  const sockets: PersonalSocket[] = [];
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      internalToken: TOKEN,
      limits: { sessionRecheckMs: 60_000 },
    });
    bare = await startRealtimeServer({ db: world.db, log, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
    await bare?.close();
    await world?.db.close();
  });

  /** A signed-in page's socket, with every count it received. */
  const open = async (token: string | undefined) => {
    const socket: PersonalSocket = io(`http://127.0.0.1:${server.port}/me`, {
      extraHeaders: token ? { cookie: `atelier_session=${token}` } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const counts: number[] = [];
    const ended: number[] = [];
    socket.on('notifications:unread', ({ count }) => counts.push(count));
    socket.on('session:ended', ({ code }) => ended.push(code));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    await waitFor('the first count', () => counts.length > 0);
    return { socket, counts, ended };
  };

  const post = (body: unknown, authorization = `Bearer ${TOKEN}`, port = server.port) =>
    fetch(`http://127.0.0.1:${port}/internal/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const notifyOf = (person: Person) =>
    notifications.notify(world.db.sql, {
      userIds: [world.userIds[person]],
      workshopId: world.liveId,
      kind: 'contribution_rejected',
      details: { reason: 'test' },
      now: new Date(),
    });

  it('refuses a connection without a valid session', async () => {
    const codeOf = async (token: string | undefined) =>
      open(token).then(
        () => undefined,
        (error: Error & { data?: { code: number } }) => error.data?.code,
      );
    expect(await codeOf(undefined)).toBe(4401);
    expect(await codeOf('not-a-session')).toBe(4401);
  });

  it("sends a person's count when it changes, to that person's pages only", async () => {
    const company = await open(world.tokens.company);
    const secondTab = await open(world.tokens.company);
    const school = await open(world.tokens.school);
    const before = company.counts.at(-1)!;
    const schoolCounts = school.counts.length;

    await notifyOf('company');
    const response = await post({ userIds: [world.userIds.company] });
    expect(response.status).toBe(202);
    await waitFor('the new count in both tabs', () =>
      [company, secondTab].every((tab) => tab.counts.at(-1) === before + 1),
    );

    await notifications.markRead(world.db.sql, { userId: world.userIds.company, now: new Date() });
    await post({ userIds: [world.userIds.company] });
    await waitFor('the count back to zero', () => company.counts.at(-1) === 0);
    // Nothing was sent to another person's page.
    expect(school.counts.length).toBe(schoolCounts);
  });

  it('refuses a notify request without the token or with a bad body, and sends nothing', async () => {
    const company = await open(world.tokens.company);
    const received = company.counts.length;
    await notifyOf('company');
    expect((await post({ userIds: [world.userIds.company] }, 'Bearer wrong-token')).status).toBe(401);
    expect((await post({ userIds: [world.userIds.company] }, '')).status).toBe(401);
    expect((await post({ userIds: ['not-a-uuid'] })).status).toBe(400);
    expect((await post({ userIds: [] })).status).toBe(400);
    expect((await post('{"userIds": [')).status).toBe(400);
    // A server started without a token has no such endpoint at all.
    expect((await post({ userIds: [world.userIds.company] }, `Bearer ${TOKEN}`, bare.port)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(company.counts.length).toBe(received);
  });

  it('counts the personal and the workshop sockets apart in /metrics', async () => {
    const gauge = async (namespace: string) => {
      const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => l.startsWith(`atelier_socketio_connections{namespace="${namespace}"}`));
      return Number(line?.split(' ')[1] ?? 0);
    };
    const [me, workshop] = [await gauge('/me'), await gauge('/workshop')];
    const page = await open(world.tokens.company);
    const room = workshopSocket({ port: server.port, workshopId: world.liveId, token: world.tokens.company });
    await new Promise<void>((resolve) => room.once('connect', () => resolve()));
    expect([await gauge('/me'), await gauge('/workshop')]).toEqual([me + 1, workshop + 1]);
    page.socket.disconnect();
    room.disconnect();
    await waitFor('both sockets to be counted out', async () => (await gauge('/me')) === me);
    expect(await gauge('/workshop')).toBe(workshop);
  });

  it('ends the socket of a session signed out elsewhere at the next re-check', async () => {
    const token = await world.newToken('observer');
    const observer = await open(token);
    const [session]: [{ id: string }?] = await world.db.sql`
      select id from sessions where user_id = ${world.userIds.observer} order by created_at desc limit 1`;
    await sessions.invalidate(world.db.sql, { sessionId: session!.id });
    await server.recheckSessions();
    await waitFor('the end of the session', () => observer.ended.length > 0 && !observer.socket.connected);
    expect(observer.ended).toEqual([4401]);
  });
});
