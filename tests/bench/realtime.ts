// `pnpm bench:realtime`: load test of the realtime server against the stock
// @y/websocket-server (no auth, no persistence) under the same load, in the same run.
// The servers run as separate processes; this process is the load generator: many raw
// WebSocket editors sending real Yjs updates, plus a few full providers measuring the
// edit-to-peer latency. Results go to bench-results/realtime.json and a table.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot, organisations, seedDemo, sessions, workshops, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  CookieSocket,
  RawEditor,
  freePort,
  idea,
  quantiles,
  setBenchUser,
  usage,
  waitReady,
} from './realtime-clients.ts';
import { redisServerAvailable, runTwoInstances, type FaultResult } from './realtime-faults.ts';

const root = findRepoRoot(fileURLToPath(import.meta.url));
// BENCH_REALTIME_DIR: another checkout of apps/realtime (with its node_modules), to compare versions.
const realtimeDir = process.env.BENCH_REALTIME_DIR ?? path.join(root, 'apps/realtime');
const CLIENTS = (process.env.BENCH_CLIENTS ?? '100,500,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PER_ROOM = Number(process.env.BENCH_PER_ROOM ?? 20);
const EDIT_INTERVAL_MS = Number(process.env.BENCH_EDIT_INTERVAL_MS ?? 4000);
const PROBE_ROOMS = 4;
const PROBE_INTERVAL_MS = 100;
/** Clients of the fault run (two instances, one killed mid-run) and its baseline; 0 skips them. */
const FAULT_CLIENTS = Number(process.env.BENCH_FAULT_CLIENTS ?? 200);

type Kind = 'atelier' | 'stock';

interface Result {
  server: Kind;
  clients: number;
  rooms: number;
  seconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; samples: number };
  editsPerSecond: number;
  deliveriesPerSecond: number;
  serverCpuPercent: number;
  serverRssMb: number;
  memoryPerConnectionKb: number;
  persistDelayMs?: { p50: number; p95: number; p99: number };
  /** 1-minute load average of the machine when the run started: other work skews the figures. */
  loadAverage: number;
}

