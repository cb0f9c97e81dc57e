import { SESSION_COOKIE } from '@atelier/db';
import type { Cookies } from '@sveltejs/kit';
import { getConfig } from '../config.ts';
import { mergeIntoContent } from './merge.ts';
import type { Merge } from './moderation.ts';

/** Merges into the realtime server this web app talks to, as the person of this request's session. */
export function mergeAsRequester(cookies: Cookies): Merge {
  const sessionToken = cookies.get(SESSION_COOKIE) ?? '';
  return ({ workshopId, entries }) =>
    mergeIntoContent({ realtimePort: getConfig().REALTIME_PORT, workshopId, sessionToken, entries });
}
