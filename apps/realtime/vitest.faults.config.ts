import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.ts';

/** The fault loop (`pnpm --filter @atelier/realtime test:faults`): 10 runs of each fault, one after another. */
export default defineConfig({
  test: {
    ...reporting('realtime-faults'),
    include: ['test/faults.test.ts'],
    env: { FAULT_RUNS: process.env.FAULT_RUNS ?? '10' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
