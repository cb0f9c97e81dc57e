/** The database could not be reached or refused the connection. */
export class DbConnectionError extends Error {
  override name = 'DbConnectionError';
}

/** A migration file is missing, out of order, or was edited after it was applied. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The embedded database is in use or could not be opened. */
export class EmbeddedDbError extends Error {
  override name = 'EmbeddedDbError';
}
