import { audit, exportHistory, type Sql, type SessionUser, type WorkshopDetails } from '@atelier/db';
import type { Actor } from '@atelier/domain';
import { log } from '../log.ts';
import { loadReportInput } from './input.ts';
import type { ExportOptions } from './options.ts';
import { renderExport, type RenderedExport } from './render.ts';

/**
 * Renders an export, keeps its file in the workshop's export history and writes the audit
 * entry, in one transaction once the file is ready (rendering happens outside it: PGlite serves
 * one transaction at a time).
 */
export async function createExport(
  sql: Sql,
  options: { actor: Actor; user: SessionUser; workshop: WorkshopDetails; choice: ExportOptions; now: Date },
): Promise<RenderedExport & { id: string }> {
  const { choice, workshop, now } = options;
  const versionId = choice.version === 'current' ? null : choice.version;
  const input = await loadReportInput(sql, {
    workshop,
    versionId,
    locale: choice.locale,
    anonymised: choice.names === 'anonymised',
    exportedBy: options.user.displayName,
    licence: choice.format === 'json' ? choice.licence : undefined,
    now,
    // A stored scenario run its schema refuses is computed again; the line says which.
    log: (line) => log.warn({ workshopId: workshop.id }, line),
  });
  const rendered = await renderExport({ input, choice });
  const formatOptions: Record<string, string> =
    choice.format === 'json'
      ? { licence: choice.licence }
      : choice.format === 'csv'
        ? { separator: choice.separator, table: choice.table }
        : {};
  const { id } = await sql.begin(async (tx) => {
    const row = await exportHistory.record(tx, {
      workshopId: workshop.id,
      format: choice.format,
      locale: choice.locale,
      anonymised: input.anonymised,
      versionId,
      versionName: input.version.kind === 'saved' ? input.version.name : null,
      options: formatOptions,
      fileName: rendered.fileName,
      contentType: rendered.contentType,
      file: rendered.file,
      public: choice.public,
      createdBy: options.actor.userId,
      now,
    });
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: 'workshop.exported',
      subjectType: 'workshop',
      subjectId: workshop.id,
      details: {
        exportId: row.id,
        format: choice.format,
        locale: choice.locale,
        anonymised: input.anonymised,
        versionId,
        public: choice.public,
      },
      now,
    });
    return row;
  });
  return { ...rendered, id };
}

/** Publishes an export to participants (or withdraws it), with an audit entry. */
export async function publishExport(
  sql: Sql,
  options: { actor: Actor; workshopId: string; exportId: string; public: boolean; now: Date },
): Promise<boolean> {
  return sql.begin(async (tx) => {
    const changed = await exportHistory.setPublic(tx, {
      workshopId: options.workshopId,
      id: options.exportId,
      public: options.public,
    });
    if (changed) {
      await audit.record(tx, {
        actorId: options.actor.userId,
        action: options.public ? 'workshop.export_published' : 'workshop.export_withdrawn',
        subjectType: 'workshop',
        subjectId: options.workshopId,
        details: { exportId: options.exportId },
        now: options.now,
      });
    }
    return changed;
  });
}

/** A file download response; the name is ours (ASCII), never typed by a person. */
export function fileResponse(file: { file: Uint8Array; fileName: string; contentType: string }): Response {
  return new Response(Buffer.from(file.file), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'content-length': String(file.file.byteLength),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
