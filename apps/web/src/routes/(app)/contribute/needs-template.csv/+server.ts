import { needsCsvTemplate } from '@atelier/domain';
import { requireUser } from '$lib/server/guard.ts';
import type { RequestHandler } from './$types';

// Issue 20: the CSV of needs to fill in a spreadsheet: French column names and values, ';',
// UTF-8 with a byte-order mark (so that Excel reads the accents), two example lines.
export const GET: RequestHandler = (event) => {
  requireUser(event, { endpoint: true });
  return new Response(new TextEncoder().encode(needsCsvTemplate()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="modele-besoins.csv"',
    },
  });
};
