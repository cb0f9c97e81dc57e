import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedDbError } from './errors.ts';

/** Connections the embedded server accepts; every client pool together must stay below it. */
export const EMBEDDED_MAX_CONNECTIONS = 40;

export interface EmbeddedServer {
  /** A postgres:// URL on the loopback interface. */
  url: string;
  /** Where the files are, or `memory` for a throwaway database. */
  dataDir: string;
  close(): Promise<void>;
}

interface ServerFile {
  pid: number;
  url: string;
}

/**
 * Opens the embedded PGlite database and serves it over the PostgreSQL wire
 * protocol on a loopback port, so that every process of the platform talks to it
 * with the same `postgres` client it uses for a real server.
 *
 * A data folder can be opened by one process only. That process records its
 * URL beside the folder; another process of the platform finds it there and
 * connects to the same server instead of opening the files a second time.
 *
 * @param options.dataDir - the folder of the database files, or `memory` for a throwaway one
 * @param options.port - the loopback port, 0 to let the system choose
 */
export async function openEmbedded(options: { dataDir: string; port?: number }): Promise<EmbeddedServer> {
  const memory = options.dataDir === 'memory';
  const serverFile = memory ? undefined : `${options.dataDir}.server.json`;
  if (!memory) mkdirSync(path.dirname(options.dataDir), { recursive: true });

  let db: PGlite;
  try {
    db = await PGlite.create(memory ? undefined : options.dataDir);
  } catch (error) {
    throw new EmbeddedDbError(
      `Could not open the embedded database in ${options.dataDir}: ${(error as Error).message}`,
    );
  }
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new EmbeddedDbError(
      `Could not serve the embedded database on 127.0.0.1:${options.port ?? 0}: ${(error as Error).message}`,
    );
  }
  const url = `postgres://postgres:embedded@${server.getServerConn()}/postgres`;
  if (serverFile) {
    const record: ServerFile = { pid: process.pid, url };
    writeFileSync(serverFile, JSON.stringify(record));
  }

  let closed = false;
  return {
    url,
    dataDir: options.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
      if (serverFile) rmSync(serverFile, { force: true });
    },
  };
}

/**
 * The URL of the embedded server another live process already serves for this
 * data folder, if any. A record left by a process that died is removed.
 */
export function findRunningEmbedded(dataDir: string): string | undefined {
  const serverFile = `${dataDir}.server.json`;
  let record: ServerFile;
  try {
    record = JSON.parse(readFileSync(serverFile, 'utf8')) as ServerFile;
  } catch {
    return undefined;
  }
  if (record.pid !== process.pid && isAlive(record.pid) && typeof record.url === 'string') {
    return record.url;
  }
  rmSync(serverFile, { force: true });
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
