import { guests } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import {
  closeGuestAccess,
  inviteGuest,
  joinLink,
  openGuestAccess,
  qrSvg,
  removeGuest,
  setGuestNeeds,
} from '$lib/server/guests.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The facilitator's guest access: the code, its link and QR code, and who came in with it. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, {
    user,
    workshopId: event.params.id,
    action: 'workshop.manageGuests',
  });
  const open = await guests.current(sql, { workshopId: access.workshop.id, now: new Date() });
  const link = open ? joinLink(event.url.origin, open.code) : null;
  const list = await guests.list(sql, { workshopId: access.workshop.id });
  return {
    access: open
      ? {
          code: open.code,
          link,
          qr: await qrSvg(link!),
          allowNeeds: open.allowNeeds,
          expiresAt: open.expiresAt.toISOString(),
        }
      : null,
    guests: list.map((guest) => ({
      userId: guest.userId,
      displayName: guest.displayName,
      organisationName: guest.organisationName,
      joinedAt: guest.joinedAt.toISOString(),
      state: guest.accountId ? 'account' : guest.leftAt ? 'left' : 'present',
      invited: guest.invited,
    })),
  };
};

/** Every action: the facilitator (or an administrator), by the policy's `workshop.manageGuests`. */
async function manage(event: RequestEvent) {
  const user = requireUser({ locals: event.locals, url: event.url });
  const { sql } = await getDb();
  const access = await workshopAccess(sql, {
    user,
    workshopId: event.params.id,
    action: 'workshop.manageGuests',
  });
  return { sql, access, form: await event.request.formData(), now: new Date() };
}

export const actions: Actions = {
  open: async (event) => {
    const { sql, access, form, now } = await manage(event);
    await openGuestAccess(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      allowNeeds: form.get('allowNeeds') === 'on',
      now,
    });
    return { form: 'open', saved: true };
  },
  close: async (event) => {
    const { sql, access, now } = await manage(event);
    const left = await closeGuestAccess(sql, { actor: access.actor, workshopId: access.workshop.id, now });
    return { form: 'close', left };
  },
  needs: async (event) => {
    const { sql, access, form, now } = await manage(event);
    const allowNeeds = form.get('allowNeeds') === 'on';
    const changed = await setGuestNeeds(sql, { workshopId: access.workshop.id, allowNeeds, now });
    if (!changed) return fail(409, { form: 'needs', error: 'closed' });
    return { form: 'needs', saved: true };
  },
  remove: async (event) => {
    const { sql, access, form, now } = await manage(event);
    const userId = String(form.get('userId') ?? '');
    const guest = isUuid(userId)
      ? await guests.find(sql, { workshopId: access.workshop.id, userId })
      : undefined;
    const removed = guest
      ? await removeGuest(sql, { actor: access.actor, workshopId: access.workshop.id, userId, now })
      : false;
    if (!guest || !removed) return fail(404, { form: 'remove', error: 'not_found' });
    return { form: 'remove', name: guest.displayName };
  },
  invite: async (event) => {
    const { sql, access, form, now } = await manage(event);
    const userId = String(form.get('userId') ?? '');
    const guest = isUuid(userId)
      ? await guests.find(sql, { workshopId: access.workshop.id, userId })
      : undefined;
    const result = guest
      ? await inviteGuest(sql, { actor: access.actor, workshopId: access.workshop.id, userId, now })
      : { ok: false as const };
    if (!guest || !result.ok) return fail(404, { form: 'invite', error: 'not_found' });
    // The token exists only here and in the link: the database keeps its hash.
    return { form: 'invite', name: guest.displayName, link: `${event.url.origin}/invite/${result.token}` };
  },
};