function startServer(kind: Kind, port: number, databaseUrl: string): ChildProcess {
  if (kind === 'stock') {
    const script = path.join(realtimeDir, 'node_modules/@y/websocket-server/src/server.js');
    return spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port) },
      stdio: 'ignore',
    });
  }
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: realtimeDir,
    env: {
      PATH: process.env.PATH ?? '',
      REALTIME_PORT: String(port),
      REALTIME_HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
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

async function prepareData(db: Db, rooms: number): Promise<{ cookie: string; workshopIds: string[] }> {
  await seedDemo({ sql: db.sql, now: new Date() });
  const [user]: [{ id: string }?] =
    await db.sql`select id from users where email = 'company@atelier.example'`;
  setBenchUser(user!.id);
  const orgs = await organisations.listForUser(db.sql, { userId: user!.id });
  const workshopIds: string[] = [];
  for (let i = 0; i < rooms; i++) {
    const workshop = await workshops.create(db.sql, {
      title: `Banc d'essai ${i}`,
      status: 'live',
      territory: 'Nord lorrain',
    });
    await workshops.addMember(db.sql, {
      workshopId: workshop.id,
      userId: user!.id,
      organisationId: orgs[0]!.id,
      role: 'participant',
    });
    workshopIds.push(workshop.id);
  }
  const token = sessions.generateToken();
  await sessions.create(db.sql, { token, userId: user!.id, now: new Date() });
  return { cookie: `atelier_session=${token}`, workshopIds };
}

async function run(
  kind: Kind,
  clients: number,
  data: { cookie: string; workshopIds: string[] },
  databaseUrl: string,
): Promise<Result> {
  const port = await freePort();
  const loadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const child = startServer(kind, port, databaseUrl);
  try {
    await waitReady(
      kind === 'stock' ? `http://127.0.0.1:${port}/` : `http://127.0.0.1:${port}/readyz`,
      child,
    );
    const rooms = Math.max(1, Math.ceil(clients / PER_ROOM));
    const roomOf = (i: number) => `${data.workshopIds[i % rooms]}/content`;
    const baseline = usage(child.pid!);
    const editors: RawEditor[] = [];
    for (let i = 0; i < clients; i += 50) {
      const batch = Array.from({ length: Math.min(50, clients - i) }, () => new RawEditor());
      await Promise.all(
        batch.map((editor, k) => editor.open(`ws://127.0.0.1:${port}/yjs/${roomOf(i + k)}`, data.cookie)),
      );
      editors.push(...batch);
    }
    // Probes: in a few rooms, one provider edits and another measures when the edit arrives.
    CookieSocket.cookie = data.cookie;
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    let measuring = false;
    const probes = Array.from({ length: Math.min(PROBE_ROOMS, rooms) }, (_, r) => {
      const options = {
        WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      };
      const writer = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, roomOf(r), new Y.Doc(), options);
      const reader = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, roomOf(r), new Y.Doc(), options);
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
      return { writer, reader };
    });
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
      const start = setTimeout(() => {
        editor.edit();
        edits++;
        editTimers[i] = setInterval(() => {
          editor.edit();
          edits++;
        }, EDIT_INTERVAL_MS);
      }, Math.random() * EDIT_INTERVAL_MS);
      return start;
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    measuring = true;
    const before = usage(child.pid!);
    const editsBefore = edits;
    const receivedBefore = editors.reduce((sum, e) => sum + e.received, 0);
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const seconds = (performance.now() - started) / 1000;
    const after = usage(child.pid!);
    measuring = false;
    const received = editors.reduce((sum, e) => sum + e.received, 0) - receivedBefore;
    clearInterval(probeTimer);
    for (const timer of editTimers) clearInterval(timer);
    let persistDelayMs: Result['persistDelayMs'];
    if (kind === 'atelier') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const q = (name: string) =>
        Number(
          new RegExp(`atelier_yjs_persist_delay_ms\\{quantile="${name}"\\} ([\\d.]+)`).exec(metrics)?.[1],
        );
      persistDelayMs = { p50: q('0.5'), p95: q('0.95'), p99: q('0.99') };
    }
    for (const probe of probes) {
      probe.writer.destroy();
      probe.reader.destroy();
    }
    for (const editor of editors) editor.close();
    return {
      server: kind,
      clients,
      rooms,
      seconds: Math.round(seconds * 10) / 10,
      latencyMs: quantiles(latencies),
      editsPerSecond: Math.round((edits - editsBefore) / seconds),
      deliveriesPerSecond: Math.round(received / seconds),
      serverCpuPercent: Math.round(((after.cpu - before.cpu) / seconds) * 100),
      serverRssMb: Math.round(after.rss / 1024 / 1024),
      memoryPerConnectionKb: Math.round((after.rss - baseline.rss) / 1024 / clients),
      persistDelayMs,
      loadAverage,
    };
  } finally {
    child.kill('SIGKILL');
  }
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const db = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
const results: Result[] = [];
const faultResults: FaultResult[] = [];
const faultRooms = Math.ceil(FAULT_CLIENTS / PER_ROOM);
const runFaults = FAULT_CLIENTS > 0 && redisServerAvailable();
if (FAULT_CLIENTS > 0 && !runFaults) console.warn('fault run skipped: redis-server is not on PATH');
try {
  const mainRooms = Math.ceil(Math.max(...CLIENTS) / PER_ROOM);
  const data = await prepareData(db, mainRooms + (runFaults ? 2 * faultRooms : 0));
  for (const clients of CLIENTS) {
    for (const kind of ['stock', 'atelier'] as const) {
      console.log(`running ${kind} with ${clients} clients…`);
      results.push(
        await run(kind, clients, { ...data, workshopIds: data.workshopIds.slice(0, mainRooms) }, db.url),
      );
    }
  }
  if (runFaults) {
    // Each run on rooms of its own, so that both start from empty documents.
    for (const [index, fault] of [false, true].entries()) {
      console.log(
        `running two instances with ${FAULT_CLIENTS} clients${fault ? ', one killed mid-run' : ''}…`,
      );
      const first = mainRooms + index * faultRooms;
      faultResults.push(
        await runTwoInstances({
          fault,
          clients: FAULT_CLIENTS,
          seconds: SECONDS,
          perRoom: PER_ROOM,
          editIntervalMs: EDIT_INTERVAL_MS,
          data: { ...data, workshopIds: data.workshopIds.slice(first, first + faultRooms) },
          db,
          realtimeDir,
        }),
      );
    }
  }
} finally {
  await db.close();
}

