// What the roadmap shows people: statuses and dates, in the reader's language.
import type { RoadmapStatus } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { TIME_ZONE } from '$lib/dates.ts';
import { formatIsoDate, resolveDate } from './dates.ts';

export function statusLabel(status: RoadmapStatus): string {
  switch (status) {
    case 'proposed':
      return m.roadmap_status_proposed();
    case 'committed':
      return m.roadmap_status_committed();
    case 'in_progress':
      return m.roadmap_status_in_progress();
    case 'done':
      return m.roadmap_status_done();
    case 'dropped':
      return m.roadmap_status_dropped();
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** A roadmap date with both forms when both are known: "J+10 (6 déc. 2026)". */
export function dateLabel(date: string, dayZero: string | undefined): string {
  const resolved = resolveDate({ date, dayZero });
  const absolute = resolved.iso ? formatIsoDate({ iso: resolved.iso, locale: getLocale() }) : undefined;
  if (resolved.relative && absolute) return m.roadmap_date_both({ relative: resolved.relative, absolute });
  return resolved.relative ?? absolute ?? date;
}

/**
 * Day 0 of the `J+N` dates: the facilitation settings' `dayZero`, else the Paris date the
 * workshop starts on, else unknown.
 *
 * @example dayZeroOf({ settingsDayZero: undefined, startsAt: '2026-11-26T08:30:00.000Z' }) // '2026-11-26'
 */
export function dayZeroOf(options: {
  settingsDayZero: string | undefined;
  startsAt: string | null | undefined;
}): string | undefined {
  if (options.settingsDayZero) return options.settingsDayZero;
  if (!options.startsAt) return undefined;
  const start = new Date(options.startsAt);
  if (Number.isNaN(start.getTime())) return undefined;
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(start);
}
