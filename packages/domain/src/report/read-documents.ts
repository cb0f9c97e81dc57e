import type * as Y from 'yjs';
import {
  comments,
  ideas,
  needs,
  roadmap,
  scenarios,
  synthesisOf,
  trainingOffers,
  scenarioChanges,
  type Comment,
  type Idea,
  type Need,
  type RoadmapAction,
  type Scenario,
  type TrainingOffer,
  type ScenarioChange,
} from '../realtime/content-doc.ts';
import {
  agenda,
  readSettings,
  type AgendaItem,
  type WorkshopSettings,
} from '../realtime/facilitation-doc.ts';
import { ideaGroups, type IdeaGroup } from '../board/board-schema.ts';
import { synthesisBlocks, type SynthesisBlock } from './synthesis.ts';

/** What a workshop's two documents hold, valid entries only, with the count of the others. */
export interface WorkshopContent {
  needs: Need[];
  roadmap: RoadmapAction[];
  ideas: Idea[];
  /** The facilitators' groups of the ideas board (cards point to them by `groupId`). */
  ideaGroups: IdeaGroup[];
  comments: Comment[];
  trainingOffers: TrainingOffer[];
  scenarios: Scenario[];
  /** Changes of scenario variants (scenario lab), one per input. */
  scenarioChanges: ScenarioChange[];
  synthesis: SynthesisBlock[];
  agenda: AgendaItem[];
  settings: Partial<WorkshopSettings>;
  /** Entries present in the documents that do not pass their schema (`read` skips them). */
  skipped: Record<
    | 'needs'
    | 'roadmap'
    | 'ideas'
    | 'ideaGroups'
    | 'comments'
    | 'trainingOffers'
    | 'scenarios'
    | 'scenarioChanges'
    | 'agenda',
    number
  >;
}

/**
 * Reads a workshop's content and facilitation documents for a report or an export.
 *
 * @param options.content - the `<id>/content` document, at the version to export
 * @param options.facilitation - the `<id>/facilitation` document
 * @example readWorkshopContent({ content, facilitation }).skipped.needs // 0
 */
export function readWorkshopContent(options: { content: Y.Doc; facilitation: Y.Doc }): WorkshopContent {
  const { content, facilitation } = options;
  const read = {
    needs: needs.read(content),
    roadmap: roadmap.read(content),
    ideas: ideas.read(content),
    ideaGroups: ideaGroups.read(content),
    comments: comments.read(content),
    trainingOffers: trainingOffers.read(content),
    scenarios: scenarios.read(content),
    scenarioChanges: scenarioChanges.read(content),
    agenda: agenda.read(facilitation),
  };
  return {
    ...read,
    synthesis: synthesisBlocks(synthesisOf(content)),
    settings: readSettings(facilitation),
    skipped: {
      needs: content.getArray('needs').length - read.needs.length,
      roadmap: content.getArray('roadmap').length - read.roadmap.length,
      ideas: content.getArray('ideas').length - read.ideas.length,
      ideaGroups: content.getArray('ideaGroups').length - read.ideaGroups.length,
      comments: content.getArray('comments').length - read.comments.length,
      trainingOffers: content.getArray('trainingOffers').length - read.trainingOffers.length,
      scenarios: content.getMap('scenarios').size - read.scenarios.length,
      scenarioChanges: content.getArray('scenarioChanges').length - read.scenarioChanges.length,
      agenda: facilitation.getArray('agenda').length - read.agenda.length,
    },
  };
}
