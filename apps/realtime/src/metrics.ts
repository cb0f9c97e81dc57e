/** The persistence delay summary covers this sliding window (like prom-client's maxAgeSeconds). */
const DELAY_WINDOW_MS = 10_000;

/**
 * Counters and gauges of one realtime instance, served at /metrics in the
 * Prometheus text format. Persistence delay quantiles cover the last 10 seconds
 * (at most 50,000 samples).
 */
export class Metrics {
  yjsConnections = 0;
  /** Open Socket.IO connections by namespace (`/workshop`, `/me`). */
  readonly socketConnections = new Map<string, number>();
  roomsLoaded = 0;
  updatesAccepted = 0;
  readonly updatesRefused = new Map<string, number>();
  readonly connectionsClosed = new Map<number, number>();
  updatesPersisted = 0;
  persistFailures = 0;
  compactions = 0;
  /** Rooms read again from the database and re-synced with the other instances (a gap was found). */
  catchUps = 0;
  private delays: { at: number; ms: number }[] = [];

  socketOpened(namespace: string): void {
    this.socketConnections.set(namespace, (this.socketConnections.get(namespace) ?? 0) + 1);
  }

  socketClosed(namespace: string): void {
    this.socketConnections.set(namespace, (this.socketConnections.get(namespace) ?? 1) - 1);
  }

  refused(reason: string): void {
    this.updatesRefused.set(reason, (this.updatesRefused.get(reason) ?? 0) + 1);
  }

  closed(code: number): void {
    this.connectionsClosed.set(code, (this.connectionsClosed.get(code) ?? 0) + 1);
  }

  /** Time from accepting an update to its row being committed, in ms. */
  persisted(delayMs: number): void {
    this.updatesPersisted++;
    const now = performance.now();
    this.delays.push({ at: now, ms: delayMs });
    if (this.delays.length > 50_000 || (this.delays[0]?.at ?? now) < now - 2 * DELAY_WINDOW_MS)
      this.prune(now);
  }

  persistDelayQuantiles(): { p50: number; p95: number; p99: number; max: number; count: number } {
    this.prune(performance.now());
    const sorted = this.delays.map((entry) => entry.ms).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0, count: sorted.length };
  }

  private prune(now: number): void {
    this.delays = this.delays.filter((entry) => entry.at >= now - DELAY_WINDOW_MS).slice(-50_000);
  }

  render(): string {
    const q = this.persistDelayQuantiles();
    const lines = [
      '# HELP atelier_yjs_connections Open Yjs WebSocket connections.',
      '# TYPE atelier_yjs_connections gauge',
      `atelier_yjs_connections ${this.yjsConnections}`,
      '# HELP atelier_socketio_connections Open Socket.IO connections, by namespace.',
      '# TYPE atelier_socketio_connections gauge',
      ...[...this.socketConnections].map(
        ([namespace, n]) => `atelier_socketio_connections{namespace="${namespace}"} ${n}`,
      ),
      '# HELP atelier_yjs_rooms_loaded Yjs documents in memory.',
      '# TYPE atelier_yjs_rooms_loaded gauge',
      `atelier_yjs_rooms_loaded ${this.roomsLoaded}`,
      '# HELP atelier_yjs_updates_accepted_total Updates applied to a document.',
      '# TYPE atelier_yjs_updates_accepted_total counter',
      `atelier_yjs_updates_accepted_total ${this.updatesAccepted}`,
      '# HELP atelier_yjs_updates_refused_total Updates refused, by reason.',
      '# TYPE atelier_yjs_updates_refused_total counter',
      ...[...this.updatesRefused].map(
        ([reason, n]) => `atelier_yjs_updates_refused_total{reason="${reason}"} ${n}`,
      ),
      '# HELP atelier_yjs_connections_closed_total Connections closed by the server, by close code.',
      '# TYPE atelier_yjs_connections_closed_total counter',
      ...[...this.connectionsClosed].map(
        ([code, n]) => `atelier_yjs_connections_closed_total{code="${code}"} ${n}`,
      ),
      '# HELP atelier_yjs_updates_persisted_total Updates appended to yjs_updates.',
      '# TYPE atelier_yjs_updates_persisted_total counter',
      `atelier_yjs_updates_persisted_total ${this.updatesPersisted}`,
      '# HELP atelier_yjs_persist_failures_total Failed appends (retried).',
      '# TYPE atelier_yjs_persist_failures_total counter',
      `atelier_yjs_persist_failures_total ${this.persistFailures}`,
      '# HELP atelier_yjs_compactions_total Documents compacted into a snapshot.',
      '# TYPE atelier_yjs_compactions_total counter',
      `atelier_yjs_compactions_total ${this.compactions}`,
      '# HELP atelier_yjs_catch_ups_total Rooms read again from storage and re-synced with the other instances.',
      '# TYPE atelier_yjs_catch_ups_total counter',
      `atelier_yjs_catch_ups_total ${this.catchUps}`,
      '# HELP atelier_yjs_persist_delay_ms Delay from accepting an update to storing it (last 10 s).',
      '# TYPE atelier_yjs_persist_delay_ms summary',
      `atelier_yjs_persist_delay_ms{quantile="0.5"} ${q.p50.toFixed(2)}`,
      `atelier_yjs_persist_delay_ms{quantile="0.95"} ${q.p95.toFixed(2)}`,
      `atelier_yjs_persist_delay_ms{quantile="0.99"} ${q.p99.toFixed(2)}`,
      `atelier_yjs_persist_delay_ms_count ${q.count}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
