import { needs } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CachedCollection } from './live.svelte.ts';
import { needFixture as need } from '$lib/testing/needs.ts';

describe('CachedCollection', () => {
  it('re-parses only the entry that changed, remote or local', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b', 'c']) needs.add(doc, need(id));
    const view = new CachedCollection(doc, needs);
    const before = view.rows;
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    needs.update(remote, 'b', { headcount: 7 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(view.rows).not.toBe(before);
    expect(view.rows[0]).toBe(before[0]);
    expect(view.rows[2]).toBe(before[2]);
    expect(view.rows[1]).not.toBe(before[1]);
    expect(view.rows[1]?.valid && view.rows[1].value.headcount).toBe(7);
    expect(view.rows[1]?.key).toBe(before[1]?.key);
    view.destroy();
  });

  it('shows an invalid entry with the fields at fault instead of throwing', () => {
    const doc = new Y.Doc();
    needs.add(doc, need('a'));
    const bad = new Y.Map<unknown>();
    bad.set('id', 'x');
    bad.set('headcount', -4);
    doc.getArray('needs').push([bad]);
    doc.getArray('needs').push(['not a map']);
    const view = new CachedCollection(doc, needs);
    expect(view.rows.map((row) => row.valid)).toEqual([true, false, false]);
    const invalid = view.rows[1];
    expect(invalid && !invalid.valid && invalid.issues).toContain('headcount');
    view.destroy();
  });
});
