import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type Db } from '../client.ts';
import { migrate } from '../migrate.ts';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Why the backend is not available here, when it is not. */
  unavailable?: string;
  /** A fresh, migrated, empty database; closing it drops it. */
  open(): Promise<Db>;
}

/**
 * The databases integration tests run against: embedded PGlite always, and the
 * PostgreSQL server of TEST_DATABASE_URL when it is set. Each `open()` gives a
 * database of its own, so test files can run in parallel.
 */
export function testBackends(env: Record<string, string | undefined> = process.env): TestBackend[] {
  const serverUrl = env.TEST_DATABASE_URL;
  return [
    {
      name: 'pglite',
      async open() {
        const db = await createDb({ dataDir: 'memory', env: {} });
        await migrate({ sql: db.sql });
        return db;
      },
    },
    {
      name: 'postgres',
      unavailable: serverUrl ? undefined : 'TEST_DATABASE_URL is not set',
      async open() {
        if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
        return openScratchDatabase(serverUrl);
      },
    },
  ];
}

/** Creates a throwaway database on a PostgreSQL server, migrated; closing drops it. */
export async function openScratchDatabase(
  serverUrl: string,
  options: { migrate?: boolean } = {},
): Promise<Db> {
  const name = `atelier_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ url: url.toString(), max: 4 });
  if (options.migrate !== false) await migrate({ sql: db.sql });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
