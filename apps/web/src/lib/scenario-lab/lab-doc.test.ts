import { resolveScenario, roadmap, scenarioChanges, type RoadmapAction } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChanges, createScenario, linkAction, mayRevert, revertChange, setChange } from './lab-doc.ts';

const facilitator = { userId: 'f1', facilitator: true };
const alice = { userId: 'a1', facilitator: false };
const bob = { userId: 'b1', facilitator: false };

describe('scenario lab document writes', () => {
  it('writes one change per input, refuses invalid values, updates the writer’s own change', () => {
    const doc = new Y.Doc();
    const base = createScenario(doc, facilitator, { title: 'Référence' });
    const variant = createScenario(doc, facilitator, { title: 'TER', parentId: base });
    const key = 'mobility.pt.TER-LUX.headwayMinutes';
    expect(
      setChange(doc, alice, scenarioChanges.read(doc), { scenarioId: variant, key, value: -5, reason: '' }),
    ).not.toBeNull();
    expect(scenarioChanges.read(doc)).toHaveLength(0);
    expect(
      setChange(doc, alice, scenarioChanges.read(doc), {
        scenarioId: variant,
        key,
        value: 7.5,
        reason: 'x2',
      }),
    ).toBeNull();
    expect(
      setChange(doc, alice, scenarioChanges.read(doc), {
        scenarioId: variant,
        key,
        value: 10,
        reason: 'x1.5',
      }),
    ).toBeNull();
    expect(scenarioChanges.read(doc)).toMatchObject([{ key, value: 10, reason: 'x1.5', createdBy: 'a1' }]);
    // Someone else's change of the same key is a new entry (participants change only their own).
    expect(
      setChange(doc, bob, scenarioChanges.read(doc), { scenarioId: variant, key, value: 12, reason: '' }),
    ).toBeNull();
    expect(scenarioChanges.read(doc)).toHaveLength(2);
    expect(resolveScenario(doc, variant).changes).toMatchObject([{ key, value: 12 }]);
    expect(mayRevert(scenarioChanges.read(doc), alice, variant, key)).toBe(false);
    expect(mayRevert(scenarioChanges.read(doc), facilitator, variant, key)).toBe(true);
    revertChange(doc, scenarioChanges.read(doc), variant, key);
    expect(resolveScenario(doc, variant).changes).toEqual([]);
  });

  it('keeps two people’s edits of two inputs made at the same time', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const base = createScenario(a, facilitator, { title: 'Référence' });
    const variant = createScenario(a, facilitator, { title: 'V', parentId: base });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setChange(a, alice, scenarioChanges.read(a), {
      scenarioId: variant,
      key: 'mobility.fuelPrice',
      value: 2.4,
      reason: '',
    });
    setChange(b, bob, scenarioChanges.read(b), {
      scenarioId: variant,
      key: 'mobility.teleworkShare',
      value: 0.2,
      reason: '',
    });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b])
      expect(resolveScenario(doc, variant).changes.map((c) => [c.key, c.value])).toEqual([
        ['mobility.fuelPrice', 2.4],
        ['mobility.teleworkShare', 0.2],
      ]);
  });

  it('links a roadmap action to a change and builds changes in one transaction', () => {
    const doc = new Y.Doc();
    const action: RoadmapAction = {
      id: 'act-1',
      title: 'TER toutes les 7,5 min',
      description: '',
      ownerOrganisationId: 'o1',
      partnerOrganisationIds: [],
      start: 'J+0',
      due: 'J+30',
      status: 'committed',
      needIds: [],
      createdBy: 'f1',
      updatedAt: new Date().toISOString(),
    };
    roadmap.add(doc, action);
    expect(linkAction(doc, action, 'mobility.pt.TER-LUX.headwayMinutes', -1)).not.toBeNull();
    expect(linkAction(doc, action, 'mobility.pt.TER-LUX.headwayMinutes', 7.5)).toBeNull();
    expect(roadmap.find(doc, 'act-1')?.scenarioChange).toEqual({ 'mobility.pt.TER-LUX.headwayMinutes': 7.5 });
    const id = createScenario(doc, facilitator, { title: 'Feuille de route' });
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    addChanges(doc, facilitator, id, [
      { key: 'mobility.fuelPrice', value: 2, reason: 'a' },
      { key: 'skills.crossBorderPull', value: 0.1, reason: 'b' },
    ]);
    expect(transactions).toBe(1);
    expect(resolveScenario(doc, id).changes).toHaveLength(2);
  });
});
