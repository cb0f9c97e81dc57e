import { requireUser } from '$lib/server/guard.ts';
import type { LayoutServerLoad } from './$types';

/** Every page of the app is for signed-in people; each load below checks again on its own. */
export const load: LayoutServerLoad = (event) => {
  requireUser(event, { guests: true });
};
