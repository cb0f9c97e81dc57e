import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from './client.ts';
import { MigrationError } from './errors.ts';

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const DEFAULT_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** An arbitrary constant shared by every process that migrates this database. */
const LOCK_KEY = 4_711_2026;

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
  sql: string;
}

/**
 * Reads the migration files of a folder, in order, refusing a gap in the
 * numbering or a file whose name is not `NNNN_name.sql`.
 */
export function readMigrations(dir: string = DEFAULT_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => !file.startsWith('.'))
    .sort();
  const migrations = files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) {
      throw new MigrationError(`Migration ${file}: the name must look like 0001_initial.sql`);
    }
    const text = readFileSync(path.join(dir, file), 'utf8');
    return {
      version: Number(match[1]),
      name: match[2] ?? '',
      file,
      checksum: createHash('sha256').update(text).digest('hex'),
      sql: text,
    };
  });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `Migration ${migration.file}: expected number ${String(index + 1).padStart(4, '0')} here; the numbering has a gap or a duplicate`,
      );
    }
  });
  return migrations;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every pending migration in one transaction and records each with
 * its checksum. Refuses to go on, naming the file, when an applied migration
 * was edited or is missing.
 *
 * @param options.sql - a postgres.js client
 * @param options.dir - the folder of migration files (defaults to this package's)
 */
export async function migrate(options: { sql: Sql; dir?: string }): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  return options.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`;
    const applied = await tx<{ version: number; name: string; checksum: string }[]>`
      select version, name, checksum from schema_migrations order by version`;
    for (const row of applied) {
      const migration = migrations[row.version - 1];
      const file = `${String(row.version).padStart(4, '0')}_${row.name}.sql`;
      if (!migration) {
        throw new MigrationError(`Migration ${file} was applied to this database but its file is missing`);
      }
      if (migration.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${migration.file} was edited after it was applied (checksum differs); add a new migration instead`,
        );
      }
    }
    const pending = migrations.slice(applied.length);
    for (const migration of pending) {
      try {
        await tx.unsafe(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.file} failed: ${(error as Error).message}`);
      }
      await tx`
        insert into schema_migrations (version, name, checksum)
        values (${migration.version}, ${migration.name}, ${migration.checksum})`;
    }
    return { applied: pending.map((m) => m.file), alreadyApplied: applied.length };
  });
}
