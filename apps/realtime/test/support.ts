import { seedDemo, sessions, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { AwarenessUser, ClientToServerEvents, Need, ServerToClientEvents } from '@atelier/domain';

process.setMaxListeners(200);

export type Person = 'facilitator' | 'company' | 'school' | 'observer' | 'admin' | 'outsider';

/** A migrated, seeded database with one session token per demo person (and one outsider). */
export interface World {
  db: Db;
  liveId: string;
  closedId: string;
  tokens: Record<Person, string>;
  userIds: Record<Person, string>;
  /** The organisation of each person's seat in the live workshop ('' without a seat). */
  seatOrganisationIds: Record<Person, string>;
  /** A new session for a person (e.g. to revoke it alone). */
  newToken(person: Person): Promise<string>;
}

const EMAILS: Record<Exclude<Person, 'outsider'>, string> = {
  facilitator: 'facilitator@atelier.example',
  company: 'company@atelier.example',
  school: 'school@atelier.example',
  observer: 'observer@atelier.example',
  admin: 'admin@atelier.example',
};

export async function openWorld(db?: Db): Promise<World> {
  db ??= await testBackends()[0]!.open();
  const sql = db.sql;
  await seedDemo({ sql, now: new Date() });
  const outsider = await users.create(sql, {
    email: `outsider-${Math.random().toString(36).slice(2)}@example.org`,
    displayName: 'Personne Extérieure',
    passwordHash: 'x',
  });
  const userIds = { outsider: outsider.id } as Record<Person, string>;
  for (const [person, email] of Object.entries(EMAILS)) {
    const [row]: [{ id: string }?] = await sql`select id from users where email = ${email}`;
    userIds[person as Person] = row!.id;
  }
  const [live]: [{ id: string }?] = await sql`select id from workshops where status = 'live'`;
  const [closed]: [{ id: string }?] = await sql`select id from workshops where status = 'closed'`;
  // Tests count what they write: the rooms start empty, without the demo's seeded content.
  await sql`delete from yjs_updates where doc_name like ${`${live!.id}/%`} or doc_name like ${`${closed!.id}/%`}`;
  await sql`delete from yjs_snapshots where doc_name like ${`${live!.id}/%`} or doc_name like ${`${closed!.id}/%`}`;
  const newToken = async (person: Person) => {
    const token = sessions.generateToken();
    await sessions.create(sql, { token, userId: userIds[person], now: new Date() });
    return token;
  };
  const tokens = {} as Record<Person, string>;
  const seatOrganisationIds = {} as Record<Person, string>;
  for (const person of Object.keys(userIds) as Person[]) {
    tokens[person] = await newToken(person);
    const [seat]: [{ organisationId: string }?] = await sql`
      select organisation_id from workshop_members
      where workshop_id = ${live!.id} and user_id = ${userIds[person]}`;
    seatOrganisationIds[person] = seat?.organisationId ?? '';
  }
  return { db, liveId: live!.id, closedId: closed!.id, tokens, userIds, seatOrganisationIds, newToken };
}

/** A `ws` WebSocket class that sends the session cookie (what a browser does). */
export function cookieWebSocket(token: string | undefined): unknown {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, token ? { headers: { cookie: `atelier_session=${token}` } } : {});
    }
  };
}

/** The stock y-websocket provider, as a browser would use it, with `ws` and no BroadcastChannel. */
export function connect(options: {
  port: number;
  room: string;
  doc: Y.Doc;
  token: string | undefined;
  connect?: boolean;
}): WebsocketProvider {
  return new WebsocketProvider(`ws://127.0.0.1:${options.port}/yjs`, options.room, options.doc, {
    WebSocketPolyfill: cookieWebSocket(options.token) as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  });
}

export type WorkshopSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client on the /workshop namespace, authenticated by cookie. */
export function workshopSocket(options: {
  port: number;
  workshopId: string;
  token?: string;
}): WorkshopSocket {
  return io(`http://127.0.0.1:${options.port}/workshop`, {
    auth: { workshopId: options.workshopId },
    extraHeaders: options.token ? { cookie: `atelier_session=${options.token}` } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the close event code of a provider's connection. */
export function nextClose(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => {
    provider.on('connection-close', (event) => resolve(event?.code ?? -1));
  });
}

/** Resolves when the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** A valid need written by a person for their seat's organisation (what the write rules accept from them). */
export function needBy(
  world: { seatOrganisationIds: Partial<Record<Person, string>>; userIds: Partial<Record<Person, string>> },
  person: Person,
  id: string,
): Need {
  return {
    id,
    organisationId: world.seatOrganisationIds[person] ?? '',
    romeCode: 'H2913',
    title: `Besoin ${id}`,
    skills: ['soudure', 'lecture de plans'],
    headcount: 2,
    horizonMonths: 12,
    communeCode: '57221',
    contract: 'apprenticeship',
    difficulty: 3,
    crossBorder: true,
    comment: '',
    createdBy: world.userIds[person] ?? '',
    updatedAt: '2026-11-26T08:00:00.000Z',
  };
}

/** A valid awareness `user` field for a person. */
export function awarenessUser(world: World, person: Person, name: string): AwarenessUser {
  return { id: world.userIds[person], name, color: '#336699' };
}
