import { z } from 'zod';
import { WORKSHOP_ROLES } from '../workshop/workshop.ts';
import { ROOM_SECTIONS } from './facilitation-doc.ts';

/** Largest awareness state (its JSON, in UTF-8 bytes) the server relays. */
export const MAX_AWARENESS_STATE_BYTES = 4096;

const id = z.string().min(1).max(100);

const itemId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/**
 * A Yjs relative position as `Y.relativePositionToJSON` writes it (what Tiptap's
 * collaboration caret puts in `cursor.anchor` and `cursor.head`). Unknown keys are
 * kept: the whole state is bounded by size.
 */
const relativePositionSchema = z.looseObject({
  type: itemId.nullable().optional(),
  tname: z.string().max(100).nullable().optional(),
  item: itemId.nullable().optional(),
  assoc: z.number().int().nullable().optional(),
});

/** Who a connection is, as the room shows them (presence list, carets). */
export const awarenessUserSchema = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour #rrggbb'),
  organisationId: id.optional(),
  role: z.enum(WORKSHOP_ROLES).optional(),
});

/** Where a person is writing: a section, and the entry and field when there is one. */
export const awarenessEditingSchema = z.strictObject({
  section: z.enum(ROOM_SECTIONS),
  entryId: z.string().max(100).optional(),
  field: z.string().max(50).optional(),
});

/**
 * The awareness state of one connection in a workshop's rooms. The server relays
 * only states that pass this schema, fit in `MAX_AWARENESS_STATE_BYTES` and whose
 * `user.id` is the connected person; `null` (leaving) always passes.
 */
export const awarenessStateSchema = z.strictObject({
  user: awarenessUserSchema,
  editing: awarenessEditingSchema.nullable().optional(),
  cursor: z
    .looseObject({ anchor: relativePositionSchema, head: relativePositionSchema })
    .nullable()
    .optional(),
});
export type AwarenessUser = z.output<typeof awarenessUserSchema>;
export type AwarenessEditing = z.output<typeof awarenessEditingSchema>;
export type AwarenessState = z.output<typeof awarenessStateSchema>;

export type AwarenessCheck = { ok: true; state: AwarenessState | null } | { ok: false; reason: string };

/**
 * Checks one awareness state as received (its JSON text): size, schema, and that it
 * speaks for the connected person.
 *
 * @param options.json - the state's JSON text, as y-protocols encodes it
 * @param options.userId - the connected person; the state's `user.id` must be theirs
 * @example checkAwarenessState({ json: 'null', userId }) // { ok: true, state: null }
 */
export function checkAwarenessState(options: { json: string; userId: string }): AwarenessCheck {
  if (options.json.length > MAX_AWARENESS_STATE_BYTES) return { ok: false, reason: 'too large' };
  if (new TextEncoder().encode(options.json).length > MAX_AWARENESS_STATE_BYTES) {
    return { ok: false, reason: 'too large' };
  }
  let value: unknown;
  try {
    value = JSON.parse(options.json);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (value === null) return { ok: true, state: null };
  const parsed = awarenessStateSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid state' };
  if (parsed.data.user.id !== options.userId)
    return { ok: false, reason: 'user.id is not the connected person' };
  return { ok: true, state: parsed.data };
}
