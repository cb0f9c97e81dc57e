import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user
    ? { displayName: locals.user.displayName, email: locals.user.email, isAdmin: locals.user.isAdmin }
    : null,
});
