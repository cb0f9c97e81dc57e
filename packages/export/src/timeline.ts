// The roadmap on a calendar, as a vector scene: one bar per dated action from its start to its due
// date, coloured by status (with the status written at the end of the bar, not only in colour).
import { formatDate, type Report } from '@atelier/domain';
import { textWidth, type Scene, type Shape } from './graphics/scene.ts';

const STATUS_COLOURS: Record<string, string> = {
  proposed: '#9aa5b1',
  committed: '#0072b2',
  in_progress: '#e69f00',
  done: '#009e73',
  dropped: '#c0392b',
};

/**
 * The roadmap timeline of a report, or null when no action is dated.
 *
 * @example timelineScene(report, 505)?.description
 */
export function timelineScene(report: Report, width: number): Scene | null {
  const range = report.roadmap.range;
  if (!range) return null;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const from = day(range.from);
  const span = Math.max(1, day(range.to) - from);
  const rows = report.roadmap.rows
    .filter((row) => row.start.day || row.due.day)
    .sort((a, b) => (a.start.day ?? a.due.day ?? '').localeCompare(b.start.day ?? b.due.day ?? ''));
  const labelWidth = 190;
  const statusWidth =
    Math.max(...Object.values(report.labels.roadmapStatuses).map((s) => textWidth(s, 6.5))) + 6;
  const barWidth = width - labelWidth - statusWidth;
  const x = (iso: string) => labelWidth + ((day(iso) - from) / span) * barWidth;
  const shapes: Shape[] = [];
  const locale = report.locale;
  shapes.push({
    kind: 'text',
    x: labelWidth,
    y: 9,
    text: formatDate({ locale, value: range.from }),
    size: 7,
    anchor: 'start',
  });
  shapes.push({
    kind: 'text',
    x: labelWidth + barWidth,
    y: 9,
    text: formatDate({ locale, value: range.to }),
    size: 7,
    anchor: 'end',
  });
  let y = 16;
  for (const row of rows) {
    const label = `${row.title} — ${row.owner}`;
    const fitted =
      textWidth(label, 7) > labelWidth - 6
        ? `${label.slice(0, Math.floor(((labelWidth - 10) / textWidth(label, 7)) * label.length))}…`
        : label;
    const start = x(row.start.day ?? row.due.day!);
    const end = Math.max(start + 3, x(row.due.day ?? row.start.day!));
    shapes.push({
      kind: 'line',
      points: [
        [labelWidth, y + 5],
        [labelWidth + barWidth, y + 5],
      ],
      stroke: '#e3e3e3',
      width: 0.4,
    });
    shapes.push({ kind: 'text', x: 0, y: y + 7.5, text: fitted, size: 7, anchor: 'start' });
    shapes.push({
      kind: 'rect',
      x: start,
      y: y + 1,
      w: end - start,
      h: 8,
      fill: STATUS_COLOURS[row.status] ?? '#1f4e79',
    });
    shapes.push({
      kind: 'text',
      x: end + 3,
      y: y + 7.5,
      text: row.statusLabel,
      size: 6.5,
      anchor: 'start',
      fill: '#4d4d4d',
    });
    y += 13;
  }
  y += 6;
  let lx = 0;
  for (const [status, label] of Object.entries(report.labels.roadmapStatuses)) {
    shapes.push({ kind: 'rect', x: lx, y: y - 7, w: 8, h: 8, fill: STATUS_COLOURS[status] ?? '#1f4e79' });
    shapes.push({ kind: 'text', x: lx + 11, y, text: label, size: 7, anchor: 'start' });
    lx += 11 + textWidth(label, 7) + 14;
  }
  const dated = rows.length;
  const colon = locale === 'fr' ? ' : ' : ': ';
  return {
    width,
    height: y + 6,
    title: report.labels.sections.timeline,
    description: `${report.labels.sections.timeline}${colon}${dated} ${report.labels.collections.roadmap}, ${formatDate({ locale, value: range.from })} – ${formatDate({ locale, value: range.to })}. ${rows
      .map(
        (row) =>
          `${row.title} (${row.owner})${colon}${row.start.label} – ${row.due.label}, ${row.statusLabel}`,
      )
      .join(locale === 'fr' ? ' ; ' : '; ')}.`,
    shapes,
  };
}
