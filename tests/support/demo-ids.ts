import { randomBytes, randomUUID } from 'node:crypto';
import { createDb, type Db } from '@atelier/db';
import { DEMO_WORKSHOPS } from './room.ts';
import type { WebRoute } from './routes.ts';

/**
 * A value for each route parameter of the web app, taken from the demo database: the live demo
 * workshop and what belongs to it (a call, a contribution, a saved version, an export), and an
 * organisation of its facilitator. What the demo does not hold gets a well-formed unknown id (its
 * page is then the 404 page), and so does a parameter the sweeps do not know yet: a new route is
 * still covered the day it is added.
 */
export interface DemoIds {
  /** The parameters of one route: a generic `[id]` is named by the folder before it. */
  paramsFor(route: WebRoute): Record<string, string>;
  /** Parameters that had no real row behind them. */
  unknown: string[];
  workshopId: string;
}

/** Opens the platform's own database (the embedded server the launcher hosts for `dataDir`). */
export function openPlatformDb(dataDir: string): Promise<Db> {
  return createDb({ dataDir, max: 1, env: {} });
}

// An invitation token's alphabet and length (invitations.isTokenShaped); the database keeps hashes only.
const tokenShaped = () =>
  Array.from(randomBytes(32), (byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('');

export async function demoIds(db: Db): Promise<DemoIds> {
  const sql = db.sql;
  const [live] = await sql<{ id: string }[]>`select id from workshops where title = ${DEMO_WORKSHOPS.live}`;
  if (!live) throw new Error('the live demo workshop is missing: is the database seeded?');
  const first = async (rows: Promise<{ id: string }[]>) => (await rows)[0]?.id;
  const found: Record<string, string | undefined> = {
    workshops: live.id,
    organisations: await first(
      sql`select organisation_id as id from workshop_members where workshop_id = ${live.id} and role = 'facilitator' limit 1`,
    ),
    callId: await first(sql`select id from calls where workshop_id = ${live.id} order by created_at limit 1`),
    contributionId: await first(
      sql`select id from contributions where workshop_id = ${live.id} order by created_at limit 1`,
    ),
    versionId: await first(
      sql`select id from document_versions where workshop_id = ${live.id} order by created_at limit 1`,
    ),
    exportId: await first(
      sql`select id from exports where workshop_id = ${live.id} order by created_at limit 1`,
    ),
  };
  const unknown = Object.entries(found)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  const values = new Map(Object.entries(found).map(([name, value]) => [name, value ?? randomUUID()]));
  values.set('token', tokenShaped());
  unknown.push('token');
  const valueOf = (key: string) => {
    if (!values.has(key)) values.set(key, randomUUID());
    return values.get(key)!;
  };
  return {
    workshopId: live.id,
    unknown,
    paramsFor(route) {
      const segments = route.pattern.split('/');
      return Object.fromEntries(
        route.params.map((name) => {
          const at = segments.findIndex((segment) => segment.includes(`[${name}]`));
          return [name, valueOf(name === 'id' ? (segments[at - 1] ?? name) : name)];
        }),
      );
    },
  };
}
