import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import { readUnsubscribeLink, unsubscribe } from '$lib/server/mail/unsubscribe.ts';
import type { Actions, PageServerLoad } from './$types';

// The link of an e-mail opens this page; its one button unsubscribes. A plain GET changes
// nothing, so that mail scanners that follow links do not unsubscribe anyone. The same POST,
// sent by a mail provider's own button (RFC 8058 one-click: `List-Unsubscribe=One-Click`, no
// session, no Origin or a foreign one), unsubscribes too: the signed token is the authority,
// and hooks.server.ts lets this route's POST through its cross-site check. Twice is harmless.
export const load: PageServerLoad = async ({ params, request }) => {
  const { sql } = await getDb();
  const link = await readUnsubscribeLink(sql, params.token);
  // A link that is not ours is not found; after a refused post the page says why instead (400).
  if (!link && request.method !== 'POST') error(404, 'Not found');
  return { topic: link?.topic ?? null };
};

export const actions: Actions = {
  default: async ({ params }) => {
    const { sql } = await getDb();
    const link = await readUnsubscribeLink(sql, params.token);
    if (!link) return fail(400, { invalid: true });
    await unsubscribe(sql, { ...link, now: new Date() });
    return { done: true };
  },
};
