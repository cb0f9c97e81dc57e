import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDb,
  DbConnectionError,
  findRunningEmbedded,
  redactUrl,
  type CreateDbOptions,
  type Db,
} from '../src/index.ts';

describe('createDb: clear errors, never the password', () => {
  it('names an unreachable server without printing its password', async () => {
    const error = await createDb({ url: 'postgres://alice:s3cret@127.0.0.1:1/atelier' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DbConnectionError);
    expect((error as Error).message).toMatch(
      /Cannot connect to the database at postgres:\/\/alice:\*\*\*@127\.0\.0\.1:1/,
    );
    expect((error as Error).message).toContain('connection refused');
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('redacts the password of a URL it shows', () => {
    expect(redactUrl('postgres://alice:s3cret@db.example:5432/atelier')).toBe(
      'postgres://alice:***@db.example:5432/atelier',
    );
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('names a database that does not exist', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = '/atelier_no_such_database';
    await expect(createDb({ url: url.toString() })).rejects.toThrow(/the database does not exist/);
  });
});

describe('the embedded database', () => {
  const scratchDirs: string[] = [];
  const opened: Db[] = [];

  /** A data folder in the system's temporary one, removed after the test. */
  function scratchDataDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'atelier-db-'));
    scratchDirs.push(dir);
    return path.join(dir, 'pglite');
  }

  /** Opens a database that is closed after the test even when the test fails before closing it. */
  async function open(options: CreateDbOptions): Promise<Db> {
    const db = await createDb(options);
    opened.push(db);
    return db;
  }

  // A failed test leaves its databases open, and PGlite still writes to its folder until closed:
  // close them (again, which is harmless), last opened first, and only then remove the folders.
  afterEach(async () => {
    for (const db of opened.splice(0).reverse()) await db.close();
    for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data across a close and a reopen', async () => {
    const dataDir = scratchDataDir();
    const first = await open({ dataDir, env: {} });
    await first.sql`create table kept (value text)`;
    await first.sql`insert into kept values ('Thionville')`;
    await first.close();
    expect(findRunningEmbedded(dataDir)).toBeUndefined();

    const second = await open({ dataDir, env: {} });
    const rows = await second.sql<{ value: string }[]>`select value from kept`;
    expect(rows.map((r) => r.value)).toEqual(['Thionville']);
    await second.close();
  });

  it('lets a second client share the database a first one opened, with transactions on both', async () => {
    const dataDir = scratchDataDir();
    const owner = await open({ dataDir, env: {} });
    expect(findRunningEmbedded(dataDir)).toBeUndefined(); // our own process does not count as "another"
    const guest = await open({ url: owner.url });
    await owner.sql`create table counter (n int)`;
    await owner.sql.begin(async (tx) => {
      await tx`insert into counter values (1)`;
    });
    await guest.sql.begin(async (tx) => {
      await tx`insert into counter values (2)`;
    });
    await expect(
      guest.sql.begin(async (tx) => {
        await tx`insert into counter values (3)`;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [row] = await owner.sql<{ total: number }[]>`select sum(n)::int as total from counter`;
    expect(row?.total).toBe(3);
    await guest.close();
    await owner.close();
  });
});
