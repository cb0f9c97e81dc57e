import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { migrate, readMigrations, MigrationError, type Db } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Migration numbers relative to the files shipped, so that adding a migration keeps these tests meaningful. */
const shipped = readMigrations(migrationsDir).length;
const numbered = (offset: number) => String(shipped + offset).padStart(4, '0');

/** A scratch copy of the shipped migrations, removed when the current test ends, passed or failed. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-migrations-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe('migration files', () => {
  it('refuses a gap in the numbering, naming the file', () => {
    const dir = copyOfMigrations();
    writeFileSync(path.join(dir, `${numbered(2)}_later.sql`), 'select 1;');
    expect(() => readMigrations(dir)).toThrow(
      new RegExp(`${numbered(2)}_later\\.sql: expected number ${numbered(1)}`),
    );
  });

  it('refuses a badly named file', () => {
    const dir = copyOfMigrations();
    writeFileSync(path.join(dir, '2_oops.sql'), 'select 1;');
    expect(() => readMigrations(dir)).toThrow(MigrationError);
  });
});

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`migrations on ${backend.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('records every applied migration with its checksum, and a second run applies nothing', async () => {
      const rows = await db.sql<{ version: number; checksum: string }[]>`
        select version, checksum from schema_migrations order by version`;
      expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
      const again = await migrate({ sql: db.sql });
      expect(again.applied).toEqual([]);
    });

    it('refuses to go on when an applied migration was edited, naming the file', async () => {
      const dir = copyOfMigrations();
      writeFileSync(path.join(dir, '0001_initial.sql'), '-- edited\nselect 1;');
      await expect(migrate({ sql: db.sql, dir })).rejects.toThrow(/0001_initial\.sql was edited/);
    });

    it('applies a new migration and rolls back all pending ones when one fails', async () => {
      const dir = copyOfMigrations();
      writeFileSync(path.join(dir, `${numbered(1)}_extra.sql`), 'create table extra_ok (id int);');
      writeFileSync(path.join(dir, `${numbered(2)}_broken.sql`), 'create table broken (;');
      await expect(migrate({ sql: db.sql, dir })).rejects.toThrow(
        new RegExp(`${numbered(2)}_broken\\.sql failed`),
      );
      const [table] = await db.sql`select 1 from information_schema.tables where table_name = 'extra_ok'`;
      expect(table).toBeUndefined();
    });
  });
}

if (testBackends().some((b) => b.unavailable)) {
  describe('PostgreSQL server tests', () => {
    it('are skipped: set TEST_DATABASE_URL to run the suite against a real server too', () => {
      expect(process.env.TEST_DATABASE_URL).toBeUndefined();
    });
  });
}
