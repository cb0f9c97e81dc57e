import { users, versions, type Db } from '@atelier/db';
import {
  applyMergeEntries,
  can,
  mergeEntriesPresent,
  restoreDocument,
  roomName,
  type Actor,
  type DocChangeRequest,
  type DocChangeResponse,
  type RoomKind,
  type WorkshopResource,
} from '@atelier/domain';
import * as Y from 'yjs';
import { standingIn, writerOf } from './auth/authenticate.ts';
import type { YjsEndpoint } from './yjs/endpoint.ts';
import type { UpdateVerdict } from './yjs/room.ts';

// The web server's channel for changing a workshop's documents: `POST INTERNAL_DOCS_APPLY_PATH`
// (the request's schema is shared with the web server in packages/domain). This service owns the
// documents: the change is made on the live room (loaded here if needed) like any edit — the
// document's schema and the actor's write rules, stored first, then sent to the connections here
// and published to the other instances.
export { INTERNAL_DOCS_APPLY_PATH, docChangeRequestSchema } from '@atelier/domain';
export type { DocChangeRequest, DocChangeResponse };

/** The HTTP status of each answer. */
export const DOC_CHANGE_HTTP_STATUS: Record<DocChangeResponse['status'], number> = {
  applied: 200,
  not_found: 404,
  forbidden: 403,
  target_gone: 409,
  not_empty: 409,
  invalid: 422,
  too_large: 413,
  unavailable: 503,
};

/** A state that Yjs could not read: nothing of it was applied. */
class MalformedStateError extends Error {
  override name = 'MalformedStateError';
}

function refusal(verdict: Exclude<UpdateVerdict, 'applied'>): DocChangeResponse {
  switch (verdict) {
    case 'forbidden':
      return { status: 'forbidden' };
    case 'too-large':
      return { status: 'too_large' };
    case 'invalid':
    case 'malformed':
      return { status: 'invalid' };
    case 'incomplete':
      // Built on the room's own state, a change never depends on what the room lacks.
      return { status: 'unavailable' };
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

const roomOf = (workshopId: string, kind: RoomKind) => ({
  workshopId,
  kind,
  name: roomName(workshopId, kind),
});

/**
 * Applies a change the web server asks for, in the name of its actor, whose standing in the
 * workshop is read again here (the request carries no verdict): merging a contribution takes
 * `workshop.moderate` and `workshop.writeContent` plus the content write rules of their seat;
 * a first state takes `workshop.update` and empty documents; restoring a saved version takes
 * `workshop.writeFacilitation` and `workshop.writeContent` (what saving one takes) and the content
 * write rules of their seat.
 *
 * @example const answer = await applyDocChange({ db, yjs, request }); res.status(DOC_CHANGE_HTTP_STATUS[answer.status])
 */
export async function applyDocChange(options: {
  db: Db;
  yjs: YjsEndpoint;
  request: DocChangeRequest;
}): Promise<DocChangeResponse> {
  const { db, yjs, request } = options;
  const user = await users.findById(db.sql, { id: request.actorId });
  if (!user) return { status: 'forbidden' };
  const standing = await standingIn({ db, user, workshopId: request.workshopId });
  if (!standing) return { status: 'not_found' };
  switch (request.kind) {
    case 'merge':
      return merge({ yjs, request, ...standing });
    case 'initial':
      return initial({ yjs, request, ...standing });
    case 'restore':
      return restore({ db, yjs, request, ...standing });
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}

async function merge(options: {
  yjs: YjsEndpoint;
  request: Extract<DocChangeRequest, { kind: 'merge' }>;
  actor: Actor;
  workshop: WorkshopResource;
}): Promise<DocChangeResponse> {
  const { yjs, request, actor, workshop } = options;
  if (!can(actor, 'workshop.moderate', workshop) || !can(actor, 'workshop.writeContent', workshop)) {
    return { status: 'forbidden' };
  }
  const { verdict, result, readBack } = await yjs.change({
    room: roomOf(request.workshopId, 'content'),
    writer: writerOf(actor.userId, workshop),
    build: (doc) => applyMergeEntries(doc, request.entries),
    after: (doc) => mergeEntriesPresent(doc, request.entries),
  });
  if (!result.ok) return { status: 'target_gone' };
  if (verdict !== 'applied') return refusal(verdict);
  if (!readBack) return { status: 'unavailable' };
  return { status: 'applied', added: result.added };
}

async function initial(options: {
  yjs: YjsEndpoint;
  request: Extract<DocChangeRequest, { kind: 'initial' }>;
  actor: Actor;
  workshop: WorkshopResource;
}): Promise<DocChangeResponse> {
  const { yjs, request, actor, workshop } = options;
  if (!can(actor, 'workshop.update', workshop)) return { status: 'forbidden' };
  // The facilitation document first: a content room holds it (its settings feed the write rules).
  for (const kind of ['facilitation', 'content'] as const) {
    const state = new Uint8Array(Buffer.from(request[kind], 'base64'));
    let outcome;
    try {
      outcome = await yjs.change({
        room: roomOf(request.workshopId, kind),
        build: (doc) => {
          if (doc.store.clients.size > 0) return false;
          try {
            Y.applyUpdate(doc, state);
          } catch {
            throw new MalformedStateError(`the ${kind} state is not a Yjs update`);
          }
          return true;
        },
      });
    } catch (error) {
      if (error instanceof MalformedStateError) return { status: 'invalid' };
      throw error;
    }
    if (!outcome.result) return { status: 'not_empty' };
    // A first state that depends on changes nobody has is not a whole document.
    if (outcome.verdict === 'incomplete') return { status: 'invalid' };
    if (outcome.verdict !== 'applied') return refusal(outcome.verdict);
  }
  return { status: 'applied', added: 0 };
}

async function restore(options: {
  db: Db;
  yjs: YjsEndpoint;
  request: Extract<DocChangeRequest, { kind: 'restore' }>;
  actor: Actor;
  workshop: WorkshopResource;
}): Promise<DocChangeResponse> {
  const { db, yjs, request, actor, workshop } = options;
  if (!can(actor, 'workshop.writeFacilitation', workshop) || !can(actor, 'workshop.writeContent', workshop)) {
    return { status: 'forbidden' };
  }
  const version = await versions.find(db.sql, { workshopId: request.workshopId, id: request.versionId });
  if (!version) return { status: 'not_found' };
  let changed = 0;
  const states = { facilitation: version.facilitationState, content: version.contentState };
  for (const kind of ['facilitation', 'content'] as const) {
    const outcome = await yjs.change({
      room: roomOf(request.workshopId, kind),
      writer: kind === 'content' ? writerOf(actor.userId, workshop) : undefined,
      build: (doc) => {
        const saved = new Y.Doc();
        try {
          Y.applyUpdate(saved, states[kind]);
          return restoreDocument({ doc, version: saved, kind });
        } finally {
          saved.destroy();
        }
      },
    });
    if (outcome.verdict !== 'applied') return refusal(outcome.verdict);
    changed += outcome.result;
  }
  return { status: 'applied', added: changed };
}
