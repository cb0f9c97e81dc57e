// What a report of a workshop is made from, read from the database and its two Yjs documents: the
// one loader of the web app's exports and of the demo seed's published report (moved here from
// apps/web so that both read the same).
import {
  assembleModelResults,
  readWorkshopContent,
  scenarioRunTargets,
  roomName,
  type ReportInput,
  type ReportLocale,
} from '@atelier/domain';
import * as Y from 'yjs';
import type { Queryable } from './client.ts';
import * as contributions from './repositories/contributions.ts';
import * as facilitation from './repositories/facilitation.ts';
import * as guests from './repositories/guests.ts';
import * as organisations from './repositories/organisations.ts';
import * as scenarioRuns from './repositories/scenario-runs.ts';
import type { RunLog } from './repositories/scenario-runs.ts';
import * as versions from './repositories/versions.ts';
import * as workshops from './repositories/workshops.ts';
import type { WorkshopDetails } from './repositories/workshops.ts';
import * as yjsStore from './repositories/yjs.ts';

/** The stored state of one document (snapshot and log) applied to a new Y.Doc. */
function storedDocument(sql: Queryable, docName: string): Promise<Y.Doc> {
  return yjsStore.readDocument(sql, { docName });
}

/** Thrown when the requested saved version is not one of this workshop's. */
export class UnknownVersionError extends Error {
  override name = 'UnknownVersionError';
}

/**
 * Everything a report of a workshop is made from: the workshop, its members and the
 * organisations they and the content refer to, the two Yjs documents (as stored now, or a
 * saved version), polls with ballots, contributions, and the models' results read from the
 * stored scenario runs (`scenarioRuns.ensureAll`: computed and stored once per fingerprint).
 */
export async function loadReportInput(
  sql: Queryable,
  options: {
    workshop: WorkshopDetails;
    versionId: string | null;
    locale: ReportLocale;
    anonymised: boolean;
    exportedBy: string;
    licence?: string;
    now: Date;
    /** One line when a stored scenario run is refused by its schema (and computed again). */
    log?: RunLog;
  },
): Promise<ReportInput> {
  const { workshop } = options;
  let content: Y.Doc;
  let facilitationDoc: Y.Doc;
  let version: ReportInput['version'] = { kind: 'current' };
  if (options.versionId) {
    const saved = await versions.find(sql, { workshopId: workshop.id, id: options.versionId });
    if (!saved) throw new UnknownVersionError('no such version in this workshop');
    content = new Y.Doc();
    facilitationDoc = new Y.Doc();
    Y.applyUpdate(content, saved.contentState);
    Y.applyUpdate(facilitationDoc, saved.facilitationState);
    version = { kind: 'saved', id: saved.id, name: saved.name, savedAt: saved.createdAt };
  } else {
    [content, facilitationDoc] = await Promise.all([
      storedDocument(sql, roomName(workshop.id, 'content')),
      storedDocument(sql, roomName(workshop.id, 'facilitation')),
    ]);
  }
  const read = readWorkshopContent({ content, facilitation: facilitationDoc });
  const [members, workshopGuests, allOrganisations, polls, workshopContributions] = await Promise.all([
    workshops.listMembers(sql, { workshopId: workshop.id }),
    guests.list(sql, { workshopId: workshop.id }),
    organisations.list(sql),
    facilitation.listPolls(sql, { workshopId: workshop.id }),
    contributions.listForWorkshop(sql, { workshopId: workshop.id }),
  ]);
  const ballots = await facilitation.ballots(sql, { pollIds: polls.map((poll) => poll.id) });
  // The scenario figures come from the stored runs (computed and stored here when absent): the
  // same numbers for every format and every later export of the same inputs.
  const targets = scenarioRunTargets({ scenarios: read.scenarios, scenarioChanges: read.scenarioChanges });
  const runs = await scenarioRuns.ensureAll(sql, {
    targets,
    now: options.now,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    locale: options.locale,
    anonymised: options.anonymised,
    exportedAt: options.now,
    exportedBy: options.exportedBy,
    version,
    licence: options.licence,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      description: workshop.description,
      territory: workshop.territory,
      status: workshop.status,
      startsAt: workshop.startsAt,
    },
    organisations: allOrganisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      fictional: o.fictional,
    })),
    members: [
      ...members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        role: m.role,
        organisationId: m.organisationId,
      })),
      // Guests who named their organisation are listed with it, as guests; the others are
      // counted in the polls but named nowhere (the report has no place without an organisation).
      ...workshopGuests.flatMap((g) =>
        g.organisationId && !g.accountId
          ? [
              {
                userId: g.userId,
                displayName: g.displayName,
                role: 'participant' as const,
                organisationId: g.organisationId,
                guest: true,
              },
            ]
          : [],
      ),
    ],
    content: read,
    polls: polls.map((poll) => ({
      id: poll.id,
      question: poll.question,
      options: poll.options,
      kind: poll.kind,
      anonymous: poll.anonymous,
      status: poll.status,
      ballots: ballots.filter((b) => b.pollId === poll.id).map((b) => b.allocation),
    })),
    contributions: workshopContributions.map((c) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      authorName: c.authorName,
      organisationId: c.organisationId,
      payload: c.payload,
      createdAt: c.createdAt,
    })),
    models: assembleModelResults({ targets, runs, locale: options.locale }),
  };
}
