import * as Y from 'yjs';
import { z } from 'zod';
import { organisationKindSchema, type OrganisationKind } from '../workshop/organisation-kind.ts';
import { can, type Actor } from '../workshop/policy.ts';
import { workshopStatusSchema } from '../workshop/workshop.ts';
import {
  commentSchema,
  comments,
  ideaSchema,
  ideas,
  needSchema,
  needs,
  roadmap,
  roadmapActionSchema,
  scenarioSchema,
  scenarios,
  synthesisOf,
  trainingOfferSchema,
  trainingOffers,
  scenarioChangeSchema,
  scenarioChanges,
} from '../realtime/content-doc.ts';
import { agenda, agendaItemSchema, settingsSchema, writeSettings } from '../realtime/facilitation-doc.ts';
import type { ReportInput } from './report.ts';
import { writeSynthesisBlocks } from './synthesis.ts';

/** Name and version of the open-data format; the JSON Schema is `docs/open-data/<name>-<major>.schema.json`. */
export const OPEN_DATA_FORMAT = 'atelier-workshop';
export const OPEN_DATA_VERSION = '1.4.0';

/** Licences a facilitator may publish open data under. */
export const OPEN_DATA_LICENCES = {
  'etalab-2.0': {
    name: 'Licence Ouverte / Open Licence 2.0',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  'odbl-1.0': { name: 'Open Database License 1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  'cc-by-4.0': {
    name: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc0-1.0': { name: 'Creative Commons Zero 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
} as const;
export type OpenDataLicence = keyof typeof OPEN_DATA_LICENCES;
export const OPEN_DATA_LICENCE_IDS = Object.keys(OPEN_DATA_LICENCES) as OpenDataLicence[];
export const openDataLicenceSchema = z.enum(OPEN_DATA_LICENCE_IDS as [OpenDataLicence, ...OpenDataLicence[]]);

const synthesisBlockSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: z.string(),
  }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('item'), ordered: z.boolean(), text: z.string() }),
]);

/** The open-data bundle of a workshop: its content with stable ids, under a licence. */
export const openDataBundleSchema = z
  .object({
    format: z.literal(OPEN_DATA_FORMAT),
    /** Semantic version of the format: a new major version may drop or rename fields. */
    formatVersion: z.string().regex(/^1\.\d+\.\d+$/),
    licence: z.object({ id: openDataLicenceSchema, name: z.string(), url: z.string() }),
    generatedAt: z.iso.datetime(),
    /** People are pseudonymised (`person-1`, …): the bundle holds no name nor account id. */
    anonymised: z.boolean(),
    version: z.union([
      z.object({ kind: z.literal('current') }),
      z.object({ kind: z.literal('saved'), id: z.string(), name: z.string(), savedAt: z.iso.datetime() }),
    ]),
    workshop: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      territory: z.string(),
      status: workshopStatusSchema,
      startsAt: z.iso.datetime().nullable(),
    }),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema })),
    needs: z.array(needSchema),
    roadmap: z.array(roadmapActionSchema),
    ideas: z.array(ideaSchema),
    comments: z.array(commentSchema),
    trainingOffers: z.array(trainingOfferSchema),
    scenarios: z.array(scenarioSchema),
    scenarioChanges: z.array(scenarioChangeSchema),
    synthesis: z.array(synthesisBlockSchema),
    agenda: z.array(agendaItemSchema),
    settings: settingsSchema.partial(),
    polls: z.array(
      z.object({
        id: z.string(),
        question: z.string(),
        kind: z.enum(['poll', 'dots']),
        status: z.enum(['open', 'closed']),
        options: z.array(z.object({ label: z.string(), votes: z.number().int().nonnegative() })),
        voterCount: z.number().int().nonnegative(),
      }),
    ),
    /**
     * The models' results the report printed (1.2.0): one run of the scenario lab per scenario,
     * with the lab's fingerprint of its inputs and every indicator the lab compares.
     */
    results: z
      .object({
        models: z.record(z.string(), z.string()),
        illustrative: z.boolean(),
        scenarios: z.array(
          z.object({
            scenarioId: z.string().nullable(),
            fingerprint: z.string(),
            /** When the stored run these figures were read from was computed (1.4.0). */
            computedAt: z.string().optional(),
            indicators: z.record(z.string(), z.number().nullable()),
          }),
        ),
      })
      .optional(),
  })
  .meta({
    title: 'Atelier workshop open data',
    description:
      'The content of one Atelier workshop (needs, roadmap, ideas, scenarios, synthesis, agenda, votes).',
  });
