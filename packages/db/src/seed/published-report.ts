import { buildReport } from '@atelier/domain';
import type { Sql } from '../client.ts';
import { loadReportInput } from '../report-input.ts';
import * as audit from '../repositories/audit.ts';
import * as exportHistory from '../repositories/exports.ts';
import * as workshops from '../repositories/workshops.ts';

/**
 * The closed workshop's report as its facilitator exported and published it the day after the
 * session: the PDF of the saved version, read by the same loader as the web app's exports
 * (`loadReportInput`, with the models' results), rendered by `@atelier/export`, kept in the
 * export history and public, so that its participants can download it. Rendering happens
 * outside any transaction (the embedded database serves one transaction at a time).
 */
export async function publishReport(
  sql: Sql,
  options: {
    workshopId: string;
    versionId: string;
    exportedBy: { userId: string; displayName: string };
    now: Date;
  },
): Promise<{ id: string }> {
  const { workshopId, versionId, exportedBy, now } = options;
  const workshop = await workshops.findById(sql, { id: workshopId });
  if (!workshop) throw new Error('the closed demo workshop is missing');
  const input = await loadReportInput(sql, {
    workshop,
    versionId,
    locale: 'fr',
    anonymised: false,
    exportedBy: exportedBy.displayName,
    now,
  });
  // Imported when needed: the PDF renderer and its fonts weigh several MB, which the servers
  // that import @atelier/db for other reasons need not load.
  const { renderPdf } = await import('@atelier/export');
  const file = await renderPdf({ report: buildReport(input) });
  return sql.begin(async (tx) => {
    // The name the web app's exports give a PDF report (apps/web/src/lib/server/exports/render.ts).
    const fileName = `atelier-${now.toISOString().slice(0, 10)}-${workshopId.slice(0, 8)}-report.pdf`;
    const row = await exportHistory.record(tx, {
      workshopId,
      format: 'pdf',
      locale: 'fr',
      anonymised: false,
      versionId,
      versionName: input.version.kind === 'saved' ? input.version.name : null,
      options: {},
      fileName,
      contentType: 'application/pdf',
      file,
      public: true,
      createdBy: exportedBy.userId,
      now,
    });
    await audit.record(tx, {
      actorId: exportedBy.userId,
      action: 'workshop.exported',
      subjectType: 'workshop',
      subjectId: workshopId,
      details: { exportId: row.id, format: 'pdf', locale: 'fr', anonymised: false, versionId, public: true },
      now,
    });
    return row;
  });
}
