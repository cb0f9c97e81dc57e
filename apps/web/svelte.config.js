import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // SvelteKit's cross-site form check stays on (it is the default); stated here so nobody turns it off.
    csrf: { trustedOrigins: [] },
    // Issue 17. SvelteKit adds a nonce per response to script-src for its own inline scripts;
    // hooks.server.ts adds the realtime server (its origin is known at run time) to connect-src.
    // Both web workers (the scenario models, MapLibre's) are files of this origin: worker-src
    // 'self', no blob:. Styles allow 'unsafe-inline' for style attributes (SSR'd `style:` and
    // Observable Plot's `style=`): with a nonce in style-src browsers would ignore it. No
    // 'unsafe-eval' anywhere.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
