import { ANONYMOUS_AUTHOR, BOARD_PLACEMENT_FIELDS } from '../board/board-schema.ts';
import type { GuestRights } from '../workshop/policy.ts';
import type { WorkshopRole } from '../workshop/workshop.ts';
import type { RoomSection, WorkshopSettings } from './facilitation-doc.ts';
import { roadmapDatesInOrder } from './roadmap-dates.ts';

/**
 * What the server tells a client (y-protocols "permission denied") whose catch-up it
 * holds back: it carries someone else's changes the server lacks, or depends on
 * changes it lacks. The client's edits stay in its document and are asked again.
 */
export const HELD_BACK_REASON =
  'held back: your document carries changes the server does not have yet; your edits are kept and will be sent again';

/**
 * The collections of the `content` document whose entries are Y.Maps, each with its
 * write rules. A collection added to `CONTENT_DOC_SCHEMA` without rules here is written
 * by facilitators only (and a test fails until it gets its rules).
 */
export const CONTENT_COLLECTIONS = [
  'needs',
  'roadmap',
  'ideas',
  'ideaGroups',
  'scenarios',
  'scenarioChanges',
  'comments',
  'trainingOffers',
] as const;
export type ContentCollection = (typeof CONTENT_COLLECTIONS)[number];

/** Who sends an update: the connection's person and their seat in the workshop. */
export interface ContentWriter {
  userId: string;
  role: WorkshopRole;
  /** The organisation the person represents in this workshop (their seat). */
  organisationId: string;
  /** A guest's seat (joined by the workshop's code): ideas, and needs if the facilitator allows. */
  guest?: GuestRights | undefined;
}

/** The fields of one entry, as plain values (possibly partial or invalid: the schema checks those). */
export type EntryFields = Readonly<Record<string, unknown>>;

/** What one update did to one entry of a content collection. */
export type EntryChange =
  | { collection: ContentCollection; kind: 'add'; after: EntryFields }
  | { collection: ContentCollection; kind: 'modify'; before: EntryFields; after: EntryFields }
  | { collection: ContentCollection; kind: 'delete'; before: EntryFields };

/** The facilitation settings the write rules read. */
export type WriteRuleSettings = Partial<
  Pick<WorkshopSettings, 'lockedSections' | 'dayZero' | 'anonymousIdeas'>
>;

/** A refused write: which entry, and why. */
export interface WriteRefusal {
  path: string;
  message: string;
}

const COMMENT_SECTION: Readonly<Record<string, RoomSection>> = {
  need: 'needs',
  action: 'roadmap',
  idea: 'ideas',
};

/**
 * The room section an entry belongs to: its collection's, for a comment its target's
 * (`need` → needs, `action` → roadmap, `idea` → ideas), and for a training offer
 * `needs` (the skills register: demand and supply), for a scenario change `scenarios`.
 *
 * @returns `undefined` for a comment without a known target type
 * @example sectionOfEntry({ collection: 'comments', entry: { targetType: 'action' } }) // 'roadmap'
 */
export function sectionOfEntry(options: {
  collection: ContentCollection;
  entry: EntryFields;
}): RoomSection | undefined {
  switch (options.collection) {
    case 'needs':
    case 'roadmap':
    case 'ideas':
    case 'scenarios':
      return options.collection;
    case 'ideaGroups':
      return 'ideas';
    case 'trainingOffers':
      return 'needs';
    case 'scenarioChanges':
      return 'scenarios';
    case 'comments': {
      const target = options.entry.targetType;
      return typeof target === 'string' ? COMMENT_SECTION[target] : undefined;
    }
    default: {
      const unreachable: never = options.collection;
      return unreachable;
    }
  }
}

/**
 * The sections a guest may write in: ideas, and needs when the facilitator lets guests add
 * needs for the organisation they chose (an unaffiliated guest has none to add them for).
 *
 * @example guestSections({ needs: true }, 'org-1') // ['ideas', 'needs']
 */
export function guestSections(guest: GuestRights, organisationId: string): RoomSection[] {
  return guest.needs && organisationId !== '' ? ['ideas', 'needs'] : ['ideas'];
}

/**
 * Whether a writer may write in a section of the room at all: facilitators always,
 * participants unless a facilitator locked it (`lockedSections`), guests only in
 * their sections ({@link guestSections}), nobody else.
 *
 * @example checkSectionWrite({ writer, section: 'synthesis', settings: { lockedSections: ['synthesis'] } })
 */
export function checkSectionWrite(options: {
  writer: ContentWriter;
  section: RoomSection;
  settings: WriteRuleSettings;
}): WriteRefusal | undefined {
  const { writer, section } = options;
  if (writer.role === 'facilitator') return undefined;
  if (writer.role !== 'participant') return { path: section, message: 'read-only seat' };
  if (writer.guest && !guestSections(writer.guest, writer.organisationId).includes(section)) {
    return { path: section, message: 'not open to guests' };
  }
  if (options.settings.lockedSections?.includes(section)) {
    return { path: section, message: 'section locked by the facilitator' };
  }
  return undefined;
}

