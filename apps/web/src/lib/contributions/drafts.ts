// Contribution drafts kept in the browser (localStorage), so that a half-written
// contribution survives closing the tab or going offline, and a submission made offline
// is remembered until the connection is back.
import type { FormValues } from './payload-form.ts';

export interface StoredDraft {
  values: FormValues;
  /** The server's contribution these values edit, once saved there. */
  contributionId?: string;
  organisationId?: string;
  /** What to send once back online: a submission or a save. */
  pending?: 'submit' | 'save';
  savedAt: string;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The key of one person's draft for one kind of contribution to one call. */
export function draftKey(options: { userId: string; callId: string; kind: string }): string {
  return `atelier.contribution.${options.userId}.${options.callId}.${options.kind}`;
}

function isValues(value: unknown): value is FormValues {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** The stored draft, or undefined when there is none or it is unreadable (then it is dropped). */
export function readDraft(storage: DraftStorage | undefined, key: string): StoredDraft | undefined {
  if (!storage) return undefined;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const draft = JSON.parse(raw) as Partial<StoredDraft>;
    if (!isValues(draft.values)) throw new Error('not a draft');
    return {
      values: draft.values,
      contributionId: typeof draft.contributionId === 'string' ? draft.contributionId : undefined,
      organisationId: typeof draft.organisationId === 'string' ? draft.organisationId : undefined,
      pending: draft.pending === 'submit' || draft.pending === 'save' ? draft.pending : undefined,
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  } catch {
    storage.removeItem(key);
    return undefined;
  }
}

/** Stores a draft; a full or unavailable storage is ignored (the server copy remains). */
export function writeDraft(storage: DraftStorage | undefined, key: string, draft: StoredDraft): void {
  try {
    storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: nothing else to do in the browser.
  }
}

export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Storage disabled.
  }
}

/**
 * Which values a form starts from: the browser's draft when it edits the same contribution
 * as the server's editable one (or a new one), else the server's, else an empty form.
 */
export function startingDraft(options: {
  local: StoredDraft | undefined;
  server: { id: string; values: FormValues; organisationId?: string } | undefined;
  empty: FormValues;
}): StoredDraft {
  const { local, server } = options;
  if (local && (local.contributionId === undefined || local.contributionId === server?.id)) {
    return local.contributionId === undefined && server ? { ...local, contributionId: server.id } : local;
  }
  if (server) {
    return {
      values: server.values,
      contributionId: server.id,
      organisationId: server.organisationId,
      savedAt: '',
    };
  }
  return { values: options.empty, savedAt: '' };
}
