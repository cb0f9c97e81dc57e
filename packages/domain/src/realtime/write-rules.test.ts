import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  comments,
  ideas,
  needs,
  roadmap,
  scenarios,
  trainingOffers,
  scenarioChanges,
  CONTENT_DOC_SCHEMA,
  type Comment,
  type Idea,
  type Need,
  type RoadmapAction,
} from './content-doc.ts';
import { collectContentChanges, type ContentChanges } from './doc-changes.ts';
import { checkTransaction, defineDocument } from './doc-rules.ts';
import { compareRoadmapDates, roadmapDatesInOrder } from './roadmap-dates.ts';
import { ANONYMOUS_AUTHOR, ideaGroups, type IdeaGroup } from '../board/board-schema.ts';
import {
  CONTENT_COLLECTIONS,
  checkEntryChange,
  type ContentWriter,
  type WriteRuleSettings,
} from './write-rules.ts';

const company: ContentWriter = { userId: 'u-company', role: 'participant', organisationId: 'org-steel' };
const school: ContentWriter = { userId: 'u-school', role: 'participant', organisationId: 'org-school' };
const facilitator: ContentWriter = { userId: 'u-fac', role: 'facilitator', organisationId: 'org-metro' };
const at = '2026-11-26T08:00:00.000Z';

const need: Need = {
  id: 'n1',
  organisationId: 'org-steel',
  romeCode: 'H2913',
  title: 'Soudeurs TIG',
  skills: ['TIG'],
  headcount: 4,
  horizonMonths: 12,
  communeCode: '57221',
  contract: 'cdi',
  difficulty: 3,
  crossBorder: true,
  comment: '',
  createdBy: 'u-company',
  updatedAt: at,
};
const action: RoadmapAction = {
  id: 'a1',
  title: 'Former 12 soudeurs',
  description: '',
  ownerOrganisationId: 'org-steel',
  partnerOrganisationIds: ['org-school'],
  start: 'J+10',
  due: 'J+90',
  status: 'proposed',
  needIds: ['n1'],
  createdBy: 'u-company',
  updatedAt: at,
};
const idea: Idea = { id: 'i1', text: 'Navette', createdBy: 'u-school', updatedAt: at };
const comment: Comment = {
  id: 'c1',
  targetType: 'action',
  targetId: 'a1',
  text: 'Partants',
  organisationId: 'org-school',
  createdBy: 'u-school',
  updatedAt: at,
};

const schoolChange = {
  id: 'sc0',
  scenarioId: 's1',
  key: 'mobility.teleworkShare',
  value: 0.1,
  reason: 'télétravail',
  createdBy: 'u-school',
  updatedAt: at,
};

/** A document holding one of each entry, and a way to run one edit through the rules. */
function room(settings: WriteRuleSettings = {}) {
  const doc = new Y.Doc();
  defineDocument(doc, 'content');
  needs.add(doc, need);
  roadmap.add(doc, action);
  ideas.add(doc, idea);
  comments.add(doc, comment);
  scenarioChanges.add(doc, schoolChange);
  return (writer: ContentWriter, edit: (doc: Y.Doc) => void) => {
    const copy = new Y.Doc();
    defineDocument(copy, 'content');
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => updates.push(update));
    edit(copy);
    const shadow = new Y.Doc();
    defineDocument(shadow, 'content');
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc));
    const messages: string[] = [];
    shadow.on('afterTransaction', (transaction: Y.Transaction) => {
      messages.push(
        ...checkTransaction({ doc: shadow, kind: 'content', transaction, writer, settings }).map(
          (violation) => violation.message,
        ),
      );
    });
    for (const update of updates) Y.applyUpdate(shadow, update);
    return messages;
  };
}

