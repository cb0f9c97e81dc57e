import * as Y from 'yjs';
import type { Queryable, Sql } from '../client.ts';

/** What is stored of one Yjs document: its last snapshot and the updates not yet folded into it. */
export interface StoredDocument {
  snapshot: { seq: number; state: Uint8Array } | undefined;
  updates: { seq: number; update: Uint8Array }[];
}

/**
 * Appends updates to a document's log, numbered by the shared sequence; returns the
 * highest number given.
 */
export async function append(
  sql: Queryable,
  options: { docName: string; updates: Uint8Array[] },
): Promise<number> {
  if (options.updates.length === 0) return -1;
  const rows = options.updates.map((update) => ({ docName: options.docName, update: Buffer.from(update) }));
  const client = sql as Sql;
  const inserted = await client<{ seq: string }[]>`insert into yjs_updates ${client(rows)} returning seq`;
  return Math.max(...inserted.map((row) => Number(row.seq)));
}

/**
 * Reads a document: the newest snapshot and every update still in the log. Updates
 * are idempotent, so an update already folded into the snapshot may be applied again.
 */
export async function load(sql: Queryable, options: { docName: string }): Promise<StoredDocument> {
  const [snapshot]: [{ seq: string; state: Uint8Array }?] = await sql`
    select seq, state from yjs_snapshots where doc_name = ${options.docName}
    order by seq desc limit 1`;
  const updates = await sql<{ seq: string; update: Uint8Array }[]>`
    select seq, update from yjs_updates where doc_name = ${options.docName} order by seq`;
  return {
    snapshot: snapshot ? { seq: Number(snapshot.seq), state: snapshot.state } : undefined,
    updates: updates.map((row) => ({ seq: Number(row.seq), update: row.update })),
  };
}

/**
 * A document as stored (its snapshot and log) in a new Y.Doc, which the caller destroys: how
 * everything but the realtime service reads a workshop's documents (exports, versions,
 * moderation). Only the realtime service writes them; what it has accepted but not stored yet
 * (milliseconds) is missing.
 *
 * @example const doc = await yjsStore.readDocument(sql, { docName: roomName(workshopId, 'content') })
 */
export async function readDocument(sql: Queryable, options: { docName: string }): Promise<Y.Doc> {
  const stored = await load(sql, options);
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
    for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  });
  return doc;
}

/** Number of updates in a document's log. */
export async function logLength(sql: Queryable, options: { docName: string }): Promise<number> {
  const [row]: [{ count: number }?] = await sql`
    select count(*)::int as count from yjs_updates where doc_name = ${options.docName}`;
  return row?.count ?? 0;
}

/**
 * Folds a document's log into a new snapshot, in one transaction: the rows read are
 * merged (with `merge`, e.g. `Y.mergeUpdates`) into the previous snapshot, then
 * deleted by number, so that an update appended meanwhile by another instance stays
 * in the log. Older snapshots are removed.
 *
 * @returns how many log rows were folded
 */
export async function compact(
  sql: Sql,
  options: { docName: string; merge: (updates: Uint8Array[]) => Uint8Array },
): Promise<number> {
  return sql.begin(async (tx) => {
    const stored = await load(tx, options);
    if (stored.updates.length === 0) return 0;
    const parts = stored.snapshot ? [stored.snapshot.state] : [];
    const state = options.merge([...parts, ...stored.updates.map((row) => row.update)]);
    const seqs = stored.updates.map((row) => row.seq);
    const top = Math.max(...seqs, stored.snapshot?.seq ?? 0);
    await tx`
      insert into yjs_snapshots (doc_name, seq, state) values (${options.docName}, ${top}, ${Buffer.from(state)})
      on conflict (doc_name, seq) do update set state = excluded.state`;
    await tx`delete from yjs_updates where doc_name = ${options.docName} and seq = any(${seqs})`;
    await tx`delete from yjs_snapshots where doc_name = ${options.docName} and seq < ${top}`;
    return seqs.length;
  });
}

/**
 * Appends updates of several documents in one statement: what a server batching
 * every document's pending updates does once per flush.
 */
export async function appendMany(
  sql: Queryable,
  options: { rows: { docName: string; update: Uint8Array }[] },
): Promise<void> {
  if (options.rows.length === 0) return;
  const rows = options.rows.map((row) => ({ docName: row.docName, update: Buffer.from(row.update) }));
  const client = sql as Sql;
  await client`insert into yjs_updates ${client(rows)}`;
}
