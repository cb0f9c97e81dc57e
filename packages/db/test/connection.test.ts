import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb, DbConnectionError, findRunningEmbedded, redactUrl } from '../src/index.ts';

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
  it('keeps its data across a close and a reopen', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'atelier-db-')), 'pglite');
    const first = await createDb({ dataDir, env: {} });
    await first.sql`create table kept (value text)`;
    await first.sql`insert into kept values ('Thionville')`;
    await first.close();
    expect(findRunningEmbedded(dataDir)).toBeUndefined();

    const second = await createDb({ dataDir, env: {} });
    const rows = await second.sql<{ value: string }[]>`select value from kept`;
    expect(rows.map((r) => r.value)).toEqual(['Thionville']);
    await second.close();
  });

  it('lets a second client share the database a first one opened, with transactions on both', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'atelier-db-')), 'pglite');
    const owner = await createDb({ dataDir, env: {} });
    expect(findRunningEmbedded(dataDir)).toBeUndefined(); // our own process does not count as "another"
    const guest = await createDb({ url: owner.url });
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
