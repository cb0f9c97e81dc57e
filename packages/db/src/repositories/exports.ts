import type { Queryable } from '../client.ts';

export type ExportFormat = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'json';

/** One export of a workshop, as listed in its history (without the file). */
export interface ExportListing {
  id: string;
  workshopId: string;
  format: ExportFormat;
  locale: 'fr' | 'en' | 'de';
  anonymised: boolean;
  versionId: string | null;
  versionName: string | null;
  options: Record<string, string>;
  fileName: string;
  contentType: string;
  size: number;
  public: boolean;
  createdBy: string | null;
  /** The author's name today, or null once their account is deleted. */
  authorName: string | null;
  createdAt: Date;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  file: Uint8Array;
  public: boolean;
}

/**
 * Records an export with its file.
 *
 * @example await exports.record(sql, { workshopId, format: 'pdf', locale: 'fr', anonymised: true, … })
 */
export async function record(
  sql: Queryable,
  options: {
    workshopId: string;
    format: ExportFormat;
    locale: 'fr' | 'en' | 'de';
    anonymised: boolean;
    versionId: string | null;
    versionName: string | null;
    options: Record<string, string>;
    fileName: string;
    contentType: string;
    file: Uint8Array;
    public: boolean;
    createdBy: string | null;
    now: Date;
  },
): Promise<{ id: string }> {
  const [row]: [{ id: string }?] = await sql`
    insert into exports (workshop_id, format, locale, anonymised, version_id, version_name, options,
                         file_name, content_type, size, file, public, created_by, created_at)
    values (${options.workshopId}, ${options.format}, ${options.locale}, ${options.anonymised},
            ${options.versionId}, ${options.versionName}, ${sql.json(options.options)}, ${options.fileName},
            ${options.contentType}, ${options.file.byteLength}, ${Buffer.from(options.file)}, ${options.public},
            ${options.createdBy}, ${options.now})
    returning id`;
  if (!row) throw new Error('export insert returned no row');
  return row;
}

/** A workshop's exports, newest first; `publicOnly` for what participants may see. */
export async function listForWorkshop(
  sql: Queryable,
  options: { workshopId: string; publicOnly?: boolean },
): Promise<ExportListing[]> {
  return sql<ExportListing[]>`
    select e.id, e.workshop_id, e.format, e.locale, e.anonymised, e.version_id, e.version_name, e.options,
           e.file_name, e.content_type, e.size, e.public, e.created_by, u.display_name as author_name, e.created_at
    from exports e left join users u on u.id = e.created_by
    where e.workshop_id = ${options.workshopId} and (${options.publicOnly ?? false} = false or e.public)
    order by e.created_at desc, e.id`;
}

/** The file of one export of a workshop; undefined when the id is not one of this workshop's. */
export async function findFile(
  sql: Queryable,
  options: { workshopId: string; id: string },
): Promise<ExportFile | undefined> {
  const [row]: [ExportFile?] = await sql`
    select file_name, content_type, file, public from exports
    where workshop_id = ${options.workshopId} and id = ${options.id}`;
  return row;
}

/** Publishes an export to the workshop's participants (or withdraws it); false when there is no such export. */
export async function setPublic(
  sql: Queryable,
  options: { workshopId: string; id: string; public: boolean },
): Promise<boolean> {
  const rows = await sql`
    update exports set public = ${options.public}
    where workshop_id = ${options.workshopId} and id = ${options.id} returning id`;
  return rows.length === 1;
}
