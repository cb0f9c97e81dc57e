// The scenario lab opens the same room as the workshop page: same people, rights and realtime server.
export { load } from '../+page.server.ts';