describe('content write rules: needs', () => {
  it('lets a participant add, change and delete their organisation’s needs', () => {
    const edit = room();
    expect(edit(company, (doc) => needs.add(doc, { ...need, id: 'n2' }))).toEqual([]);
    expect(edit(company, (doc) => needs.update(doc, 'n1', { headcount: 6 }))).toEqual([]);
    expect(edit(company, (doc) => needs.remove(doc, 'n1'))).toEqual([]);
  });

  it('refuses another organisation’s need, however it is written', () => {
    const edit = room();
    expect(edit(school, (doc) => needs.update(doc, 'n1', { headcount: 1 }))).toEqual([
      "only your organisation's needs",
    ]);
    expect(edit(school, (doc) => needs.remove(doc, 'n1'))).toEqual(["only your organisation's needs"]);
    expect(edit(school, (doc) => needs.add(doc, { ...need, id: 'n3', createdBy: 'u-school' }))).toEqual([
      "only your organisation's needs",
    ]);
  });

  it('refuses moving a need to another organisation, and a need created in someone else’s name', () => {
    const edit = room();
    expect(edit(company, (doc) => needs.update(doc, 'n1', { organisationId: 'org-school' }))).toEqual([
      "only your organisation's needs",
    ]);
    expect(edit(company, (doc) => needs.add(doc, { ...need, id: 'n4', createdBy: 'u-other' }))).toEqual([
      'createdBy must be the writer',
    ]);
    expect(edit(company, (doc) => needs.update(doc, 'n1', { contributorId: 'u-school' }))).toEqual([
      'provenance of a contribution is set by facilitators',
    ]);
    const merged = {
      entryId: 'k1-1',
      contributionId: 'k1',
      organisationId: 'org-steel',
      title: 'Soudeurs',
      headcount: 1,
      mergedBy: 'u-company',
      mergedAt: '2026-12-01T08:00:00.000Z',
    };
    expect(edit(company, (doc) => needs.update(doc, 'n1', { mergedContributions: [merged] }))).toEqual([
      'provenance of a contribution is set by facilitators',
    ]);
  });

  it('lets a facilitator write every need', () => {
    const edit = room();
    expect(edit(facilitator, (doc) => needs.update(doc, 'n1', { organisationId: 'org-school' }))).toEqual([]);
    expect(edit(facilitator, (doc) => needs.remove(doc, 'n1'))).toEqual([]);
  });

  it('reads a deleted entry’s fields from the deletion itself (an observer of the raw delete)', () => {
    const edit = room();
    expect(edit(school, (doc) => doc.getArray('needs').delete(0, 1))).toEqual([
      "only your organisation's needs",
    ]);
  });
});

describe('content write rules: roadmap', () => {
  it('lets another organisation only ask the owner to commit', () => {
    const edit = room();
    expect(
      edit(school, (doc) => roadmap.update(doc, 'a1', { commitRequestedBy: 'u-school', updatedAt: at })),
    ).toEqual([]);
    expect(edit(school, (doc) => roadmap.update(doc, 'a1', { commitRequestedBy: 'u-company' }))).toEqual([
      'commitRequestedBy must be the writer',
    ]);
    expect(edit(school, (doc) => roadmap.update(doc, 'a1', { title: 'Autre' }))).toEqual([
      "on another organisation's action, only a commitment request",
    ]);
    expect(edit(school, (doc) => roadmap.remove(doc, 'a1'))).toEqual(['only actions your organisation owns']);
  });

  it('keeps committing to the owner organisation (and facilitators)', () => {
    const edit = room();
    expect(
      edit(school, (doc) => roadmap.update(doc, 'a1', { status: 'committed', committedBy: 'u-school' })),
    ).toEqual(['only the owner organisation commits to an action']);
    expect(
      edit(company, (doc) => roadmap.update(doc, 'a1', { status: 'committed', committedBy: 'u-company' })),
    ).toEqual([]);
    expect(edit(company, (doc) => roadmap.update(doc, 'a1', { committedBy: 'u-school' }))).toEqual([
      'committedBy must be the writer',
    ]);
    expect(edit(facilitator, (doc) => roadmap.update(doc, 'a1', { status: 'committed' }))).toEqual([]);
  });

  it('refuses giving an action away or adding one for another organisation', () => {
    const edit = room();
    expect(edit(company, (doc) => roadmap.update(doc, 'a1', { ownerOrganisationId: 'org-school' }))).toEqual([
      'an action may not be given to another organisation',
    ]);
    expect(
      edit(company, (doc) => roadmap.add(doc, { ...action, id: 'a2', ownerOrganisationId: 'org-school' })),
    ).toEqual(['only actions your organisation owns']);
  });

  it('refuses a start after the due date, for everyone, as the action is after the update', () => {
    const edit = room({ dayZero: '2026-11-26' });
    expect(edit(facilitator, (doc) => roadmap.update(doc, 'a1', { start: 'J+120' }))).toEqual([
      'start is after the due date',
    ]);
    expect(edit(company, (doc) => roadmap.update(doc, 'a1', { start: 'J+120', due: 'J+200' }))).toEqual([]);
    expect(edit(company, (doc) => roadmap.update(doc, 'a1', { start: '2027-06-01' }))).toEqual([
      'start is after the due date',
    ]);
  });
});

