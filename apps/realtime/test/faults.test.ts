import { describe, expect, it } from 'vitest';
import { CONVERGENCE_LIMIT_MS, runFaultScenario, type FaultKind } from './faults/scenario.ts';
import { redisServerAvailable } from './processes.ts';

// `vitest run` makes one run of each fault; `pnpm test:faults` (vitest.faults.config.ts) makes 10.
const RUNS = Number(process.env.FAULT_RUNS ?? 1);
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
const available = redisServerAvailable();
if (!available) console.warn('fault tests skipped: they start their own redis-server, which is not on PATH');

const KINDS: { kind: FaultKind; what: string }[] = [
  { kind: 'instance', what: 'one of two instances killed with SIGKILL and restarted' },
  { kind: 'author-leaves', what: 'the same while authors of the last edits leave for good' },
  { kind: 'redis', what: 'Redis killed and restarted' },
];

describe.skipIf(!available)('faults: 20 clients on two instances', () => {
  for (const { kind, what } of KINDS) {
    for (let run = 0; run < RUNS; run++) {
      const seed = SEED + run;
      it(`${what}: every client holds the database's state within 5 s, no acknowledged edit lost (seed ${seed})`, async () => {
        const report = await runFaultScenario({ kind, seed });
        // The test process's heap after the run: it must stay flat over the loop (it once grew to 4 GB).
        const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
        console.info(`fault run ${JSON.stringify({ ...report, heapMb })}`);
        expect(report.lostAcknowledged).toEqual([]);
        expect(report.lostFromPresent).toEqual([]);
        expect(report.divergence).toBeUndefined();
        expect(report.convergedMs).toBeLessThanOrEqual(CONVERGENCE_LIMIT_MS);
        expect(report.acknowledged).toBeGreaterThan(0);
      }, 120_000);
    }
  }
});
