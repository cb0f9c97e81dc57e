import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { needs, synthesisOf, type Need } from './content-doc.ts';
import { restoreDocument } from './doc-restore.ts';
import { agenda, readSettings, writeSettings } from './facilitation-doc.ts';

const need = (id: string, title: string): Need => ({
  id,
  organisationId: 'org-1',
  romeCode: 'H2913',
  title,
  skills: ['TIG'],
  headcount: 2,
  horizonMonths: 12,
  communeCode: '57221',
  contract: 'cdi',
  difficulty: 3,
  crossBorder: false,
  comment: '',
  createdBy: 'person-1',
  updatedAt: '2026-12-01T08:00:00.000Z',
});

/** A copy of a document, as a saved version holds it (one merged update). */
const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('restoring a saved version on the live document', () => {
  it('gives back deleted entries, undoes edits, removes entries added since, and the synthesis', () => {
    const live = new Y.Doc();
    needs.add(live, need('a', 'Soudeurs'));
    needs.add(live, need('b', 'Chaudronniers'));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Conclusion de la séance 1')]);
    synthesisOf(live).insert(0, [paragraph]);
    const version = copyOf(live);

    needs.update(live, 'a', { title: 'Soudeurs TIG', headcount: 5 });
    needs.remove(live, 'b');
    needs.add(live, need('c', 'Caristes'));
    synthesisOf(live).delete(0, 1);

    expect(restoreDocument({ doc: live, version, kind: 'content' })).toBe(4);
    expect(needs.read(live).map((entry) => [entry.id, entry.title, entry.headcount])).toEqual([
      ['a', 'Soudeurs', 2],
      ['b', 'Chaudronniers', 2],
    ]);
    expect(synthesisOf(live).toString()).toBe(synthesisOf(version).toString());
    // Restored again, nothing changes.
    expect(restoreDocument({ doc: live, version, kind: 'content' })).toBe(0);
  });

  it('restores the agenda and the settings of the facilitation document', () => {
    const live = new Y.Doc();
    agenda.add(live, { id: 'step-1', title: 'Accueil', kind: 'plenary', durationMinutes: 15, notes: '' });
    writeSettings(live, { dayZero: '2026-12-01' });
    const version = copyOf(live);
    agenda.add(live, { id: 'step-2', title: 'Ateliers', kind: 'plenary', durationMinutes: 45, notes: '' });
    writeSettings(live, { dayZero: '2026-12-08' });

    restoreDocument({ doc: live, version, kind: 'facilitation' });
    expect(agenda.read(live).map((step) => step.id)).toEqual(['step-1']);
    expect(readSettings(live).dayZero).toBe('2026-12-01');
  });

  it('keeps an edit two clients make meanwhile when the restore does not touch it', () => {
    const live = new Y.Doc();
    needs.add(live, need('a', 'Soudeurs'));
    const version = copyOf(live);
    // Another client holds the document and edits a field the version agrees with.
    const other = copyOf(live);
    needs.update(live, 'a', { title: 'Soudeurs TIG' });
    restoreDocument({ doc: live, version, kind: 'content' });
    needs.update(other, 'a', { comment: 'Urgent' });
    Y.applyUpdate(live, Y.encodeStateAsUpdate(other));
    expect(needs.find(live, 'a')).toMatchObject({ title: 'Soudeurs', comment: 'Urgent' });
  });
});