describe('content write rules: ideas, comments and locked sections', () => {
  it('keeps ideas to their authors, and lets everyone place any card on the board', () => {
    const edit = room();
    expect(edit(company, (doc) => ideas.update(doc, 'i1', { text: 'Autre' }))).toEqual([
      'only your own ideas',
    ]);
    expect(edit(company, (doc) => ideas.remove(doc, 'i1'))).toEqual(['only your own ideas']);
    expect(edit(company, (doc) => ideas.update(doc, 'i1', { color: 'pink' }))).toEqual([
      'only your own ideas',
    ]);
    // Moving someone else's card, into a group and out of it, is the room's work.
    expect(
      edit(company, (doc) => ideas.update(doc, 'i1', { position: { x: 40, y: -20 }, updatedAt: at })),
    ).toEqual([]);
    expect(
      edit(company, (doc) => ideas.update(doc, 'i1', { groupId: 'g1', position: { x: 16, y: 44 } })),
    ).toEqual([]);
    // …but a move that changes anything else is the author's.
    expect(
      edit(company, (doc) => ideas.update(doc, 'i1', { position: { x: 0, y: 0 }, text: 'Autre' })),
    ).toEqual(['only your own ideas']);
    expect(
      edit(school, (doc) => ideas.update(doc, 'i1', { text: 'Navette du matin', color: 'blue' })),
    ).toEqual([]);
    expect(edit(facilitator, (doc) => ideas.update(doc, 'i1', { groupId: 'i1' }))).toEqual([]);
    expect(edit(facilitator, (doc) => ideas.remove(doc, 'i1'))).toEqual([]);
  });

  it('refuses a place outside the board, as a client that skips the typed helpers would write it', () => {
    const edit = room();
    const rawSet = (key: string, value: unknown) => (doc: Y.Doc) =>
      doc.getArray<Y.Map<unknown>>('ideas').get(0).set(key, value);
    expect(edit(facilitator, rawSet('position', { x: 1e9, y: 0 }))).toHaveLength(1);
    expect(edit(facilitator, rawSet('position', { x: 1, y: 2, z: 3 }))).toHaveLength(1);
    expect(edit(facilitator, rawSet('color', 'fuchsia'))).toHaveLength(1);
    expect(edit(facilitator, rawSet('position', { x: 1, y: 2 }))).toEqual([]);
  });

  it('takes anonymous ideas only while anonymity is on, without an organisation', () => {
    const anonymous = { ...idea, id: 'i9', createdBy: ANONYMOUS_AUTHOR };
    expect(room()(company, (doc) => ideas.add(doc, anonymous))).toEqual([
      'anonymous ideas only while anonymity is on',
    ]);
    const edit = room({ anonymousIdeas: true });
    expect(edit(company, (doc) => ideas.add(doc, anonymous))).toEqual([]);
    expect(edit(company, (doc) => ideas.add(doc, { ...anonymous, organisationId: 'org-steel' }))).toEqual([
      'an anonymous idea names no organisation',
    ]);
    // Someone else's name is never taken, anonymity or not; one's own still is.
    expect(edit(company, (doc) => ideas.add(doc, { ...anonymous, createdBy: 'u-school' }))).toEqual([
      'createdBy must be the writer',
    ]);
    expect(edit(company, (doc) => ideas.add(doc, { ...anonymous, createdBy: 'u-company' }))).toEqual([]);
  });

  it('leaves anonymous cards to facilitators, except their place on the board', () => {
    const doc = new Y.Doc();
    defineDocument(doc, 'content');
    ideas.add(doc, { ...idea, id: 'i9', createdBy: ANONYMOUS_AUTHOR });
    const before = ideas.find(doc, 'i9')!;
    const anonymousRule = (writer: ContentWriter, after: Record<string, unknown>) =>
      checkEntryChange({
        writer,
        change: { collection: 'ideas', kind: 'modify', before, after: { ...before, ...after } },
        settings: { anonymousIdeas: true },
      })?.message;
    expect(anonymousRule(company, { text: 'Autre' })).toBe('only your own ideas');
    expect(anonymousRule(company, { createdBy: 'u-company' })).toBe('createdBy may not change');
    expect(anonymousRule(company, { position: { x: 1, y: 2 } })).toBeUndefined();
    expect(anonymousRule(facilitator, { text: 'Modéré' })).toBeUndefined();
    expect(
      checkEntryChange({
        writer: company,
        change: { collection: 'ideas', kind: 'delete', before },
        settings: {},
      })?.message,
    ).toBe('only your own ideas');
  });

  it('keeps the board groups to facilitators', () => {
    const edit = room();
    const group: IdeaGroup = {
      id: 'g1',
      title: 'Mobilité',
      color: 'blue',
      position: { x: 0, y: 0 },
      createdBy: 'u-company',
      updatedAt: at,
    };
    expect(edit(company, (doc) => ideaGroups.add(doc, group))).toEqual([
      "only facilitators arrange the board's groups",
    ]);
    expect(edit(facilitator, (doc) => ideaGroups.add(doc, { ...group, createdBy: 'u-fac' }))).toEqual([]);
    expect(
      edit(company, (doc) => ideas.add(doc, { ...idea, id: 'i2', createdBy: 'u-company', groupId: 'g1' })),
    ).toEqual([]);
    const locked = room({ lockedSections: ['ideas'] });
    expect(locked(company, (doc) => ideas.update(doc, 'i1', { position: { x: 1, y: 1 } }))).toEqual([
      'section locked by the facilitator',
    ]);
  });

  it('writes comments in the writer’s organisation’s name, changed and deleted by their author', () => {
    const edit = room();
    expect(
      edit(company, (doc) =>
        comments.add(doc, { ...comment, id: 'c2', organisationId: 'org-steel', createdBy: 'u-company' }),
      ),
    ).toEqual([]);
    expect(
      edit(company, (doc) => comments.add(doc, { ...comment, id: 'c3', createdBy: 'u-company' })),
    ).toEqual(["a comment is in your organisation's name"]);
    expect(edit(company, (doc) => comments.remove(doc, 'c1'))).toEqual(['only your own comments']);
    expect(edit(school, (doc) => comments.update(doc, 'c1', { text: 'Partants, 4 places' }))).toEqual([]);
  });

  it('lets only facilitators write a locked section; a comment follows its target’s section', () => {
    const edit = room({ lockedSections: ['roadmap', 'synthesis'] });
    expect(edit(company, (doc) => roadmap.update(doc, 'a1', { title: 'Verrouillé' }))).toEqual([
      'section locked by the facilitator',
    ]);
    expect(edit(school, (doc) => comments.update(doc, 'c1', { text: 'Verrouillé' }))).toEqual([
      'section locked by the facilitator',
    ]);
    expect(
      edit(school, (doc) => doc.getXmlFragment('synthesis').insert(0, [new Y.XmlText('Texte')])),
    ).toEqual(['section locked by the facilitator']);
    expect(edit(company, (doc) => needs.update(doc, 'n1', { headcount: 2 }))).toEqual([]);
    expect(edit(facilitator, (doc) => roadmap.update(doc, 'a1', { title: 'Permis' }))).toEqual([]);
  });

  it('refuses every write from an observer seat', () => {
    const observer: ContentWriter = { userId: 'u-obs', role: 'observer', organisationId: 'org-metro' };
    expect(
      checkEntryChange({
        writer: observer,
        change: { collection: 'scenarios', kind: 'add', after: {} },
        settings: {},
      }),
    ).toEqual({ path: 'scenarios[undefined]', message: 'read-only seat' });
  });
});