export type OpenDataBundle = z.output<typeof openDataBundleSchema>;

/**
 * The JSON Schema (draft 2020-12) of the bundle, generated from `openDataBundleSchema`; the
 * copy in `docs/open-data/` is checked against it by the export package's tests.
 */
export function openDataJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(openDataBundleSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: `https://atelier.example/open-data/${OPEN_DATA_FORMAT}-${OPEN_DATA_VERSION.split('.')[0]}.schema.json`,
  };
}

/** Thrown when a file is not an open-data bundle this version can read. */
export class OpenDataError extends Error {
  override name = 'OpenDataError';
}

/**
 * The open-data bundle of a workshop. Anonymised, every person id (`createdBy`, `contributorId`,
 * `committedBy`, `commitRequestedBy`) becomes `person-N` in order of first appearance, and no
 * name is written; organisations are kept.
 *
 * @param options.input - the same data as the report
 * @param options.licence - the licence chosen by the facilitator
 * @example JSON.stringify(buildOpenData({ input, licence: 'etalab-2.0' }))
 */
export function buildOpenData(options: { input: ReportInput; licence: OpenDataLicence }): OpenDataBundle {
  const { input, licence } = options;
  const pseudonyms = new Map<string, string>();
  const person = (id: string) => {
    if (!input.anonymised) return id;
    let alias = pseudonyms.get(id);
    if (!alias) {
      alias = `person-${pseudonyms.size + 1}`;
      pseudonyms.set(id, alias);
    }
    return alias;
  };
  const optionalPerson = (id: string | undefined) => (id === undefined ? undefined : person(id));
  const withContributor = <T extends { contributorId?: string | undefined }>(entry: T): T => {
    const contributorId = optionalPerson(entry.contributorId);
    return contributorId ? { ...entry, contributorId } : entry;
  };
  const { content } = input;
  const used = new Set<string>([
    ...input.members.map((m) => m.organisationId),
    ...content.needs.map((n) => n.organisationId),
    ...content.roadmap.flatMap((a) => [a.ownerOrganisationId, ...a.partnerOrganisationIds]),
    ...content.ideas.flatMap((i) => i.organisationId ?? []),
    ...content.comments.map((c) => c.organisationId),
    ...content.trainingOffers.map((t) => t.organisationId),
  ]);
  return {
    format: OPEN_DATA_FORMAT,
    formatVersion: OPEN_DATA_VERSION,
    licence: { id: licence, ...OPEN_DATA_LICENCES[licence] },
    generatedAt: input.exportedAt.toISOString(),
    anonymised: input.anonymised,
    version:
      input.version.kind === 'current'
        ? { kind: 'current' }
        : {
            kind: 'saved',
            id: input.version.id,
            name: input.version.name,
            savedAt: input.version.savedAt.toISOString(),
          },
    workshop: {
      id: input.workshop.id,
      title: input.workshop.title,
      description: input.workshop.description,
      territory: input.workshop.territory,
      status: input.workshop.status,
      startsAt: input.workshop.startsAt?.toISOString() ?? null,
    },
    organisations: input.organisations
      .filter((o) => used.has(o.id))
      .map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    needs: content.needs.map((n) => withContributor({ ...n, createdBy: person(n.createdBy) })),
    roadmap: content.roadmap.map((a) => {
      const action = { ...a, createdBy: person(a.createdBy) };
      const committedBy = optionalPerson(a.committedBy);
      const commitRequestedBy = optionalPerson(a.commitRequestedBy);
      if (committedBy) action.committedBy = committedBy;
      if (commitRequestedBy) action.commitRequestedBy = commitRequestedBy;
      return action;
    }),
    ideas: content.ideas.map((i) => ({ ...i, createdBy: person(i.createdBy) })),
    comments: content.comments.map((c) => withContributor({ ...c, createdBy: person(c.createdBy) })),
    trainingOffers: content.trainingOffers.map((t) =>
      withContributor({ ...t, createdBy: person(t.createdBy) }),
    ),
    scenarios: content.scenarios.map((s) => ({ ...s, createdBy: person(s.createdBy) })),
    scenarioChanges: content.scenarioChanges.map((c) => ({ ...c, createdBy: person(c.createdBy) })),
    synthesis: content.synthesis.map((block) => ({ ...block })),
    agenda: content.agenda.map((item) => ({ ...item })),
    settings: { ...content.settings },
    polls: input.polls.map((poll) => {
      const votes = new Array<number>(poll.options.length).fill(0);
      for (const ballot of poll.ballots)
        for (const [option, dots] of Object.entries(ballot)) {
          const index = Number(option);
          if (index >= 0 && index < votes.length) votes[index] = (votes[index] ?? 0) + dots;
        }
      return {
        id: poll.id,
        question: poll.question,
        kind: poll.kind,
        status: poll.status,
        options: poll.options.map((label, index) => ({ label, votes: votes[index] ?? 0 })),
        voterCount: poll.ballots.length,
      };
    }),
    ...(input.models
      ? {
          results: {
            models: { ...input.models.versions },
            illustrative: input.models.illustrative,
            scenarios: input.models.runs.map((run) => ({
              scenarioId: run.scenarioId,
              fingerprint: run.fingerprint,
              ...(run.computedAt ? { computedAt: run.computedAt.toISOString() } : {}),
              indicators: { ...run.indicators },
            })),
          },
        }
      : {}),
  };
}

