// A document this person may not write (content for an observer, facilitation for everyone
// but facilitators) is only read: its provider sends the server nothing of the document.
// Without this, the stock provider forwards every local change (among them the copy that
// y-indexeddb loads when the room opens) and answers the server's sync step 1 with whatever
// the browser holds that the server lacks; the server refuses both ("read-only").
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** y-protocols message types: the sync message, and its step 1 (a state vector). */
const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

/** The part of lib0's decoder the provider hands its handlers that is read here. */
interface Decoder {
  arr: Uint8Array;
  pos: number;
}

/**
 * Makes a provider read-only: no local update is sent, and the server's sync step 1 is
 * answered with an empty update (the server counts an answer; an empty one writes nothing).
 *
 * @example if (!rights.writeContent) readOnlyProvider(contentProvider)
 */
export function readOnlyProvider(provider: WebsocketProvider): void {
  provider.doc.off('update', provider._updateHandler);
  const handle = provider.messageHandlers[MESSAGE_SYNC];
  if (!handle) return;
  const nothing = { doc: new Y.Doc() };
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, from, emitSynced, type) => {
    const { arr, pos } = decoder as unknown as Decoder;
    // Step 1 asks for what this browser has beyond the server's state: answer from an empty
    // document. Step 2 and updates are the server's changes: read as usual.
    const asked = arr[pos] === SYNC_STEP_1;
    handle(
      encoder,
      decoder,
      asked ? (Object.assign(Object.create(from), nothing) as WebsocketProvider) : from,
      emitSynced,
      type,
    );
  };
}