describe('content write rules: training offers and coverage', () => {
  const offer = {
    id: 't1',
    organisationId: 'org-school',
    title: 'CAP soudeur',
    romeCodes: ['H2913'],
    seatsPerYear: 12,
    durationMonths: 24,
    communeCode: '57463',
    description: '',
    createdBy: 'u-school',
    updatedAt: at,
  };

  it('keeps training offers to their organisation, like needs, and locks them with the needs', () => {
    const edit = room();
    expect(edit(school, (doc) => trainingOffers.add(doc, offer))).toEqual([]);
    expect(edit(company, (doc) => trainingOffers.add(doc, { ...offer, createdBy: 'u-company' }))).toEqual([
      "only your organisation's training offers",
    ]);
    expect(room({ lockedSections: ['needs'] })(school, (doc) => trainingOffers.add(doc, offer))).toEqual([
      'section locked by the facilitator',
    ]);
  });

  it('lets participants add scenario changes in their own name, unless scenarios are locked', () => {
    const change = {
      id: 'sc1',
      scenarioId: 's1',
      key: 'shuttle',
      value: true,
      reason: '',
      createdBy: 'u-school',
      updatedAt: at,
    };
    expect(room()(school, (doc) => scenarioChanges.add(doc, change))).toEqual([]);
    expect(room()(company, (doc) => scenarioChanges.add(doc, change))).toEqual([
      'createdBy must be the writer',
    ]);
    expect(
      room({ lockedSections: ['scenarios'] })(school, (doc) => scenarioChanges.add(doc, change)),
    ).toEqual(['section locked by the facilitator']);
  });

  it('keeps changing or reverting a scenario change to its author (others add their own)', () => {
    const edit = (doc: Y.Doc) => scenarioChanges.update(doc, 'sc0', { value: 0.2 });
    expect(room()(school, edit)).toEqual([]);
    expect(room()(company, edit)).toEqual(['only your own scenario changes']);
    expect(room()(company, (doc) => scenarioChanges.remove(doc, 'sc0'))).toEqual([
      'only your own scenario changes',
    ]);
    expect(room()(facilitator, (doc) => scenarioChanges.remove(doc, 'sc0'))).toEqual([]);
  });

  it('records the last editor only as the writer', () => {
    expect(
      room()(company, (doc) => needs.update(doc, need.id, { headcount: 3, updatedBy: 'u-company' })),
    ).toEqual([]);
    expect(
      room()(company, (doc) => needs.update(doc, need.id, { headcount: 3, updatedBy: 'u-fac' })),
    ).toEqual(['updatedBy must be the writer']);
  });

  it('has write rules for every collection of the content document', () => {
    const collections = Object.entries(CONTENT_DOC_SCHEMA)
      .filter(([, spec]) => spec.type !== 'xml')
      .map(([name]) => name);
    expect([...collections].sort()).toEqual([...CONTENT_COLLECTIONS].sort());
  });
});

