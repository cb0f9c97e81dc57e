import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // SvelteKit's cross-site form check stays on (it is the default); stated here so nobody turns it off.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
