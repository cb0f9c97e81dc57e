import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Sql } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

async function describeSchema(sql: Sql) {
  const columns = await sql`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`;
  const constraints = await sql`
    select tc.table_name, tc.constraint_type, tc.constraint_name,
           coalesce(cc.check_clause, '') as check_clause
    from information_schema.table_constraints tc
    left join information_schema.check_constraints cc
      on cc.constraint_name = tc.constraint_name and cc.constraint_schema = tc.constraint_schema
    where tc.table_schema = 'public' and tc.constraint_name not like '%_not_null'
    order by tc.table_name, tc.constraint_name`;
  const indexes = await sql`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`;
  return {
    columns,
    constraints: constraints.map((c) => ({ ...c, checkClause: unwrap(String(c.checkClause)) })),
    indexes,
  };
}

/**
 * PostgreSQL 15 wraps a stored CHECK clause in one more pair of parentheses than
 * PGlite's PostgreSQL 17; the expression inside is the same.
 */
function unwrap(clause: string): string {
  let text = clause;
  while (text.startsWith('(') && closingOf(text) === text.length - 1) text = text.slice(1, -1);
  return text;
}

function closingOf(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

const [pglite, server] = testBackends();

describe.skipIf(server?.unavailable)('the same migrations give the same schema', () => {
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    [a, b] = await Promise.all([pglite!.open(), server!.open()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('on PGlite and on PostgreSQL: tables, columns, types, constraints and indexes', async () => {
    const [left, right] = await Promise.all([describeSchema(a.sql), describeSchema(b.sql)]);
    expect(left.columns.length).toBeGreaterThan(50);
    expect(left.columns).toEqual(right.columns);
    expect(left.constraints).toEqual(right.constraints);
    expect(left.indexes).toEqual(right.indexes);
  });
});
