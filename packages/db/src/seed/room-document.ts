import {
  checkTransaction,
  defineDocument,
  readSettings,
  type ContentWriter,
  type RoomKind,
  type RuleViolation,
} from '@atelier/domain';
import * as Y from 'yjs';
import { demoClientId } from './ids.ts';

/** A seeded edit the realtime server would refuse: the seed itself is wrong. */
export class SeedRuleError extends Error {
  override name = 'SeedRuleError';
}

/**
 * One of a workshop's two Yjs documents as the demo writes it: each person's edit is one
 * transaction, checked like the realtime server checks an update from that person's seat
 * (`checkTransaction`: the document schema and, for `content`, the write rules with the
 * facilitation settings), so that the demo holds nothing a real room could not.
 */
export class RoomDocument {
  readonly doc = new Y.Doc();
  /** The facilitation document whose settings (locked sections, day 0) the write rules read. */
  private settingsFrom: Y.Doc | undefined;

  constructor(
    readonly kind: RoomKind,
    name: string,
  ) {
    this.doc.clientID = demoClientId(`${name}/${kind}`);
    defineDocument(this.doc, kind);
  }

  /** Reads the write rules' settings from this facilitation document (content documents only). */
  withSettingsOf(facilitation: RoomDocument): this {
    this.settingsFrom = facilitation.doc;
    return this;
  }

  /**
   * Applies one person's edit as one transaction.
   *
   * @param writer - the person and their seat; the facilitation document is written by facilitators only
   * @throws SeedRuleError with the violations when the server would refuse the edit (the seed
   *   then stops, its transaction rolled back, and this document is dropped)
   */
  edit(writer: ContentWriter, change: (doc: Y.Doc) => void): void {
    if (this.kind === 'facilitation' && writer.role !== 'facilitator') {
      throw new SeedRuleError(`${writer.userId} may not write the facilitation document`);
    }
    const settings = this.settingsFrom ? readSettings(this.settingsFrom) : {};
    let violations: RuleViolation[] = [];
    const check = (transaction: Y.Transaction) => {
      violations = checkTransaction({
        doc: this.doc,
        kind: this.kind,
        transaction,
        writer: this.kind === 'content' ? writer : undefined,
        settings,
      });
    };
    this.doc.on('afterTransaction', check);
    try {
      this.doc.transact(() => change(this.doc));
    } finally {
      this.doc.off('afterTransaction', check);
    }
    if (violations.length > 0) {
      const list = violations.map((v) => `${v.path}: ${v.message}`).join('; ');
      throw new SeedRuleError(`the ${this.kind} edit of ${writer.userId} would be refused: ${list}`);
    }
  }

  /** The whole document as one Yjs update, as the realtime server loads it. */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }
}