const ratios = CLIENTS.map((clients) => {
  const stock = results.find((r) => r.server === 'stock' && r.clients === clients)!;
  const ours = results.find((r) => r.server === 'atelier' && r.clients === clients)!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    clients,
    p50: ratio(ours.latencyMs.p50, stock.latencyMs.p50),
    p99: ratio(ours.latencyMs.p99, stock.latencyMs.p99),
    cpu: ratio(ours.serverCpuPercent, stock.serverCpuPercent),
    memoryPerConnection: ratio(ours.memoryPerConnectionKb, stock.memoryPerConnectionKb),
  };
});

console.log(
  '\nserver   clients rooms  p50 ms  p95 ms  p99 ms  edits/s  deliveries/s  CPU %  RSS MB  KB/conn  persist p99 ms',
);
for (const r of results) {
  console.log(
    [
      r.server.padEnd(8),
      String(r.clients).padStart(7),
      String(r.rooms).padStart(5),
      String(r.latencyMs.p50).padStart(7),
      String(r.latencyMs.p95).padStart(7),
      String(r.latencyMs.p99).padStart(7),
      String(r.editsPerSecond).padStart(8),
      String(r.deliveriesPerSecond).padStart(13),
      String(r.serverCpuPercent).padStart(6),
      String(r.serverRssMb).padStart(7),
      String(r.memoryPerConnectionKb).padStart(8),
      String(r.persistDelayMs?.p99 ?? '—').padStart(15),
    ].join(' '),
  );
}
console.log(
  `\nload average at the start of each run: ${results.map((r) => `${r.server} ${r.clients}: ${r.loadAverage}`).join(', ')} (${cpus().length} CPUs)`,
);
console.log('\natelier / stock ratios (target: p99 ≤ 1.5 at 1,000 connections)');
for (const r of ratios)
  console.log(
    `  ${r.clients} clients: p50 ×${r.p50}, p99 ×${r.p99}, CPU ×${r.cpu}, memory/conn ×${r.memoryPerConnection}`,
  );

const faultRatios = (() => {
  const baseline = faultResults.find((r) => r.run === 'baseline');
  const killed = faultResults.find((r) => r.run === 'instance killed');
  if (!baseline || !killed) return undefined;
  const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1)) * 100) / 100;
  return {
    p99: ratio(killed.latencyMs.p99, baseline.latencyMs.p99),
    convergeMs: ratio(killed.convergeMs, baseline.convergeMs),
  };
})();
if (faultResults.length > 0) {
  console.log('\ntwo instances   clients  p50 ms  p99 ms  max ms  edits/s  converge ms  downtime ms');
  for (const r of faultResults) {
    console.log(
      [
        r.run.padEnd(15),
        String(r.clients).padStart(7),
        String(r.latencyMs.p50).padStart(7),
        String(r.latencyMs.p99).padStart(7),
        String(r.latencyMs.max).padStart(7),
        String(r.editsPerSecond).padStart(8),
        String(r.convergeMs).padStart(12),
        String(r.downtimeMs ?? '—').padStart(12),
      ].join(' '),
    );
  }
  if (faultRatios)
    console.log(
      `\ninstance killed / baseline: p99 ×${faultRatios.p99}, time to converge ×${faultRatios.convergeMs} (probes write on one instance, read on the other; the kill and the restart fall inside the measured window)`,
    );
}

const out = path.join(root, 'bench-results', 'realtime.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      name: 'realtime',
      date: new Date().toISOString(),
      database: db.kind,
      machine: { cpus: cpus().length, node: process.version },
      load: {
        perRoom: PER_ROOM,
        editIntervalMs: EDIT_INTERVAL_MS,
        probeRooms: PROBE_ROOMS,
        probeIntervalMs: PROBE_INTERVAL_MS,
        seconds: SECONDS,
      },
      results,
      ratios,
      faults: { clients: FAULT_CLIENTS, results: faultResults, ratios: faultRatios },
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten to ${path.relative(root, out)}`);
process.exit(0);
