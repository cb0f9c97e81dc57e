// Saved versions of a workshop: built on the server from the stored Yjs log (never from
// what a browser sends), stored in document_versions, and compared with the state now.
import { audit, versions, yjsStore, type Sql } from '@atelier/db';
import { synthesisBlocks, synthesisOf, type SynthesisBlock } from '@atelier/domain';
import * as Y from 'yjs';
import { z } from 'zod';
import { requestDocChange } from '$lib/server/realtime-internal.ts';
import {
  diffEntries,
  entriesOf,
  VERSION_COLLECTIONS,
  type RowChange,
  type VersionCollection,
} from './diff.ts';

/** The name of a version, as the form sends it; messages are the error codes of `errorText`. */
export const versionFormSchema = z.object({
  name: z.string().trim().min(1, 'required').max(200, 'too_long'),
});

export const VERSION_FIELDS = ['name'] as const;

/** A document's whole stored state (snapshot and log) as a single update. */
async function storedState(sql: Sql, docName: string): Promise<Uint8Array> {
  const doc = await yjsStore.readDocument(sql, { docName });
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The content and facilitation documents of a workshop as stored now. */
export async function currentStates(
  sql: Sql,
  options: { workshopId: string },
): Promise<{ content: Uint8Array; facilitation: Uint8Array }> {
  const [content, facilitation] = await Promise.all([
    storedState(sql, `${options.workshopId}/content`),
    storedState(sql, `${options.workshopId}/facilitation`),
  ]);
  return { content, facilitation };
}

/**
 * Saves a named version of a workshop's documents as stored now, with an audit entry.
 * The caller checks the permission (`workshop.writeFacilitation`).
 */
export async function saveVersion(
  sql: Sql,
  options: { workshopId: string; name: string; actorId: string; now: Date },
): Promise<{ id: string }> {
  const states = await currentStates(sql, { workshopId: options.workshopId });
  return sql.begin(async (tx) => {
    const saved = await versions.create(tx, {
      workshopId: options.workshopId,
      name: options.name,
      contentState: states.content,
      facilitationState: states.facilitation,
      createdBy: options.actorId,
      now: options.now,
    });
    await audit.record(tx, {
      actorId: options.actorId,
      action: 'workshop.version.save',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: { versionId: saved.id },
      now: options.now,
    });
    return saved;
  });
}

/**
 * Restores a saved version: the realtime service, which owns the documents, makes it the state of
 * both live rooms (entry by entry, in the facilitator's name), stores it and sends it to everyone
 * connected; an audit entry follows. The caller checks the permission (`workshop.writeFacilitation`).
 *
 * @returns `restored`, `not_found` (no such version of this workshop) or `failed` (the realtime
 *   service refused or did not answer: nothing was restored)
 */
export async function restoreVersion(
  sql: Sql,
  options: { workshopId: string; versionId: string; actorId: string; now: Date },
): Promise<'restored' | 'not_found' | 'failed'> {
  const answer = await requestDocChange({
    request: {
      kind: 'restore',
      workshopId: options.workshopId,
      actorId: options.actorId,
      versionId: options.versionId,
    },
  }).catch(() => undefined);
  if (answer?.status === 'not_found') return 'not_found';
  if (answer?.status !== 'applied') return 'failed';
  await audit.record(sql, {
    actorId: options.actorId,
    action: 'workshop.version.restore',
    subjectType: 'workshop',
    subjectId: options.workshopId,
    details: { versionId: options.versionId, changed: answer.added },
    now: options.now,
  });
  return 'restored';
}

/** A saved version as its read-only page shows it: rows with their changes since, and the synthesis. */
export interface VersionView {
  id: string;
  name: string;
  authorName: string | null;
  createdAt: string;
  tables: Record<VersionCollection, RowChange[]>;
  synthesis: SynthesisBlock[];
  synthesisChanged: boolean;
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** A version of a workshop compared with the state now; undefined when there is no such version. */
export async function versionView(
  sql: Sql,
  options: { workshopId: string; versionId: string },
): Promise<VersionView | undefined> {
  const version = await versions.find(sql, { workshopId: options.workshopId, id: options.versionId });
  if (!version) return undefined;
  const then = docOf(version.contentState);
  const now = docOf((await currentStates(sql, { workshopId: options.workshopId })).content);
  try {
    const tables = Object.fromEntries(
      VERSION_COLLECTIONS.map((collection) => [
        collection,
        diffEntries({
          then: entriesOf({ doc: then, collection }),
          now: entriesOf({ doc: now, collection }),
        }),
      ]),
    ) as Record<VersionCollection, RowChange[]>;
    const synthesis = synthesisBlocks(synthesisOf(then));
    const synthesisNow = synthesisBlocks(synthesisOf(now));
    return {
      id: version.id,
      name: version.name,
      authorName: version.authorName,
      createdAt: version.createdAt.toISOString(),
      tables,
      synthesis,
      synthesisChanged: JSON.stringify(synthesis) !== JSON.stringify(synthesisNow),
    };
  } finally {
    then.destroy();
    now.destroy();
  }
}
