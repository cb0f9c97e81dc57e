// The demo seed lives in ./seed/ (one concept per file); this entry keeps the package's imports.
export {
  seedDemo,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_PARTICIPANTS,
  DEMO_ORGANISATIONS,
  LIVE_TITLE,
  CLOSED_TITLE,
} from './seed/index.ts';
export type { SeedResult } from './seed/index.ts';
