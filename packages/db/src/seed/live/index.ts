import { comments, needs, trainingOffers, type MergeEntries } from '@atelier/domain';
import type { Cast } from '../cast.ts';
import { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';
import { writeLiveAgenda } from './agenda.ts';
import { writeLiveComments } from './comments.ts';
import { writeLiveIdeas } from './ideas.ts';
import { writeLiveNeeds } from './needs.ts';
import { writeLiveRoadmap } from './roadmap.ts';
import { writeLiveScenarios } from './scenarios.ts';
import { writeLiveSynthesis } from './synthesis.ts';
import { writeLiveTrainingOffers } from './training.ts';

export interface LiveDocuments {
  content: RoomDocument;
  facilitation: RoomDocument;
  currentStepId: string;
}

/**
 * The two documents of the live workshop, in the middle of its session: agenda, ideas, needs,
 * training offers, roadmap, comments, scenarios, the synthesis draft, and the entries of the
 * contributions accepted between sessions (merged by the facilitator, as the moderation does).
 *
 * @param options.accepted - the merge entries of each accepted contribution (`contributionEntries`)
 */
export function buildLiveDocuments(
  cast: Cast,
  options: { name: string; accepted: readonly MergeEntries[] },
): LiveDocuments {
  const facilitation = new RoomDocument('facilitation', options.name);
  const content = new RoomDocument('content', options.name).withSettingsOf(facilitation);
  const { currentStepId } = writeLiveAgenda(facilitation, cast);
  const facilitator = seatOf(cast.seats, 'facilitator');
  for (const entries of options.accepted) {
    content.edit(facilitator, (doc) => {
      for (const entry of entries.needs) needs.add(doc, entry);
      for (const entry of entries.comments) comments.add(doc, entry);
      for (const entry of entries.trainingOffers) trainingOffers.add(doc, entry);
    });
  }
  writeLiveIdeas(content, cast);
  writeLiveNeeds(content, cast);
  writeLiveTrainingOffers(content, cast);
  writeLiveRoadmap(content, cast);
  writeLiveComments(content, cast);
  writeLiveScenarios(content, cast);
  writeLiveSynthesis(content, cast);
  return { content, facilitation, currentStepId };
}
