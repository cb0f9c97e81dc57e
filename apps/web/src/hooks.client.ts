import { z } from 'zod';

// zod probes `new Function('')` to decide whether it may compile its parsers. The app's CSP has
// no 'unsafe-eval', so the browser refuses the probe and reports a violation on every page:
// parse without compiling (zod's interpreted path; same results).
z.config({ jitless: true });
