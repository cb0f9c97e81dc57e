// The realtime benchmark's fault run: two instances of our server on a private Redis, the
// same load as the main runs spread over both, and one instance killed with SIGKILL
// mid-run and restarted (its clients reconnect to it). A baseline run without the kill,
// in the same process, gives the ratios: edit-to-peer p99 (probes write on one instance
// and read on the other) and the time every probe client takes to hold the database's
// state once editing stops.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { yjsStore, type Db } from '@atelier/db';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  CookieSocket,
  RawEditor,
  freePort,
  idea,
  quantiles,
  waitReady,
  type Quantiles,
} from './realtime-clients.ts';

export interface FaultResult {
  run: 'baseline' | 'instance killed';
  clients: number;
  rooms: number;
  seconds: number;
  latencyMs: Quantiles;
  /** From the end of editing until every probe client held exactly the database's state. */
  convergeMs: number;
  /** From the kill until the restarted instance answered /readyz again. */
  downtimeMs?: number;
  editsPerSecond: number;
}

const PROBE_ROOMS = 4;
const PROBE_INTERVAL_MS = 100;

/** Whether the fault run can start its own Redis here. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
}

function startInstance(
  realtimeDir: string,
  port: number,
  databaseUrl: string,
  redisUrl: string,
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: realtimeDir,
    env: {
      PATH: process.env.PATH ?? '',
      REALTIME_PORT: String(port),
      REALTIME_HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'silent',
      // REALTIME_* variables of the benchmark's environment reach our server (to compare settings).
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('REALTIME_'))),
      REALTIME_MAX_CONNECTIONS_PER_IP_PER_MINUTE: '1000000',
      // One person plays every editor: the per-person budgets would cut the load generator.
      REALTIME_MAX_USER_WRITES_PER_MINUTE: '100000000',
      REALTIME_MAX_USER_WRITE_BYTES_PER_MINUTE: '100000000000',
    },
    stdio: 'ignore',
  });
}

async function storedVector(db: Db, room: string): Promise<Uint8Array> {
  const stored = await yjsStore.load(db.sql, { docName: room });
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  const vector = Y.encodeStateVector(doc);
  doc.destroy();
  return vector;
}

/** One run on two instances, with or without killing instance A a third into the measurement. */
export async function runTwoInstances(options: {
  fault: boolean;
  clients: number;
  seconds: number;
  perRoom: number;
  editIntervalMs: number;
  data: { cookie: string; workshopIds: string[] };
  db: Db;
  realtimeDir: string;
}): Promise<FaultResult> {
  const redisPort = await freePort();
  const redis = startRedis(redisPort);
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const ports = [await freePort(), await freePort()] as const;
  const children: ChildProcess[] = [];
  const start = async (port: number) => {
    const child = startInstance(options.realtimeDir, port, options.db.url, redisUrl);
    children.push(child);
    await waitReady(`http://127.0.0.1:${port}/readyz`, child);
    return child;
  };
  const editors: RawEditor[] = [];
  const probes: { writer: WebsocketProvider; reader: WebsocketProvider }[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [a] = await Promise.all(ports.map(start));
    const rooms = Math.max(1, Math.ceil(options.clients / options.perRoom));
    const roomOf = (i: number) => `${options.data.workshopIds[i % rooms]}/content`;
    for (let i = 0; i < options.clients; i += 50) {
      const batch = Array.from({ length: Math.min(50, options.clients - i) }, () => new RawEditor());
      await Promise.all(
        batch.map((editor, k) =>
          editor.open(`ws://127.0.0.1:${ports[(i + k) % 2]}/yjs/${roomOf(i + k)}`, options.data.cookie, {
            reconnect: true,
          }),
        ),
      );
      editors.push(...batch);
    }
    CookieSocket.cookie = options.data.cookie;
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    let measuring = false;
    const providerOptions = {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    };
    for (let r = 0; r < Math.min(PROBE_ROOMS, rooms); r++) {
      // Written on one instance, read on the other: latency across the fan-out.
      const writer = new WebsocketProvider(
        `ws://127.0.0.1:${ports[r % 2]}/yjs`,
        roomOf(r),
        new Y.Doc(),
        providerOptions,
      );
      const reader = new WebsocketProvider(
        `ws://127.0.0.1:${ports[(r + 1) % 2]}/yjs`,
        roomOf(r),
        new Y.Doc(),
        providerOptions,
      );
      reader.doc.getArray<Y.Map<unknown>>('ideas').observe((event) => {
        const now = performance.now();
        for (const item of event.changes.added) {
          for (const content of item.content.getContent()) {
            const id = content instanceof Y.Map ? String(content.get('id')) : '';
            const at = sentAt.get(id);
            if (at !== undefined) {
              if (measuring) latencies.push(now - at);
              sentAt.delete(id);
            }
          }
        }
      });
      probes.push({ writer, reader });
    }
    for (let i = 0; i < 600 && !probes.every((p) => p.writer.synced && p.reader.synced); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    let probeSeq = 0;
    const probeTimer = setInterval(() => {
      for (const probe of probes) {
        const id = `probe-${probeSeq++}`;
        sentAt.set(id, performance.now());
        probe.writer.doc.getArray('ideas').push([idea(id)]);
      }
    }, PROBE_INTERVAL_MS);
    let edits = 0;
    const editTimers = editors.map((editor, i) => {
      const first = setTimeout(() => {
        editor.edit();
        edits++;
        editTimers[i] = setInterval(() => {
          editor.edit();
          edits++;
        }, options.editIntervalMs);
      }, Math.random() * options.editIntervalMs);
      return first;
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    measuring = true;
    const editsBefore = edits;
    const started = performance.now();
    let downtimeMs: number | undefined;
    const fault = options.fault
      ? (async () => {
          await new Promise((resolve) => setTimeout(resolve, (options.seconds * 1000) / 3));
          const killedAt = performance.now();
          a!.kill('SIGKILL');
          await new Promise((resolve) => a!.once('exit', resolve));
          await new Promise((resolve) => setTimeout(resolve, 500));
          await start(ports[0]);
          downtimeMs = Math.round(performance.now() - killedAt);
        })()
      : Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
    await fault;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(probeTimer);
    for (const timer of editTimers) clearInterval(timer);
    // Editing stopped: how long until every probe client holds exactly what is stored?
    const stopped = performance.now();
    let convergeMs = NaN;
    while (performance.now() - stopped < 60_000) {
      let same = true;
      for (let r = 0; r < probes.length && same; r++) {
        const vector = Buffer.from(await storedVector(options.db, roomOf(r)));
        const probe = probes[r]!;
        same =
          vector.equals(Buffer.from(Y.encodeStateVector(probe.writer.doc))) &&
          vector.equals(Buffer.from(Y.encodeStateVector(probe.reader.doc)));
      }
      if (same) {
        convergeMs = Math.round(performance.now() - stopped);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    measuring = false;
    return {
      run: options.fault ? 'instance killed' : 'baseline',
      clients: options.clients,
      rooms,
      seconds: Math.round(seconds * 10) / 10,
      latencyMs: quantiles(latencies),
      convergeMs,
      downtimeMs,
      editsPerSecond: Math.round((edits - editsBefore) / seconds),
    };
  } finally {
    for (const probe of probes) {
      probe.writer.destroy();
      probe.reader.destroy();
    }
    for (const editor of editors) editor.close();
    for (const child of children) child.kill('SIGKILL');
    redis.kill('SIGKILL');
  }
}