/**
 * Rules spanning several fields of one entry, checked on the entry as it is after an
 * update, whoever writes: a roadmap action's `start` is not after its `due` date.
 *
 * @example checkEntryFields({ collection: 'roadmap', entry: { start: 'J+30', due: 'J+10' }, settings: {} }) // refusal
 */
export function checkEntryFields(options: {
  collection: ContentCollection;
  entry: EntryFields;
  settings: WriteRuleSettings;
}): WriteRefusal | undefined {
  const { collection, entry } = options;
  if (collection !== 'roadmap') return undefined;
  const { start, due } = entry;
  if (typeof start !== 'string' || typeof due !== 'string') return undefined;
  if (roadmapDatesInOrder({ start, due, dayZero: options.settings.dayZero })) return undefined;
  return { path: `roadmap[${String(entry.id)}].start`, message: 'start is after the due date' };
}

/**
 * The write rules of the `content` document, per seat. Facilitators write everything.
 * Participants write in sections that are not locked, and:
 * - needs and training offers: only their organisation's (`organisationId`), and may not
 *   move one to another;
 * - roadmap: only actions their organisation owns (`ownerOrganisationId`); on another
 *   organisation's action they may only ask it to commit (`commitRequestedBy` = themselves);
 *   committing (`status: committed`, `committedBy`) is for the owner organisation;
 * - comments: added in their organisation's name, changed and deleted by their author only;
 * - ideas: changed and deleted by their author only, but placed (`position`, `groupId`) by
 *   anyone; anonymous (`createdBy` = `ANONYMOUS_AUTHOR`, no organisation) while the
 *   facilitator has anonymity on, and then changed and deleted by facilitators only;
 *   the board's groups (`ideaGroups`) are the facilitators';
 * - scenarios and their changes (scenario lab): written together, like the synthesis;
 * - on add, `createdBy` is the writer for every entry but scenarios;
 * - guests: ideas, and their organisation's needs when the facilitator allows it, nothing else.
 * Cross-field rules (`checkEntryFields`) apply to everyone.
 *
 * @param options.writer - who sends the update
 * @param options.change - what it does to one entry
 * @param options.settings - the facilitation settings (`lockedSections`, `dayZero`)
 * @returns why the change is refused, or `undefined` when it is allowed
 * @example checkEntryChange({ writer, change: { collection: 'needs', kind: 'delete', before: need }, settings: {} })
 */
export function checkEntryChange(options: {
  writer: ContentWriter;
  change: EntryChange;
  settings: WriteRuleSettings;
}): WriteRefusal | undefined {
  const { writer, change, settings } = options;
  if (change.kind !== 'delete') {
    const fields = checkEntryFields({ collection: change.collection, entry: change.after, settings });
    if (fields) return fields;
  }
  if (writer.role === 'facilitator') return undefined;
  const entries = change.kind === 'modify' ? [change.before, change.after] : [entryOf(change)];
  for (const entry of entries) {
    const section = sectionOfEntry({ collection: change.collection, entry });
    if (section === undefined) return refusal(change, 'a comment needs a target type');
    const locked = checkSectionWrite({ writer, section, settings });
    if (locked) return { ...locked, path: pathOf(change) };
  }
  const message = participantRule(writer, change, settings);
  return message === undefined ? undefined : refusal(change, message);
}

/** The collections a guest writes: ideas, and their organisation's needs when allowed. */
const GUEST_COLLECTIONS: ReadonlySet<ContentCollection> = new Set(['ideas', 'needs']);

function participantRule(
  writer: ContentWriter,
  change: EntryChange,
  settings: WriteRuleSettings,
): string | undefined {
  const self = writer.userId;
  const org = writer.organisationId;
  // Comments, training offers and scenario changes live in sections a guest may write in
  // (ideas, needs), but are not a guest's to write.
  if (writer.guest && !GUEST_COLLECTIONS.has(change.collection)) return 'not open to guests';
  if (
    change.kind === 'add' &&
    change.collection !== 'scenarios' &&
    change.after.createdBy !== self &&
    !(change.collection === 'ideas' && change.after.createdBy === ANONYMOUS_AUTHOR)
  ) {
    return 'createdBy must be the writer';
  }
  if (change.kind === 'modify' && change.collection !== 'scenarios') {
    if (change.after.createdBy !== change.before.createdBy) return 'createdBy may not change';
  }
  if (
    change.kind !== 'delete' &&
    change.after.updatedBy !== undefined &&
    (change.kind === 'add' || changed(change, 'updatedBy')) &&
    change.after.updatedBy !== self
  ) {
    return 'updatedBy must be the writer';
  }
  for (const key of PROVENANCE_FIELDS) {
    const set =
      change.kind === 'add'
        ? change.after[key] !== undefined
        : change.kind === 'modify' && changed(change, key);
    if (set) return 'provenance of a contribution is set by facilitators';
  }
  switch (change.collection) {
    case 'scenarios':
      return undefined;
    case 'scenarioChanges':
      // Anyone may add a change (the latest wins); changing or reverting one is its author's.
      return change.kind === 'add' || change.before.createdBy === self
        ? undefined
        : 'only your own scenario changes';
    case 'needs':
      return everyEntry(change, (entry) => entry.organisationId === org)
        ? undefined
        : "only your organisation's needs";
    case 'trainingOffers':
      return everyEntry(change, (entry) => entry.organisationId === org)
        ? undefined
        : "only your organisation's training offers";
    case 'comments':
      if (change.kind === 'add') {
        return change.after.organisationId === org ? undefined : "a comment is in your organisation's name";
      }
      if (change.before.createdBy !== self) return 'only your own comments';
      return change.kind === 'modify' && changed(change, 'organisationId')
        ? 'organisationId may not change'
        : undefined;
    case 'ideas':
      return ideaRule(writer, change, settings);
    case 'ideaGroups':
      return "only facilitators arrange the board's groups";
    case 'roadmap':
      return roadmapRule(writer, change);
    default: {
      const unreachable: never = change.collection;
      return unreachable;
    }
  }
}

