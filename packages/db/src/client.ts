import postgres from 'postgres';
import { defaultDataDir } from './paths.ts';
import { findRunningEmbedded, openEmbedded, type EmbeddedServer } from './embedded.ts';
import { DbConnectionError } from './errors.ts';

export type Sql = postgres.Sql;
/** A client or an open transaction: what repository functions accept. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export interface Db {
  /** The postgres.js client: tagged templates only. Columns come back in camelCase. */
  sql: Sql;
  /** `postgres` for a server given by URL, `embedded` for PGlite. */
  kind: 'postgres' | 'embedded';
  /** The URL other processes can use to reach the same database. */
  url: string;
  /** Closes the connections, and the embedded database when this process opened it. */
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL URL; defaults to DATABASE_URL. Without one, the embedded database is used. */
  url?: string;
  /** The embedded database folder (`memory` for a throwaway one); defaults to ATELIER_DATA_DIR. */
  dataDir?: string;
  /** Pool size of this process. */
  max?: number;
  env?: Record<string, string | undefined>;
}

/**
 * Connects to the platform's database: the PostgreSQL server of DATABASE_URL, or
 * else the embedded PGlite database, reached through the same client.
 *
 * Fails with a {@link DbConnectionError} naming the problem (never the password)
 * when the server can't be reached.
 *
 * @example
 * const db = await createDb();
 * const [row] = await db.sql`select 1 as one`;
 * await db.close();
 */
export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const env = options.env ?? process.env;
  const url = options.url ?? env.DATABASE_URL;
  if (url) return connect({ url, kind: 'postgres', max: options.max ?? 10 });

  const dataDir = options.dataDir ?? defaultDataDir(env);
  const running = dataDir === 'memory' ? undefined : findRunningEmbedded(dataDir);
  if (running) return connect({ url: running, kind: 'embedded', max: options.max ?? 4 });

  const server = await openEmbedded({ dataDir });
  try {
    return await connect({ url: server.url, kind: 'embedded', max: options.max ?? 4, server });
  } catch (error) {
    await server.close();
    throw error;
  }
}

async function connect(options: {
  url: string;
  kind: Db['kind'];
  max: number;
  server?: EmbeddedServer;
}): Promise<Db> {
  let sql: Sql;
  try {
    sql = postgres(options.url, {
      max: options.max,
      onnotice: () => {},
      connect_timeout: 10,
      transform: postgres.camel,
      connection: { application_name: 'atelier' },
    });
  } catch (error) {
    throw new DbConnectionError(`Invalid DATABASE_URL: ${describe(error)}`);
  }
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new DbConnectionError(
      `Cannot connect to the database at ${redactUrl(options.url)}: ${describe(error)}`,
    );
  }
  return {
    sql,
    kind: options.kind,
    url: options.url,
    async close() {
      await sql.end({ timeout: 5 });
      await options.server?.close();
    },
  };
}

function describe(error: unknown): string {
  const err = error as { code?: string; message?: string };
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running, and is the port right?)';
    case 'ENOTFOUND':
      return 'unknown host';
    case 'CONNECT_TIMEOUT':
      return 'no answer within 10 s';
    case '28P01':
      return 'wrong password';
    case '28000':
      return 'authentication rejected';
    case '3D000':
      return 'the database does not exist';
    default:
      return err.message ?? String(error);
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
