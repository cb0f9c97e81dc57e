import { runCli } from './run.ts';
import { migrate } from '../migrate.ts';
import { seedDemo } from '../seed.ts';

await runCli(async (db) => {
  await migrate({ sql: db.sql });
  const result = await seedDemo({ sql: db.sql, now: new Date() });
  console.log(result.seeded ? 'Demo data loaded.' : `Nothing to do: ${result.reason}.`);
});
