import { calls, contributions } from '@atelier/db';
import { callState } from '@atelier/domain';
import { getDb } from '$lib/server/db.ts';
import { ownContribution } from '$lib/server/contributions/contribute.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

/** The calls open to the person's organisations, and their own contributions. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  const now = new Date();
  const [list, mine] = await Promise.all([
    calls.listForContributor(sql, { userId: user.id, now }),
    contributions.listForAuthor(sql, { authorId: user.id }),
  ]);
  return {
    calls: list.map((call) => ({
      id: call.id,
      title: call.title,
      text: call.text,
      asks: call.asks,
      workshopTitle: call.workshopTitle,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      state: callState(call, now),
    })),
    mine: mine
      .filter((contribution) => contribution.callId !== null)
      .slice(0, 50)
      .map((contribution) => ({
        ...ownContribution(contribution),
        callId: contribution.callId,
        callTitle: contribution.callTitle,
      })),
  };
};
