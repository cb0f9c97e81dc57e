import type * as Y from 'yjs';
import { z } from 'zod';
import { arrayCollection, type EntrySchema } from './collection.ts';

/** The sections of the live room, in tab order. */
export const ROOM_SECTIONS = ['agenda', 'ideas', 'needs', 'roadmap', 'scenarios', 'synthesis'] as const;
export type RoomSection = (typeof ROOM_SECTIONS)[number];

export const AGENDA_ITEM_KINDS = ['plenary', 'workgroup', 'vote', 'break'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** One step of the agenda: an entry of the `agenda` Y.Array. */
export const agendaItemSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  kind: z.enum(AGENDA_ITEM_KINDS),
  durationMinutes: z.number().int().min(1).max(600),
  notes: z.string().max(5000),
  /** The room section this step works in: moving to the step opens it for everyone. */
  section: z.enum(ROOM_SECTIONS).optional(),
});
export type AgendaItem = z.output<typeof agendaItemSchema>;

/** The workshop's settings: keys of the `settings` Y.Map. */
export const settingsSchema = z.object({
  /** Day 0 of the roadmap's `J+N` dates. */
  dayZero: z.iso.date(),
  /** Dots each person gets in a new dot-vote. */
  defaultDotsPerPerson: z.number().int().min(1).max(20),
  /** Whether new polls are anonymous unless the facilitator says otherwise. */
  anonymousPollsByDefault: z.boolean(),
  reactionsEnabled: z.boolean(),
  /** Sections only facilitators may write in for now. */
  lockedSections: z.array(z.enum(ROOM_SECTIONS)).max(ROOM_SECTIONS.length),
  /**
   * New idea cards are anonymous: their author is not stored (`ANONYMOUS_AUTHOR`), and they
   * name no organisation. Cards posted before keep their author.
   */
  anonymousIdeas: z.boolean(),
  /** "Bring everyone to this section": the last section a facilitator sent the room to. */
  spotlight: z.object({ section: z.enum(ROOM_SECTIONS), at: z.number().int().nonnegative() }).strict(),
});
export type WorkshopSettings = z.output<typeof settingsSchema>;

export const agenda = arrayCollection<AgendaItem>({ name: 'agenda', schema: agendaItemSchema });

/**
 * The settings of a facilitation document, the valid keys only.
 *
 * @example readSettings(doc).dayZero // '2026-11-26'
 */
export function readSettings(doc: Y.Doc): Partial<WorkshopSettings> {
  const raw = doc.getMap<unknown>('settings').toJSON();
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const parsed = field.safeParse(raw[key]);
    if (raw[key] !== undefined && parsed.success) out[key] = parsed.data;
  }
  return out as Partial<WorkshopSettings>;
}

/** Validates and sets some settings; throws a ZodError naming the bad keys. */
export function writeSettings(doc: Y.Doc, patch: Partial<WorkshopSettings>): void {
  const valid = settingsSchema.partial().parse(patch);
  const settings = doc.getMap<unknown>('settings');
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) if (value !== undefined) settings.set(key, value);
  });
}

/** Top-level types of the `facilitation` document. */
export const FACILITATION_DOC_SCHEMA: Readonly<
  Record<string, { type: 'array' | 'map' | 'xml'; entry?: EntrySchema; fields?: EntrySchema }>
> = {
  agenda: { type: 'array', entry: agendaItemSchema },
  settings: { type: 'map', fields: settingsSchema },
};
