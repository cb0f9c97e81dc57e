import { guests } from '@atelier/db';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { joinLink, qrSvg } from '$lib/server/guests.ts';
import { loadRoomData } from '$lib/server/room-data.ts';
import type { PageServerLoad } from './$types';

/**
 * The presenter view (a projector): the same documents and facilitation events as the room,
 * shown large. Facilitators drive it; observers may show it (`workshop.present`).
 */
export const load = (async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: event.params.id, action: 'workshop.present' });
  // The page reloads this every so often: guest access opened meanwhile appears on the screen.
  event.depends('app:present');
  const open = await guests.current(sql, { workshopId: access.workshop.id, now: new Date() });
  const link = open ? joinLink(event.url.origin, open.code) : null;
  return {
    ...(await loadRoomData(sql, { access, user })),
    workshop: { id: access.workshop.id, title: access.workshop.title, status: access.workshop.status },
    join: open && link ? { code: open.code, link, host: event.url.host, qr: await qrSvg(link) } : null,
  };
}) satisfies PageServerLoad;
