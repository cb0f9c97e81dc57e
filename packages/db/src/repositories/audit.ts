import type { Queryable } from '../client.ts';

export interface AuditEntry {
  id: string;
  actorId: string | null;
  /** The actor's name today, or null when the account was deleted (or for the system). */
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Appends one entry to the audit log: who did what to which subject, and when.
 * Details hold ids and roles, never passwords or tokens.
 */
export async function record(
  sql: Queryable,
  options: {
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    details?: Record<string, string | number | boolean | null>;
    now: Date;
  },
): Promise<void> {
  await sql`
    insert into audit_log (actor_id, action, subject_type, subject_id, details, created_at)
    values (${options.actorId}, ${options.action}, ${options.subjectType}, ${options.subjectId},
            ${sql.json(options.details ?? {})}, ${options.now})`;
}

/** The newest entries first, `limit` at a time, optionally older than an entry id. */
export async function list(
  sql: Queryable,
  options: { limit: number; beforeId?: string },
): Promise<AuditEntry[]> {
  return sql<AuditEntry[]>`
    select a.id::text as id, a.actor_id, u.display_name as actor_name, a.action, a.subject_type,
           a.subject_id, a.details, a.created_at
    from audit_log a left join users u on u.id = a.actor_id
    where (${options.beforeId ?? null}::bigint is null or a.id < ${options.beforeId ?? null}::bigint)
    order by a.id desc
    limit ${options.limit}`;
}

/** The entries about one subject (a workshop, an organisation), newest first. */
export async function listForSubject(
  sql: Queryable,
  options: { subjectType: string; subjectId: string; limit: number },
): Promise<AuditEntry[]> {
  return sql<AuditEntry[]>`
    select a.id::text as id, a.actor_id, u.display_name as actor_name, a.action, a.subject_type,
           a.subject_id, a.details, a.created_at
    from audit_log a left join users u on u.id = a.actor_id
    where a.subject_type = ${options.subjectType} and a.subject_id = ${options.subjectId}
    order by a.id desc
    limit ${options.limit}`;
}
