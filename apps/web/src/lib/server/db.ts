import { createDb, type Db } from '@atelier/db';
import { getConfig } from './config.ts';

let db: Promise<Db> | undefined;

/** The web app's connection pool, opened on first use. */
export function getDb(): Promise<Db> {
  const config = getConfig();
  db ??= createDb({ url: config.DATABASE_URL, dataDir: config.ATELIER_DATA_DIR, max: 5 });
  return db;
}

export async function closeDb(): Promise<void> {
  const open = db;
  db = undefined;
  await (await open)?.close();
}