function ideaRule(
  writer: ContentWriter,
  change: EntryChange,
  settings: WriteRuleSettings,
): string | undefined {
  if (change.kind === 'add') {
    const org = change.after.organisationId;
    if (change.after.createdBy === ANONYMOUS_AUTHOR) {
      if (settings.anonymousIdeas !== true) return 'anonymous ideas only while anonymity is on';
      return org === undefined ? undefined : 'an anonymous idea names no organisation';
    }
    return org === undefined || org === writer.organisationId
      ? undefined
      : "only in your organisation's name";
  }
  // Moving a card, into a group or out of one, is open to everyone who writes ideas.
  if (change.kind === 'modify' && changedKeys(change.before, change.after).every(isPlacement)) {
    return undefined;
  }
  if (change.before.createdBy !== writer.userId) return 'only your own ideas';
  if (change.kind === 'modify') {
    const org = change.after.organisationId;
    if (changed(change, 'organisationId') && org !== undefined && org !== writer.organisationId) {
      return "only in your organisation's name";
    }
  }
  return undefined;
}

function isPlacement(key: string): boolean {
  return BOARD_PLACEMENT_FIELDS.has(key);
}

/** Set when a facilitator merges an accepted contribution (or merges one into an existing need). */
const PROVENANCE_FIELDS = ['contributionId', 'contributorId', 'mergedContributions'] as const;

/** Fields another organisation may change on an action: asking it to commit. */
const REQUEST_FIELDS: ReadonlySet<string> = new Set(['commitRequestedBy', 'updatedAt']);

function roadmapRule(writer: ContentWriter, change: EntryChange): string | undefined {
  const org = writer.organisationId;
  const ownedBefore = change.kind !== 'add' && change.before.ownerOrganisationId === org;
  const ownedAfter = change.kind !== 'delete' && change.after.ownerOrganisationId === org;
  switch (change.kind) {
    case 'add':
      if (!ownedAfter) return 'only actions your organisation owns';
      return commitmentRule(writer, undefined, change.after);
    case 'delete':
      return ownedBefore ? undefined : 'only actions your organisation owns';
    case 'modify': {
      if (ownedBefore) {
        if (!ownedAfter) return 'an action may not be given to another organisation';
        return commitmentRule(writer, change.before, change.after);
      }
      const keys = changedKeys(change.before, change.after);
      if (keys.some((key) => !REQUEST_FIELDS.has(key))) {
        return keys.includes('status') || keys.includes('committedBy')
          ? 'only the owner organisation commits to an action'
          : "on another organisation's action, only a commitment request";
      }
      return change.after.commitRequestedBy === writer.userId
        ? undefined
        : 'commitRequestedBy must be the writer';
    }
    default: {
      const unreachable: never = change;
      return unreachable;
    }
  }
}

/** On an action the writer's organisation owns: who commits, who asks, is the writer. */
function commitmentRule(
  writer: ContentWriter,
  before: EntryFields | undefined,
  after: EntryFields,
): string | undefined {
  for (const key of ['committedBy', 'commitRequestedBy']) {
    const value = after[key];
    if (value !== before?.[key] && value !== undefined && value !== writer.userId) {
      return `${key} must be the writer`;
    }
  }
  return undefined;
}

function entryOf(change: EntryChange): EntryFields {
  return change.kind === 'delete' ? change.before : change.after;
}

function everyEntry(change: EntryChange, test: (entry: EntryFields) => boolean): boolean {
  return change.kind === 'modify' ? test(change.before) && test(change.after) : test(entryOf(change));
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function changed(change: { before: EntryFields; after: EntryFields }, key: string): boolean {
  return !same(change.before[key], change.after[key]);
}

function changedKeys(before: EntryFields, after: EntryFields): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !same(before[key], after[key]));
}

function pathOf(change: EntryChange): string {
  return `${change.collection}[${String(entryOf(change).id)}]`;
}

function refusal(change: EntryChange, message: string): WriteRefusal {
  return { path: pathOf(change), message };
}