/**
 * Reads an open-data bundle (parsed JSON), checking it against the schema.
 *
 * @throws OpenDataError naming the format problem or the first invalid fields
 */
export function parseOpenData(json: unknown): OpenDataBundle {
  const result = openDataBundleSchema.safeParse(json);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new OpenDataError(`not an ${OPEN_DATA_FORMAT} ${OPEN_DATA_VERSION} bundle: ${where}`);
}

/**
 * Writes a bundle's content into the two documents of a new workshop: needs, roadmap, ideas,
 * comments, training offers, scenarios, scenario changes and synthesis into `content`, agenda and settings into `facilitation`.
 * Ids are kept, so links between entries (an action's needs, a comment's target) still hold.
 * Polls are results, not content, and are not imported. Without documents, new ones are made.
 *
 * @returns the two documents written to
 * @example const { content } = importOpenData({ bundle: parseOpenData(json) }); Y.encodeStateAsUpdate(content)
 */
export function importOpenData(options: { bundle: OpenDataBundle; content?: Y.Doc; facilitation?: Y.Doc }): {
  content: Y.Doc;
  facilitation: Y.Doc;
} {
  const { bundle } = options;
  const content = options.content ?? new Y.Doc();
  const facilitation = options.facilitation ?? new Y.Doc();
  content.transact(() => {
    for (const need of bundle.needs) needs.add(content, need);
    for (const action of bundle.roadmap) roadmap.add(content, action);
    for (const idea of bundle.ideas) ideas.add(content, idea);
    for (const comment of bundle.comments) comments.add(content, comment);
    for (const offer of bundle.trainingOffers) trainingOffers.add(content, offer);
    for (const scenario of bundle.scenarios) scenarios.put(content, scenario);
    for (const change of bundle.scenarioChanges) scenarioChanges.add(content, change);
    writeSynthesisBlocks(synthesisOf(content), bundle.synthesis);
  });
  facilitation.transact(() => {
    for (const item of bundle.agenda) agenda.add(facilitation, item);
    writeSettings(facilitation, bundle.settings);
  });
  return { content, facilitation };
}

