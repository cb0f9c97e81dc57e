/**
 * WebSocket close codes of the Yjs endpoint (and `connect_error` codes of the
 * Socket.IO namespace), in the 4000-4999 range reserved for applications.
 * Numbers follow HTTP where one fits, so that they read naturally in logs.
 */
export const CLOSE_CODES = {
  /** No session cookie, or the session expired or was revoked. */
  unauthenticated: { code: 4401, reason: 'Unauthenticated' },
  /** Signed in, but the workshop is not theirs to read. */
  forbidden: { code: 4403, reason: 'Forbidden' },
  /** No such workshop, or a room name that is not `<workshopId>/<content|facilitation>`. */
  unknownRoom: { code: 4404, reason: 'Unknown room' },
  /** A Yjs message that could not be decoded or applied; the document was left untouched. */
  malformedMessage: { code: 4400, reason: 'Malformed message' },
  /** A message above the frame size limit, or a document above its size limit. */
  messageTooLarge: { code: 4413, reason: 'Message too large' },
  /** Too many messages on this connection, or too many connections from this address. */
  tooManyMessages: { code: 4429, reason: 'Too many messages' },
  /** The document could not be loaded from storage; retry later. Never served empty. */
  storageUnavailable: { code: 4503, reason: 'Storage unavailable' },
  /** The server is shutting down; reconnect (to another instance). */
  goingAway: { code: 1001, reason: 'Server shutting down' },
} as const;

export type CloseCodeName = keyof typeof CLOSE_CODES;
export type CloseCode = (typeof CLOSE_CODES)[CloseCodeName]['code'];

/**
 * The name of a close code, for messages shown to people.
 *
 * @example closeCodeName(4403) // 'forbidden'
 */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CLOSE_CODES) as CloseCodeName[]).find((name) => CLOSE_CODES[name].code === code);
}

/** The message a read-only connection receives when it tries to write (y-protocols auth message). */
export const READ_ONLY_REASON = 'read-only: your role in this workshop does not allow editing this document';
