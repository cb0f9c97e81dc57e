import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, readDraft, startingDraft, writeDraft } from './drafts.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('contribution drafts in the browser', () => {
  const key = draftKey({ userId: 'u1', callId: 'c1', kind: 'needs' });

  it('keeps a draft and its pending submission until cleared', () => {
    const storage = memoryStorage();
    writeDraft(storage, key, { values: { 'needs.count': '1' }, pending: 'submit', savedAt: 'now' });
    expect(readDraft(storage, key)).toMatchObject({ values: { 'needs.count': '1' }, pending: 'submit' });
    clearDraft(storage, key);
    expect(readDraft(storage, key)).toBeUndefined();
  });

  it('drops an unreadable draft', () => {
    const storage = memoryStorage();
    storage.setItem(key, '{"values": 3}');
    expect(readDraft(storage, key)).toBeUndefined();
    expect(storage.getItem(key)).toBeNull();
  });

  it("prefers the browser's draft of the same contribution, else the server's", () => {
    const server = { id: 'k1', values: { text: 'server' } };
    const empty = { text: '' };
    const same = { values: { text: 'local' }, contributionId: 'k1', savedAt: '' };
    const other = { values: { text: 'old' }, contributionId: 'k0', savedAt: '' };
    expect(startingDraft({ local: same, server, empty }).values.text).toBe('local');
    expect(startingDraft({ local: other, server, empty }).values.text).toBe('server');
    expect(startingDraft({ local: undefined, server: undefined, empty }).values.text).toBe('');
    expect(
      startingDraft({ local: { values: { text: 'new' }, savedAt: '' }, server, empty }).contributionId,
    ).toBe('k1');
  });
});
