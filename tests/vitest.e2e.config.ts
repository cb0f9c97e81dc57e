import { defineConfig } from 'vitest/config';
import { reporting } from '../vitest.shared.ts';

export default defineConfig({
  test: {
    ...reporting('e2e'),
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own platform; Chromium and two servers per file are enough for 2 cores.
    fileParallelism: false,
  },
});
