import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    ...reporting('export'),
    include: ['src/**/*.test.ts'],
  },
});
