// A new workshop started from an open-data bundle (the JSON export of another workshop, maybe
// from another instance): the file is read and checked against the bundle's schema first; then,
// inside the new workshop's transaction, the bundle's organisations are found or created here,
// every reference to them is rewritten to the local ids, and the first state of the workshop's
// two Yjs documents is built.
import { organisations, workshopOrganisations, type Queryable } from '@atelier/db';
import {
  importOpenData,
  matchOrganisations,
  OpenDataError,
  parseOpenData,
  remapOrganisations,
  type Actor,
  type OpenDataBundle,
  type OrganisationMatch,
} from '@atelier/domain';
import * as Y from 'yjs';
import { cleanText } from './hardening/text.ts';
import { insertOrganisation } from './organisations.ts';

/** Largest bundle accepted (the web server takes bodies of up to 2 MB with the form around it). */
export const MAX_BUNDLE_BYTES = 1_500_000;

export type BundleProblem = 'too_large' | 'not_json' | 'invalid';

export type BundleRead =
  | {
      ok: true;
      bundle: OpenDataBundle;
      /** What the bundle holds, for the audit log. */
      counts: { needs: number; roadmap: number; ideas: number; scenarios: number; agenda: number };
      source: { title: string; generatedAt: string };
    }
  | { ok: false; problem: BundleProblem; detail: string };

/**
 * Reads an uploaded bundle. Nothing is written here: `importBundle` does, inside the new
 * workshop's transaction, so that a refused file leaves no trace.
 *
 * @example const read = await readBundle(form.get('bundle') as File); if (read.ok) …
 */
export async function readBundle(file: Blob): Promise<BundleRead> {
  if (file.size > MAX_BUNDLE_BYTES) return { ok: false, problem: 'too_large', detail: `${file.size} bytes` };
  const text = await file.text();
  // PostgreSQL refuses NUL in text and jsonb: a bundle holding one (raw or as the \u0000 escape,
  // in a value or a key) is refused whole; other control characters are removed from values.
  if (text.includes('\u0000') || /\\u0000/i.test(text))
    return { ok: false, problem: 'invalid', detail: 'null character (U+0000)' };
  let json: unknown;
  try {
    json = JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? cleanText(value) : value));
  } catch (error) {
    return { ok: false, problem: 'not_json', detail: (error as Error).message.slice(0, 200) };
  }
  try {
    const bundle = parseOpenData(json);
    return {
      ok: true,
      bundle,
      counts: {
        needs: bundle.needs.length,
        roadmap: bundle.roadmap.length,
        ideas: bundle.ideas.length,
        scenarios: bundle.scenarios.length,
        agenda: bundle.agenda.length,
      },
      source: { title: bundle.workshop.title, generatedAt: bundle.generatedAt },
    };
  } catch (error) {
    if (error instanceof OpenDataError) return { ok: false, problem: 'invalid', detail: error.message };
    throw error;
  }
}

/** How many of a bundle's organisations were found here by id or by name, made, or replaced. */
export interface OrganisationCounts {
  organisationsMatchedById: number;
  organisationsMatchedByName: number;
  organisationsCreated: number;
  /** Unknown métropoles the importer may not create, taken as their own. */
  organisationsMappedToCreatorMetropole: number;
}

export interface ImportedBundle {
  /** The documents' first state, as Yjs updates. */
  content: Uint8Array;
  facilitation: Uint8Array;
  organisations: OrganisationCounts;
}

/**
 * Imports a bundle into a new workshop, inside the workshop's transaction: finds or creates
 * each of its organisations here (`matchOrganisations`), records them for the workshop so that
 * its room names them, and builds the documents with every reference rewritten to local ids.
 *
 * @param options.seatOrganisationId - the organisation the creator facilitates for; a created
 *   organisation with no need nor training offer to place it is placed in its commune
 * @example const imported = await importBundle(tx, { bundle, actor, workshopId, seatOrganisationId, now })
 */
export async function importBundle(
  tx: Queryable,
  options: {
    bundle: OpenDataBundle;
    actor: Actor;
    workshopId: string;
    seatOrganisationId: string | undefined;
    now: Date;
  },
): Promise<ImportedBundle> {
  const { bundle, actor, workshopId, now } = options;
  const local = await organisations.list(tx);
  const matches = matchOrganisations({ organisations: bundle.organisations, local, actor });
  const homeCommune =
    local.find((o) => o.id === options.seatOrganisationId)?.communeCode ??
    local.find((o) => o.kind === 'metropole')?.communeCode;
  const map = new Map<string, string>();
  for (const [bundleId, match] of matches) {
    if (match.by !== 'create') {
      map.set(bundleId, match.localId);
      continue;
    }
    const communeCode = communeOf(bundle, bundleId) ?? homeCommune ?? anyCommune(bundle);
    if (!communeCode) throw new Error(`no commune to place the imported organisation ${bundleId} in`);
    // As from the creation form: the importer is its first admin, who can then add its people.
    const created = await insertOrganisation(tx, {
      actor,
      input: {
        kind: match.kind,
        name: organisationName(match.name, bundleId) || match.kind,
        siren: null,
        communeCode,
      },
      now,
      details: { importedInto: workshopId },
    });
    map.set(bundleId, created);
  }
  await workshopOrganisations.add(tx, { workshopId, organisationIds: [...new Set(map.values())] });
  const { content, facilitation } = importOpenData({ bundle: remapOrganisations({ bundle, map }) });
  return {
    content: Y.encodeStateAsUpdate(content),
    facilitation: Y.encodeStateAsUpdate(facilitation),
    organisations: countMatches(matches.values()),
  };
}

function countMatches(matches: Iterable<OrganisationMatch>): OrganisationCounts {
  const counts: OrganisationCounts = {
    organisationsMatchedById: 0,
    organisationsMatchedByName: 0,
    organisationsCreated: 0,
    organisationsMappedToCreatorMetropole: 0,
  };
  for (const match of matches) {
    switch (match.by) {
      case 'id':
        counts.organisationsMatchedById++;
        break;
      case 'name':
        counts.organisationsMatchedByName++;
        break;
      case 'create':
        counts.organisationsCreated++;
        break;
      case 'creatorMetropole':
        counts.organisationsMappedToCreatorMetropole++;
        break;
      default: {
        const unreachable: never = match;
        return unreachable;
      }
    }
  }
  return counts;
}

/** Where the bundle places an organisation: the commune of its first need or training offer. */
function communeOf(bundle: OpenDataBundle, organisationId: string): string | undefined {
  return [...bundle.needs, ...bundle.trainingOffers].find((entry) => entry.organisationId === organisationId)
    ?.communeCode;
}

function anyCommune(bundle: OpenDataBundle): string | undefined {
  return bundle.needs[0]?.communeCode ?? bundle.trainingOffers[0]?.communeCode;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A bundle's name as this instance stores one (at most 200 characters, no control character). */
function organisationName(name: string, bundleId: string): string {
  const clean = (text: string) => text.replace(CONTROL, ' ').trim().slice(0, 200);
  return clean(name) || clean(bundleId);
}
