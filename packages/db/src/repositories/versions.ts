import type { Queryable } from '../client.ts';

/** A saved version of a workshop's documents, as listed (without its states). */
export interface DocumentVersion {
  id: string;
  workshopId: string;
  name: string;
  /** The author's name today, or null once their account is deleted. */
  authorName: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** A saved version with the Yjs states of both documents (each one merged update). */
export interface DocumentVersionWithState extends DocumentVersion {
  contentState: Uint8Array;
  facilitationState: Uint8Array;
}

/**
 * Stores a named version of a workshop's two documents, each as one Yjs update
 * holding the whole state (e.g. `Y.mergeUpdates` of the stored log).
 *
 * @example await versions.create(sql, { workshopId, name: 'après la séance 1', contentState, facilitationState, createdBy, now })
 */
export async function create(
  sql: Queryable,
  options: {
    workshopId: string;
    name: string;
    contentState: Uint8Array;
    facilitationState: Uint8Array;
    createdBy: string | null;
    now: Date;
  },
): Promise<{ id: string }> {
  const [row]: [{ id: string }?] = await sql`
    insert into document_versions (workshop_id, name, content_state, facilitation_state, created_by, created_at)
    values (${options.workshopId}, ${options.name}, ${Buffer.from(options.contentState)},
            ${Buffer.from(options.facilitationState)}, ${options.createdBy}, ${options.now})
    returning id`;
  if (!row) throw new Error('document version insert returned no row');
  return row;
}

/** The versions of a workshop, newest first, with their author's name. */
export async function listForWorkshop(
  sql: Queryable,
  options: { workshopId: string },
): Promise<DocumentVersion[]> {
  return sql<DocumentVersion[]>`
    select v.id, v.workshop_id, v.name, u.display_name as author_name, v.created_by, v.created_at
    from document_versions v left join users u on u.id = v.created_by
    where v.workshop_id = ${options.workshopId}
    order by v.created_at desc, v.id`;
}

/** One version of a workshop with its states; undefined when the id is not one of this workshop's. */
export async function find(
  sql: Queryable,
  options: { workshopId: string; id: string },
): Promise<DocumentVersionWithState | undefined> {
  const [row]: [DocumentVersionWithState?] = await sql`
    select v.id, v.workshop_id, v.name, u.display_name as author_name, v.created_by, v.created_at,
           v.content_state, v.facilitation_state
    from document_versions v left join users u on u.id = v.created_by
    where v.workshop_id = ${options.workshopId} and v.id = ${options.id}`;
  return row;
}
