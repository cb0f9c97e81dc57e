import { defineConfig } from 'vitest/config';
import { reporting } from '../vitest.shared.ts';

export default defineConfig({
  test: {
    ...reporting('tests-integration'),
    include: ['integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
