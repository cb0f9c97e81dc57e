// Merges an accepted contribution's entries into a workshop's live content document, as
// the accepting facilitator: the web server connects to the realtime server like a
// browser would (y-websocket, the facilitator's session cookie), so the realtime server
// applies the same write rules, persists the update and fans it out to every room.
import { SESSION_COOKIE } from '@atelier/db';
import {
  comments,
  needs,
  roomName,
  trainingOffers,
  withMergedContribution,
  type MergeEntries,
} from '@atelier/domain';
import WebSocket from 'ws';
import * as authProtocol from 'y-protocols/auth';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export class MergeError extends Error {
  override name = 'MergeError';
}

/** A `ws` WebSocket that sends the facilitator's session cookie, as their browser does. */
function cookieWebSocket(token: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

interface Connection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Why the server refused this person's writes (a read-only seat), once it said so. */
  denied: string | undefined;
}

function open(options: { url: string; room: string; token: string }): Connection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(options.url, options.room, doc, {
    WebSocketPolyfill: cookieWebSocket(options.token),
    disableBc: true,
    maxBackoffTime: 500,
  });
  const connection: Connection = { doc, provider, denied: undefined };
  // The stock handler only logs a refusal: record it, so that a refused merge fails at once.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      connection.denied = reason;
    });
  return connection;
}

/** Resolves once the provider synced; rejects when the server closes it with a refusal or on timeout. */
function synced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new MergeError('the realtime server did not sync in time')),
      timeoutMs,
    );
    const onSync = (state: boolean) => state && done();
    const onClose = (event: { code?: number } | null) => {
      if ((event?.code ?? 0) >= 4000) done(new MergeError(`the realtime server refused (${event?.code})`));
    };
    function done(error?: Error) {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      if (error) reject(error);
      else resolve();
    }
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
  });
}

function ids(entries: MergeEntries): string[] {
  return [
    ...[...entries.needs, ...entries.comments, ...entries.trainingOffers].map((entry) => entry.id),
    ...(entries.needMerges ?? []).map((merge) => merge.merged.entryId),
  ];
}

function present(doc: Y.Doc, entries: MergeEntries): boolean {
  return (
    entries.needs.every((entry) => needs.find(doc, entry.id) !== undefined) &&
    entries.comments.every((entry) => comments.find(doc, entry.id) !== undefined) &&
    entries.trainingOffers.every((entry) => trainingOffers.find(doc, entry.id) !== undefined) &&
    (entries.needMerges ?? []).every((merge) =>
      needs
        .find(doc, merge.needId)
        ?.mergedContributions?.some((merged) => merged.entryId === merge.merged.entryId),
    )
  );
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/**
 * Adds a contribution's entries to `<workshopId>/content` in one Yjs transaction, then
 * reads them back through a second, fresh connection before returning. Entries whose id
 * is already in the document are skipped, so a retried merge adds nothing twice.
 *
 * @param options.sessionToken - the accepting facilitator's session (the server checks their seat)
 * @returns how many entries were added (0 when all were already there)
 * @throws MergeError when the server refuses, does not answer, or the entries are not read back
 */
export async function mergeIntoContent(options: {
  realtimePort: number;
  workshopId: string;
  sessionToken: string;
  entries: MergeEntries;
  timeoutMs?: number;
}): Promise<{ added: number }> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = `ws://127.0.0.1:${options.realtimePort}/yjs`;
  const room = roomName(options.workshopId, 'content');
  const { entries } = options;
  if (ids(entries).length === 0) return { added: 0 };
  const writer = open({ url, room, token: options.sessionToken });
  let reader: Connection | undefined;
  try {
    await synced(writer.provider, timeoutMs);
    if (writer.denied) throw new MergeError(`the realtime server refused: ${writer.denied}`);
    const doc = writer.doc;
    // A need to merge into that is gone (deleted since the page showed it): nothing is merged,
    // the contribution goes back to the queue.
    for (const merge of entries.needMerges ?? []) {
      if (!needs.find(doc, merge.needId)) throw new MergeError('a need to merge into is no longer there');
    }
    let added = 0;
    doc.transact(() => {
      for (const merge of entries.needMerges ?? []) {
        const need = needs.find(doc, merge.needId);
        if (!need || need.mergedContributions?.some((m) => m.entryId === merge.merged.entryId)) continue;
        needs.update(doc, merge.needId, {
          mergedContributions: withMergedContribution(need, merge.merged),
          updatedAt: merge.merged.mergedAt,
          updatedBy: merge.merged.mergedBy,
        });
        added += 1;
      }
      for (const entry of entries.needs) {
        if (needs.find(doc, entry.id)) continue;
        needs.add(doc, entry);
        added += 1;
      }
      for (const entry of entries.comments) {
        if (comments.find(doc, entry.id)) continue;
        comments.add(doc, entry);
        added += 1;
      }
      for (const entry of entries.trainingOffers) {
        if (trainingOffers.find(doc, entry.id)) continue;
        trainingOffers.add(doc, entry);
        added += 1;
      }
    });
    reader = open({ url, room, token: options.sessionToken });
    await synced(reader.provider, timeoutMs);
    const readDoc = reader.doc;
    const back = await until(() => writer.denied !== undefined || present(readDoc, entries), timeoutMs);
    if (!back || writer.denied) {
      throw new MergeError('the merged entries were not read back from the realtime server');
    }
    return { added };
  } finally {
    writer.provider.destroy();
    writer.doc.destroy();
    reader?.provider.destroy();
    reader?.doc.destroy();
  }
}
