import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.ts';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
    }),
    sveltekit(),
  ],
  test: {
    ...reporting('web'),
    include: ['src/**/*.test.ts'],
    // Some server tests open a database and load the demo before they run: give a busy machine time.
    hookTimeout: 60_000,
  },
});
