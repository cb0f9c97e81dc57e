import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { loadRoomData } from '$lib/server/room-data.ts';
import type { PageServerLoad } from './$types';

/** The live room: who is who in this workshop, and where the realtime server is. Guests too. */
export const load = (async (event) => {
  const user = requireUser(event, { guests: true });
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: event.params.id });
  return loadRoomData(sql, { access, user });
}) satisfies PageServerLoad;
