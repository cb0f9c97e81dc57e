import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // SvelteKit's cross-site form check is done by hooks.server.ts instead, with the same rule
    // (lib/server/hardening/cross-site.ts), because SvelteKit's runs before any hook and cannot
    // let RFC 8058's one-click unsubscribe through (a mail provider posts it with no Origin).
    // Do not remove that hook: with '*' here it is the only check.
    csrf: { trustedOrigins: ['*'] },
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