describe('content write rules: guests (joined by the workshop code)', () => {
  const guest: ContentWriter = {
    userId: 'u-guest',
    role: 'participant',
    organisationId: '',
    guest: { needs: false },
  };
  const steelGuest: ContentWriter = { ...guest, organisationId: 'org-steel', guest: { needs: true } };

  it('lets a guest add an idea and change their own, like a participant', () => {
    const edit = room();
    expect(edit(guest, (doc) => ideas.add(doc, { ...idea, id: 'i9', createdBy: 'u-guest' }))).toEqual([]);
    expect(edit(guest, (doc) => ideas.update(doc, 'i1', { text: 'Autre' }))).toEqual(['only your own ideas']);
  });

  it('refuses a need from a guest unless the facilitator allowed needs, and then only their organisation’s', () => {
    const edit = room();
    const add = (writer: ContentWriter, organisationId: string) =>
      edit(writer, (doc) => needs.add(doc, { ...need, id: 'n9', organisationId, createdBy: writer.userId }));
    expect(add(guest, 'org-steel')).toEqual(['not open to guests']);
    expect(add({ ...guest, organisationId: 'org-steel' }, 'org-steel')).toEqual(['not open to guests']);
    expect(add({ ...guest, guest: { needs: true } }, 'org-steel')).toEqual(['not open to guests']);
    expect(add(steelGuest, 'org-steel')).toEqual([]);
    expect(add(steelGuest, 'org-school')).toEqual(["only your organisation's needs"]);
  });

  it('refuses the roadmap, comments, training offers, scenarios and the synthesis to guests', () => {
    const edit = room();
    expect(edit(steelGuest, (doc) => roadmap.update(doc, 'a1', { title: 'Invité' }))).toEqual([
      'not open to guests',
    ]);
    expect(
      edit(steelGuest, (doc) =>
        comments.add(doc, {
          ...comment,
          id: 'c9',
          targetType: 'idea',
          targetId: 'i1',
          organisationId: 'org-steel',
          createdBy: 'u-guest',
        }),
      ),
    ).toEqual(['not open to guests']);
    expect(
      edit(steelGuest, (doc) =>
        trainingOffers.add(doc, {
          id: 't9',
          organisationId: 'org-steel',
          title: 'TIG',
          romeCodes: ['H2913'],
          seatsPerYear: 4,
          durationMonths: 6,
          communeCode: '57221',
          description: '',
          createdBy: 'u-guest',
          updatedAt: at,
        }),
      ),
    ).toEqual(['not open to guests']);
    expect(
      edit(steelGuest, (doc) => doc.getXmlFragment('synthesis').insert(0, [new Y.XmlText('Texte')])),
    ).toEqual(['not open to guests']);
    expect(
      edit(guest, (doc) => scenarioChanges.add(doc, { ...schoolChange, id: 'sc9', createdBy: 'u-guest' })),
    ).toEqual(['not open to guests']);
  });
});

