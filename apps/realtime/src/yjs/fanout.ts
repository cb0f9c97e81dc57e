import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createClient } from 'redis';

/**
 * What one instance tells the others about a room: a stored Yjs update, an awareness
 * update, or its state (digest and state vector, see peer-sync.ts): a `query` (after
 * loading, after a lost connection to Redis, periodically after changes) is answered with
 * the updates the asker lacks and with the answerer's own state as a `sync`, which is
 * answered with updates only.
 */
export interface FanoutMessage {
  kind: 'update' | 'awareness' | 'query' | 'sync';
  payload: Uint8Array;
}

/** Fan-out of Yjs rooms between instances, one channel per room. */
export interface Fanout {
  join(room: string, handler: (message: FanoutMessage) => void): Promise<void>;
  leave(room: string): Promise<void>;
  publish(room: string, message: FanoutMessage): void;
  /** Instance-wide messages, not tied to a room (today: session revocations). */
  listen(topic: ControlTopic, handler: (payload: Uint8Array) => void): Promise<void>;
  /** Publishes an instance-wide message; resolves once Redis has taken it. */
  announce(topic: ControlTopic, payload: Uint8Array): Promise<void>;
  /** Whether messages are being received now (the subscriber is connected and subscribed). */
  connected(): boolean;
  /** Runs after the subscriber came back from a lost connection, subscriptions restored: messages may have been missed. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

export type ControlTopic = 'revoke';

const KINDS = ['update', 'awareness', 'query', 'sync'] as const;
const ID_BYTES = 8;

/**
 * Fan-out through Redis pub/sub: channel `atelier:yjs:<room>`; each message is
 * one byte of kind, this instance's 8-byte id (so it ignores its own), the payload.
 */
export async function createRedisFanout(options: { url: string; log: Logger }): Promise<Fanout> {
  const instanceId = randomBytes(ID_BYTES);
  const publisher = createClient({ url: options.url });
  publisher.on('error', (error: Error) => options.log.error({ err: error }, 'redis publisher error'));
  const subscriber = publisher.duplicate();
  subscriber.on('error', (error: Error) => options.log.error({ err: error }, 'redis subscriber error'));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  // node-redis subscribes again before it says 'ready' after a reconnection.
  const reconnected: (() => void)[] = [];
  let lost = false;
  subscriber.on('reconnecting', () => (lost = true));
  subscriber.on('end', () => (lost = true));
  subscriber.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.log.warn('redis subscriber reconnected; re-syncing rooms');
    for (const handler of reconnected) handler();
  });
  const channel = (room: string) => `atelier:yjs:${room}`;
  return {
    async join(room, handler) {
      await subscriber.subscribe(
        channel(room),
        (raw: Buffer) => {
          if (raw.length < 1 + ID_BYTES || instanceId.equals(raw.subarray(1, 1 + ID_BYTES))) return;
          const kind = KINDS[raw[0] ?? 255];
          if (!kind) return;
          handler({ kind, payload: new Uint8Array(raw.subarray(1 + ID_BYTES)) });
        },
        true,
      );
    },
    async leave(room) {
      await subscriber.unsubscribe(channel(room));
    },
    publish(room, message) {
      const raw = Buffer.concat([Buffer.from([KINDS.indexOf(message.kind)]), instanceId, message.payload]);
      publisher.publish(channel(room), raw).catch((error: unknown) => {
        options.log.error({ err: error, room }, 'redis publish failed');
      });
    },
    async listen(topic, handler) {
      await subscriber.subscribe(
        `atelier:control:${topic}`,
        (raw: Buffer) => {
          if (raw.length < ID_BYTES || instanceId.equals(raw.subarray(0, ID_BYTES))) return;
          handler(new Uint8Array(raw.subarray(ID_BYTES)));
        },
        true,
      );
    },
    async announce(topic, payload) {
      await publisher.publish(`atelier:control:${topic}`, Buffer.concat([instanceId, payload]));
    },
    connected: () => subscriber.isReady && !lost,
    onReconnect(handler) {
      reconnected.push(handler);
    },
    async close() {
      reconnected.length = 0;
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
