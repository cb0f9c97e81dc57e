import { runCli } from './run.ts';
import { migrate } from '../migrate.ts';

await runCli(async (db) => {
  const result = await migrate({ sql: db.sql });
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied).`,
  );
});
