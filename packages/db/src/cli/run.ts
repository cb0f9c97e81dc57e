import { createDb, type Db } from '../client.ts';

/** Runs a command against the configured database; one clear line and exit 1 on failure. */
export async function runCli(command: (db: Db) => Promise<void>): Promise<void> {
  let db: Db | undefined;
  try {
    db = await createDb({ max: 1 });
    await command(db);
  } catch (error) {
    const err = error as Error;
    console.error(`${err.name}: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await db?.close();
  }
}
