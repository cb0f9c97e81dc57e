import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { needs, roadmap, scenarios, type Need } from './content-doc.ts';
import { agenda, readSettings, writeSettings } from './facilitation-doc.ts';
import { checkTransaction, defineDocument } from './doc-rules.ts';
import { parseRoomName } from './room.ts';

const need: Need = {
  id: 'n1',
  organisationId: 'org-steel',
  romeCode: 'H2913',
  title: 'Soudeurs TIG',
  skills: ['TIG', 'lecture de plans'],
  headcount: 4,
  horizonMonths: 12,
  communeCode: '57221',
  contract: 'cdi',
  difficulty: 3,
  crossBorder: true,
  comment: '',
  createdBy: 'u1',
  updatedAt: '2026-11-26T08:00:00.000Z',
};

function changesOf(doc: Y.Doc, kind: 'content' | 'facilitation', update: Uint8Array) {
  let violations: ReturnType<typeof checkTransaction> = [];
  const listener = (transaction: Y.Transaction) => {
    violations = checkTransaction({ doc, kind, transaction });
  };
  doc.on('afterTransaction', listener);
  Y.applyUpdate(doc, update);
  doc.off('afterTransaction', listener);
  return violations;
}

describe('content document', () => {
  it('adds, updates, reads and removes needs as Y.Maps', () => {
    const doc = new Y.Doc();
    needs.add(doc, need);
    expect(doc.getArray('needs').get(0)).toBeInstanceOf(Y.Map);
    expect(needs.update(doc, 'n1', { headcount: 6 })).toBe(true);
    expect(needs.find(doc, 'n1')?.headcount).toBe(6);
    expect(needs.find(doc, 'missing')).toBeUndefined();
    expect(needs.remove(doc, 'n1')).toBe(true);
    expect(needs.read(doc)).toEqual([]);
  });

  it('refuses invalid fields, naming them', () => {
    const doc = new Y.Doc();
    expect(() => needs.add(doc, { ...need, romeCode: 'X12' })).toThrow(/romeCode|ROME/);
    expect(() => needs.add(doc, { ...need, headcount: 0 })).toThrow();
    expect(() => roadmap.add(doc, { id: 'a', start: 'soon' } as never)).toThrow();
    expect(doc.getArray('needs').length).toBe(0);
  });

  it('accepts J+N and ISO dates on the roadmap, and scenarios keyed by id', () => {
    const doc = new Y.Doc();
    roadmap.add(doc, {
      id: 'a1',
      title: 'Classe passerelle soudure',
      description: '',
      ownerOrganisationId: 'org-school',
      partnerOrganisationIds: ['org-steel'],
      start: 'J+30',
      due: '2027-03-01',
      status: 'proposed',
      needIds: ['n1'],
      createdBy: 'u1',
      updatedAt: need.updatedAt,
    });
    scenarios.put(doc, {
      id: 's1',
      title: 'TER +20 %',
      description: '',
      assumptions: { terFrequency: 1.2 },
      createdBy: 'u1',
      updatedAt: need.updatedAt,
    });
    expect(roadmap.read(doc)[0]?.start).toBe('J+30');
    expect(scenarios.find(doc, 's1')?.assumptions).toEqual({ terFrequency: 1.2 });
  });
});

describe('facilitation document', () => {
  it('reads valid settings only and keeps agenda steps in order', () => {
    const doc = new Y.Doc();
    writeSettings(doc, { dayZero: '2026-11-26', defaultDotsPerPerson: 3 });
    doc.getMap('settings').set('reactionsEnabled', 'yes');
    expect(readSettings(doc)).toEqual({ dayZero: '2026-11-26', defaultDotsPerPerson: 3 });
    agenda.add(doc, { id: 's1', title: 'Accueil', kind: 'plenary', durationMinutes: 15, notes: '' });
    agenda.add(doc, { id: 's2', title: 'Ateliers', kind: 'workgroup', durationMinutes: 45, notes: '' });
    expect(agenda.read(doc).map((step) => step.id)).toEqual(['s1', 's2']);
  });
});

describe('document rules', () => {
  it('accepts an update made with the helpers', () => {
    const source = new Y.Doc();
    needs.add(source, need);
    const target = new Y.Doc();
    defineDocument(target, 'content');
    expect(changesOf(target, 'content', Y.encodeStateAsUpdate(source))).toEqual([]);
  });

  it('names unknown top-level types, unknown fields and bad values', () => {
    const source = new Y.Doc();
    source.getMap('hack').set('x', 1);
    const entry = new Y.Map<unknown>();
    source.getArray('needs').push([entry]);
    entry.set('headcount', -3);
    entry.set('colour', 'red');
    const target = new Y.Doc();
    defineDocument(target, 'content');
    const violations = changesOf(target, 'content', Y.encodeStateAsUpdate(source));
    expect(violations.map((v) => v.path).sort()).toEqual(['hack', 'needs[].colour', 'needs[].headcount']);
  });

  it('refuses nested types inside an entry, and map keys on an array', () => {
    const source = new Y.Doc();
    const entry = new Y.Map<unknown>();
    source.getArray('agenda').push([entry]);
    entry.set('notes', new Y.Text('x'));
    const target = new Y.Doc();
    defineDocument(target, 'facilitation');
    expect(changesOf(target, 'facilitation', Y.encodeStateAsUpdate(source)).length).toBeGreaterThan(0);
  });
});

describe('room names', () => {
  it('parses <workshopId>/<kind> and nothing else', () => {
    const id = '0b0e8f5e-8a50-4c8b-9f0e-3a1d2c4b5e6f';
    expect(parseRoomName(`${id}/content`)).toMatchObject({ workshopId: id, kind: 'content' });
    expect(parseRoomName(`${id}/other`)).toBeUndefined();
    expect(parseRoomName(`${id}/content/x`)).toBeUndefined();
    expect(parseRoomName('x/content')).toBeUndefined();
  });
});
