import * as Y from 'yjs';

/** One block of the synthesis text, flattened for renderers that are not rich-text editors. */
export type SynthesisBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; ordered: boolean; text: string };

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlElement) {
    if (node.nodeName === 'hardBreak') return '\n';
    return node
      .toArray()
      .map((child) => textOf(child))
      .join('');
  }
  return '';
}

function walk(node: Y.XmlElement | Y.XmlText | Y.XmlHook, out: SynthesisBlock[], list?: boolean): void {
  if (node instanceof Y.XmlText) {
    const text = textOf(node).trim();
    if (text) out.push({ kind: 'paragraph', text });
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  switch (node.nodeName) {
    case 'heading': {
      const level = Number(node.getAttribute('level'));
      out.push({ kind: 'heading', level: level === 1 || level === 2 ? level : 3, text: textOf(node) });
      return;
    }
    case 'bulletList':
    case 'orderedList':
      for (const item of node.toArray()) walk(item, out, node.nodeName === 'orderedList');
      return;
    case 'listItem': {
      const text = node
        .toArray()
        .map((child) => textOf(child))
        .filter(Boolean)
        .join(' ');
      out.push({ kind: 'item', ordered: list ?? false, text });
      return;
    }
    case 'blockquote':
      for (const child of node.toArray()) walk(child, out);
      return;
    default: {
      const text = textOf(node);
      if (text.trim()) out.push({ kind: 'paragraph', text });
    }
  }
}

/**
 * The synthesis (a Tiptap document in a Y.XmlFragment) as plain blocks: headings, paragraphs
 * and list items. Marks (bold, links) are dropped; text is kept as typed, unescaped.
 *
 * @example synthesisBlocks(synthesisOf(doc)) // [{ kind: 'heading', level: 2, text: 'Constats' }, …]
 */
export function synthesisBlocks(fragment: Y.XmlFragment): SynthesisBlock[] {
  const out: SynthesisBlock[] = [];
  for (const node of fragment.toArray()) walk(node, out);
  return out;
}

/**
 * Writes blocks into an empty fragment as Tiptap nodes (paragraph, heading, bulletList,
 * orderedList, listItem): what the open-data import does.
 */
export function writeSynthesisBlocks(fragment: Y.XmlFragment, blocks: readonly SynthesisBlock[]): void {
  const paragraph = (text: string) => {
    const element = new Y.XmlElement('paragraph');
    if (text) element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  // Items are collected first: a Y type not yet in a document cannot be read (not even its length).
  const nodes: (Y.XmlElement | { ordered: boolean; items: Y.XmlElement[] })[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        const element = new Y.XmlElement('heading');
        element.setAttribute('level', block.level as unknown as string);
        if (block.text) element.insert(0, [new Y.XmlText(block.text)]);
        nodes.push(element);
        break;
      }
      case 'paragraph':
        nodes.push(paragraph(block.text));
        break;
      case 'item': {
        const last = nodes[nodes.length - 1];
        const item = new Y.XmlElement('listItem');
        item.insert(0, [paragraph(block.text)]);
        if (last && !(last instanceof Y.XmlElement) && last.ordered === block.ordered) last.items.push(item);
        else nodes.push({ ordered: block.ordered, items: [item] });
        break;
      }
      default: {
        const unreachable: never = block;
        throw new Error(`unknown block ${String(unreachable)}`);
      }
    }
  }
  fragment.insert(
    fragment.length,
    nodes.map((node) => {
      if (node instanceof Y.XmlElement) return node;
      const list = new Y.XmlElement(node.ordered ? 'orderedList' : 'bulletList');
      list.insert(0, node.items);
      return list;
    }),
  );
}
