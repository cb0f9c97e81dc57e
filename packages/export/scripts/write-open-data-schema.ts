// Writes docs/open-data/atelier-workshop-<major>.schema.json from the domain's zod schema.
// Run after changing the open-data format: pnpm --filter @atelier/export schema, then
// npx prettier --write docs/open-data (the format check of npm test reads it too).
import { writeFileSync } from 'node:fs';
import { OPEN_DATA_FORMAT, OPEN_DATA_VERSION, openDataJsonSchema } from '@atelier/domain';

const major = OPEN_DATA_VERSION.split('.')[0];
const file = new URL(`../../../docs/open-data/${OPEN_DATA_FORMAT}-${major}.schema.json`, import.meta.url);
writeFileSync(file, `${JSON.stringify(openDataJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
