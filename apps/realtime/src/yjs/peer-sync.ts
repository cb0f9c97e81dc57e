import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/**
 * What instances exchange to find and repair a gap between their copies of a room: the
 * state vector (which changes each has) and a digest of the whole state (state vector and
 * delete set), because a lost deletion changes no state vector.
 */
export interface PeerState {
  digest: Uint8Array;
  /** The encoded state vector. */
  vector: Uint8Array;
}

const DIGEST_BYTES = 8;

/** A digest of a document's state: equal digests, equal documents. */
function digestOf(doc: Y.Doc): Uint8Array {
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  return new Uint8Array(createHash('sha256').update(snapshot).digest().subarray(0, DIGEST_BYTES));
}

/** The payload of a `query` or `sync` fan-out message: digest, then the state vector. */
export function encodePeerState(doc: Y.Doc): Uint8Array {
  const vector = Y.encodeStateVector(doc);
  const payload = new Uint8Array(DIGEST_BYTES + vector.length);
  payload.set(digestOf(doc));
  payload.set(vector, DIGEST_BYTES);
  return payload;
}

/** Reads a `query` or `sync` payload; throws on a malformed one. */
export function decodePeerState(payload: Uint8Array): PeerState {
  if (payload.length < DIGEST_BYTES + 1) throw new Error('peer state too short');
  const vector = payload.subarray(DIGEST_BYTES);
  Y.decodeStateVector(vector);
  return { digest: payload.subarray(0, DIGEST_BYTES), vector };
}

/**
 * Whether a peer's copy differs from this document. When it does, each side sends the other
 * what the other's state vector lacks, with its whole delete set (a Yjs diff carries it), so
 * deletions are repaired too.
 */
export function differs(doc: Y.Doc, peer: PeerState): boolean {
  return !Buffer.from(digestOf(doc)).equals(Buffer.from(peer.digest));
}

/** What a peer with this state vector lacks of the document, with the document's whole delete set. */
export function diffFor(doc: Y.Doc, peer: PeerState): Uint8Array {
  return Y.encodeStateAsUpdate(doc, peer.vector);
}