/**
 * An organisation's name as compared across instances: Unicode-normalised (NFKC), trimmed, in
 * lower case, so that " METZ MÉTROPOLE" with a combining accent still finds "Metz Métropole".
 */
function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** How a bundle's organisation was found on this instance, or that it is to be created. */
export type OrganisationMatch =
  | { by: 'id' | 'name' | 'creatorMetropole'; localId: string }
  | { by: 'create'; name: string; kind: OrganisationKind };

/**
 * Finds each organisation of a bundle (possibly from another instance) among this instance's:
 * the same id, else the same name (see `nameKey`) and kind, else it is to be created. Only a
 * platform administrator may create a métropole: for anyone else an unknown one is the
 * importer's own métropole (they have one, since only they and administrators create workshops;
 * without one, it is left out and its id kept).
 *
 * @param options.organisations - the bundle's organisations
 * @param options.local - this instance's organisations
 * @param options.actor - who imports the bundle
 * @returns the match of each bundle organisation, keyed by its id in the bundle
 * @example matchOrganisations({ organisations: bundle.organisations, local, actor }).get(id) // { by: 'name', localId }
 */
export function matchOrganisations(options: {
  organisations: OpenDataBundle['organisations'];
  local: readonly { id: string; name: string; kind: OrganisationKind }[];
  actor: Actor;
}): Map<string, OrganisationMatch> {
  const { actor } = options;
  const ids = new Set(options.local.map((o) => o.id));
  const byName = new Map<string, string>();
  for (const o of options.local) {
    const key = `${o.kind}\n${nameKey(o.name)}`;
    if (!byName.has(key)) byName.set(key, o.id);
  }
  const mayCreateMetropole = can(actor, 'organisation.createMetropole', { type: 'platform' });
  const ownMetropole = actor.organisations.find((o) => o.kind === 'metropole')?.id;
  const matches = new Map<string, OrganisationMatch>();
  for (const { id, name, kind } of options.organisations) {
    const sameName = byName.get(`${kind}\n${nameKey(name)}`);
    if (ids.has(id)) matches.set(id, { by: 'id', localId: id });
    else if (sameName) matches.set(id, { by: 'name', localId: sameName });
    else if (kind !== 'metropole' || mayCreateMetropole) matches.set(id, { by: 'create', name, kind });
    else if (ownMetropole) matches.set(id, { by: 'creatorMetropole', localId: ownMetropole });
  }
  return matches;
}

/**
 * A bundle whose organisation ids are rewritten through a map (bundle id → local id): the
 * organisations' own ids and every reference to them (needs, actions' owners and partners,
 * ideas, comments, training offers). Ids absent from the map are kept.
 *
 * @param options.bundle - a parsed bundle
 * @param options.map - the local id of each bundle organisation id
 * @example remapOrganisations({ bundle, map: new Map([['org-a', localId]]) }).needs[0]?.organisationId // localId
 */
export function remapOrganisations(options: {
  bundle: OpenDataBundle;
  map: ReadonlyMap<string, string>;
}): OpenDataBundle {
  const { bundle, map } = options;
  const local = (id: string) => map.get(id) ?? id;
  const organisations = new Map(bundle.organisations.map((o) => [local(o.id), { ...o, id: local(o.id) }]));
  return {
    ...bundle,
    organisations: [...organisations.values()],
    needs: bundle.needs.map((n) => ({ ...n, organisationId: local(n.organisationId) })),
    roadmap: bundle.roadmap.map((a) => ({
      ...a,
      ownerOrganisationId: local(a.ownerOrganisationId),
      partnerOrganisationIds: [...new Set(a.partnerOrganisationIds.map(local))],
    })),
    ideas: bundle.ideas.map((i) =>
      i.organisationId ? { ...i, organisationId: local(i.organisationId) } : i,
    ),
    comments: bundle.comments.map((c) => ({ ...c, organisationId: local(c.organisationId) })),
    trainingOffers: bundle.trainingOffers.map((t) => ({ ...t, organisationId: local(t.organisationId) })),
  };
}
