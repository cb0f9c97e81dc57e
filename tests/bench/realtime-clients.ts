// The load generator's clients and helpers, shared by the realtime benchmark's runs
// (realtime.ts: one instance against the stock server; realtime-faults.ts: two instances,
// one killed mid-run).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface Quantiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

/** utime + stime of a process in seconds, and its resident memory in bytes (Linux /proc). */
export function usage(pid: number): { cpu: number; rss: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpu: ticks / 100, rss: rssKb * 1024 };
}

export function quantiles(values: number[]): Quantiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? NaN),
    samples: sorted.length,
  };
}

function varUint(n: number): number[] {
  const bytes: number[] = [];
  while (n > 0x7f) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return bytes;
}

/** A y-websocket sync message: sync (0), `type` (1: step 2, 2: update), then the length-prefixed update. */
function syncMessage(type: 1 | 2, update: Uint8Array): Uint8Array {
  const length = varUint(update.length);
  const message = new Uint8Array(2 + length.length + update.length);
  message.set([0, type, ...length]);
  message.set(update, 2 + length.length);
  return message;
}

/** The person the benchmark edits as (the server's write rules want `createdBy` to be them). */
let benchUserId = 'bench';
export function setBenchUser(userId: string): void {
  benchUserId = userId;
}

export function idea(id: string): Y.Map<unknown> {
  return new Y.Map<unknown>(
    Object.entries({ id, text: `Idée ${id}`, createdBy: benchUserId, updatedAt: new Date().toISOString() }),
  );
}

/**
 * A raw editor: a bare WebSocket sending real Yjs updates from its own small document. It
 * answers the server's sync step 1 with what the server lacks of its document (as a
 * provider does), so that after a reconnection its edits made meanwhile reach the server.
 */
export class RawEditor {
  readonly doc = new Y.Doc();
  received = 0;
  private ws: WebSocket | undefined;
  private n = 0;
  private url = '';
  private cookie = '';
  private stopped = false;

  open(url: string, cookie: string, options: { reconnect?: boolean } = {}): Promise<void> {
    this.url = url;
    this.cookie = cookie;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false });
      this.ws = ws;
      let first = true;
      // Ready when the server speaks first (sync step 1): after authentication and loading.
      ws.on('message', (data: Buffer) => {
        this.received++;
        if (data[0] === 0 && data[1] === 0) this.answer(new Uint8Array(data));
        if (first) {
          first = false;
          resolve();
        }
      });
      ws.on('error', (error) => {
        if (first && !options.reconnect) reject(error);
      });
      ws.on('close', () => {
        if (!options.reconnect || this.stopped) return;
        setTimeout(() => void this.open(this.url, this.cookie, options).catch(() => {}), 300);
      });
    });
  }

  /** Answers sync step 1 (`0, 0, length, state vector`) with sync step 2. */
  private answer(message: Uint8Array): void {
    let offset = 2;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = message[offset++] ?? 0;
      length += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    const vector = message.subarray(offset, offset + length);
    this.ws?.send(syncMessage(1, Y.encodeStateAsUpdate(this.doc, vector)));
  }

  edit(): void {
    const updates: Uint8Array[] = [];
    const listener = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', listener);
    this.doc.getArray('ideas').push([idea(`${this.doc.clientID}-${this.n++}`)]);
    this.doc.off('update', listener);
    for (const update of updates)
      if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(syncMessage(2, update));
  }

  close(): void {
    this.stopped = true;
    this.ws?.terminate();
  }
}

/** A `ws` WebSocket sending the bench person's cookie, for the stock provider. */
export class CookieSocket extends WebSocket {
  static cookie = '';
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols, { headers: { cookie: CookieSocket.cookie }, perMessageDeflate: false });
  }
}