describe('content changes of one transaction', () => {
  it('lets participants write scenarios unless the section is locked', () => {
    const scenario = {
      id: 's1',
      title: 'Navette',
      description: '',
      assumptions: { shuttle: true },
      createdBy: 'u-school',
      updatedAt: at,
    };
    expect(room()(school, (doc) => scenarios.put(doc, scenario))).toEqual([]);
    expect(room({ lockedSections: ['scenarios'] })(school, (doc) => scenarios.put(doc, scenario))).toEqual([
      'section locked by the facilitator',
    ]);
  });

  it('ignores an entry added and deleted in the same transaction, and visits only what changed', () => {
    const doc = new Y.Doc();
    defineDocument(doc, 'content');
    for (let i = 0; i < 2000; i++) needs.add(doc, { ...need, id: `n${i}` });
    const seen: ContentChanges[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      seen.push(collectContentChanges({ doc, transaction }));
    });
    doc.transact(() => {
      needs.add(doc, { ...need, id: 'ephemeral' });
      doc.getArray('needs').delete(2000, 1);
    });
    needs.update(doc, 'n1500', { headcount: 9 });
    expect(seen[0]?.entries).toEqual([]);
    expect(seen[1]?.entries).toEqual([
      {
        collection: 'needs',
        kind: 'modify',
        before: expect.objectContaining({ id: 'n1500', headcount: 4 }),
        after: expect.objectContaining({ id: 'n1500', headcount: 9 }),
      },
    ]);
  });
});

describe('roadmap dates', () => {
  it('compares ISO dates, J+N dates, and both with day 0', () => {
    expect(compareRoadmapDates({ a: '2026-12-01', b: '2026-12-31' })).toBe(30);
    expect(compareRoadmapDates({ a: 'J+30', b: 'J+10' })).toBe(-20);
    expect(compareRoadmapDates({ a: 'J+10', b: '2026-12-01', dayZero: '2026-11-26' })).toBe(-5);
    expect(compareRoadmapDates({ a: 'J+10', b: '2026-12-01' })).toBeUndefined();
  });

  it('passes dates that cannot be compared', () => {
    expect(roadmapDatesInOrder({ start: 'J+10', due: '2026-01-01' })).toBe(true);
    expect(roadmapDatesInOrder({ start: 'J+10', due: '2026-01-01', dayZero: '2026-11-26' })).toBe(false);
    expect(roadmapDatesInOrder({ start: '2026-12-01', due: '2026-12-01' })).toBe(true);
  });
});
