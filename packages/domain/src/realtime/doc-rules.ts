import * as Y from 'yjs';
import type { z } from 'zod';
import type { EntrySchema } from './collection.ts';
import { CONTENT_DOC_SCHEMA } from './content-doc.ts';
import { collectContentChanges } from './doc-changes.ts';
import { FACILITATION_DOC_SCHEMA } from './facilitation-doc.ts';
import type { RoomKind } from './room.ts';
import {
  checkEntryChange,
  checkSectionWrite,
  type ContentWriter,
  type WriteRuleSettings,
} from './write-rules.ts';

type TopLevelSpec = { type: 'array' | 'map' | 'xml'; entry?: EntrySchema; fields?: EntrySchema };

/** The top-level types of a room's document. */
export function documentSchemaOf(kind: RoomKind): Readonly<Record<string, TopLevelSpec>> {
  switch (kind) {
    case 'content':
      return CONTENT_DOC_SCHEMA;
    case 'facilitation':
      return FACILITATION_DOC_SCHEMA;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * Defines a room's top-level types on a document, with their Yjs types, so that an
 * update writing a map key into an array (or the reverse) is recognised.
 */
export function defineDocument(doc: Y.Doc, kind: RoomKind): void {
  for (const [name, spec] of Object.entries(documentSchemaOf(kind))) {
    if (spec.type === 'array') doc.getArray(name);
    else if (spec.type === 'map') doc.getMap(name);
    else doc.getXmlFragment(name);
  }
}

export interface RuleViolation {
  path: string;
  message: string;
  /** `write`: the change is valid, but not this writer's to make (the write rules per seat). */
  rule?: 'write';
}

function nameOf(doc: Y.Doc, type: Y.AbstractType<unknown>): string | undefined {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return undefined;
}

/**
 * Checks what one transaction added to a room's document against the schema: only
 * known top-level names, the right shape at the top level, and known fields with
 * valid values in the entries of `needs`, `roadmap`, `ideas`, `scenarios`, `agenda`
 * and `settings`. Only the items the transaction created are inspected, so the cost
 * follows the size of the update, not of the document. The synthesis (rich text) is
 * free-form.
 *
 * With a `writer`, the write rules of the `content` document apply too: who may add,
 * change and delete which entries (`checkEntryChange`), locked sections, and the
 * cross-field rules, on each entry as it is after the transaction.
 *
 * @param options.doc - a document the transaction was applied to (a scratch copy on the server)
 * @param options.transaction - the transaction, as given by `doc.on('afterTransaction')`
 * @param options.writer - who sent the update; without one, only the schema is checked
 * @param options.settings - the workshop's facilitation settings (`lockedSections`, `dayZero`)
 * @returns the violations; empty when the change is acceptable
 */
export function checkTransaction(options: {
  doc: Y.Doc;
  kind: RoomKind;
  transaction: Y.Transaction;
  writer?: ContentWriter;
  settings?: WriteRuleSettings;
}): RuleViolation[] {
  const violations = checkSchema(options);
  if (violations.length > 0 || !options.writer || options.kind !== 'content') return violations;
  const { writer } = options;
  const settings = options.settings ?? {};
  const changes = collectContentChanges({ doc: options.doc, transaction: options.transaction });
  for (const section of changes.sections) {
    const refused = checkSectionWrite({ writer, section, settings });
    if (refused) violations.push({ ...refused, rule: 'write' });
  }
  if (writer.role !== 'facilitator') {
    for (const name of changes.unruled) {
      violations.push({ path: name, message: 'written by facilitators only', rule: 'write' });
    }
  }
  for (const change of changes.entries) {
    const refused = checkEntryChange({ writer, change, settings });
    if (refused) violations.push({ ...refused, rule: 'write' });
    if (violations.length >= 10) break;
  }
  return violations;
}

function checkSchema(options: { doc: Y.Doc; kind: RoomKind; transaction: Y.Transaction }): RuleViolation[] {
  const { doc, transaction } = options;
  const schema = documentSchemaOf(options.kind);
  const violations: RuleViolation[] = [];
  for (const name of doc.share.keys()) {
    if (!(name in schema)) violations.push({ path: name, message: 'unknown top-level type' });
  }
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item)) continue;
      checkItem(doc, schema, struct, violations);
      if (violations.length >= 10) return violations;
    }
  }
  return violations;
}

function checkItem(
  doc: Y.Doc,
  schema: Readonly<Record<string, TopLevelSpec>>,
  item: Y.Item,
  violations: RuleViolation[],
): void {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return;
  if (parent._item === null) {
    const name = nameOf(doc, parent);
    const spec = name === undefined ? undefined : schema[name];
    if (!spec || name === undefined) return;
    if (spec.type === 'xml') return;
    const isKey = item.parentSub !== null;
    if ((spec.type === 'array') === isKey) {
      violations.push({ path: name, message: `${spec.type === 'array' ? 'a Y.Array' : 'a Y.Map'} expected` });
      return;
    }
    if (spec.fields && item.parentSub !== null) {
      checkField(
        spec.fields,
        `${name}.${item.parentSub}`,
        item.parentSub,
        parent as Y.Map<unknown>,
        violations,
      );
    } else if (spec.entry && !item.deleted) {
      const values = item.content.getContent();
      if (!values.every((value) => value instanceof Y.Map)) {
        violations.push({ path: name, message: 'entries must be Y.Map' });
      }
    }
    return;
  }
  // An entry's field: the parent is a Y.Map held by a top-level collection.
  const holder = parent._item.parent;
  if (!(holder instanceof Y.AbstractType) || holder._item !== null) {
    // Deeper nesting is allowed only inside the synthesis.
    const root = topLevelOf(parent);
    const rootName = root ? nameOf(doc, root) : undefined;
    if (rootName === undefined || schema[rootName]?.type !== 'xml') {
      violations.push({ path: rootName ?? '?', message: 'nested types are not allowed here' });
    }
    return;
  }
  const name = nameOf(doc, holder);
  const spec = name === undefined ? undefined : schema[name];
  if (!spec || name === undefined || spec.type === 'xml') return;
  if (!spec.entry || !(parent instanceof Y.Map) || item.parentSub === null) {
    violations.push({ path: name, message: 'entries are Y.Map of fields' });
    return;
  }
  checkField(spec.entry, `${name}[].${item.parentSub}`, item.parentSub, parent, violations);
}

function checkField(
  schema: EntrySchema,
  path: string,
  key: string,
  map: Y.Map<unknown>,
  violations: RuleViolation[],
): void {
  const field = schema.shape[key] as z.ZodType | undefined;
  if (!field) {
    violations.push({ path, message: 'unknown field' });
    return;
  }
  if (!map.has(key)) return;
  const result = field.safeParse(map.get(key));
  if (!result.success) violations.push({ path, message: result.error.issues[0]?.message ?? 'invalid value' });
}

function topLevelOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> | undefined {
  let current: Y.AbstractType<unknown> = type;
  for (let depth = 0; depth < 1000; depth++) {
    const item = current._item;
    if (item === null) return current;
    if (!(item.parent instanceof Y.AbstractType)) return undefined;
    current = item.parent;
  }
  return undefined;
}
