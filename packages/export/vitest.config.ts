import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    ...reporting('export'),
    include: ['src/**/*.test.ts'],
    // The sample report runs the scenario lab's models (a few seconds on a loaded machine).
    testTimeout: 60_000,
  },
});
