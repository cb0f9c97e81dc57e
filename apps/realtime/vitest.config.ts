import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    ...reporting('realtime'),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The fault suite runs on its own (vitest.faults.config.ts): `npm test` makes one run of each
    // fault after the other suites, alone on the machine, and CI a loop of 10 after that.
    exclude: ['test/faults.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
