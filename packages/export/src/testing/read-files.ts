// Readers of the rendered files for tests, with the tools a reader of the file would use: poppler
// (pdftotext, pdfinfo -struct-text: the PDF's text and its structure tree) and unzip (DOCX, XLSX).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');

function withFile<T>(bytes: Uint8Array, name: string, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-read-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text, page by page (pdftotext -layout). */
export function pdfPages(pdf: Uint8Array): string[] {
  return withFile(pdf, 'report.pdf', (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  )
    .split('\f')
    .filter((page) => page.trim());
}

/** `pdfinfo` of the PDF: Tagged, Title, Pages… */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const text = withFile(pdf, 'report.pdf', (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .flatMap((m) => (m ? [[m[1]!.trim(), m[2]!.trim()]] : [])),
  );
}

/** A node of the structure tree: its type (H2, Table, TD…), attributes, text, children. */
export interface StructNode {
  type: string;
  attributes: string[];
  text: string;
  children: StructNode[];
}

/** The PDF's structure tree, as `pdfinfo -struct-text` prints it (one node per line, by indentation). */
export function pdfStructure(pdf: Uint8Array): StructNode {
  const text = withFile(pdf, 'report.pdf', (file) =>
    execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
  const root: StructNode = { type: 'root', attributes: [], text: '', children: [] };
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const depth = line.length - line.trimStart().length;
    const content = line.trim();
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (content.startsWith('"')) {
      parent.text += content.slice(1, -1);
    } else if (content.startsWith('/')) {
      parent.attributes.push(content);
    } else {
      const node: StructNode = {
        type: content.replace(/[:\s].*$/, ''),
        attributes: [],
        text: '',
        children: [],
      };
      parent.children.push(node);
      stack.push({ depth, node });
    }
  }
  return root;
}

/** Every node of a tree, depth first (reading order). */
export function walk(node: StructNode): StructNode[] {
  return [node, ...node.children.flatMap(walk)];
}

/** The text of a node and its descendants. */
export function textOf(node: StructNode): string {
  return node.text + node.children.map(textOf).join('');
}

/** Tables of a structure tree as rows of cell texts (header rows included). */
export function structTables(root: StructNode): string[][][] {
  return walk(root)
    .filter((node) => node.type === 'Table')
    .map((table) =>
      walk(table)
        .filter((node) => node.type === 'TR')
        .map((row) => row.children.filter((c) => c.type === 'TH' || c.type === 'TD').map(textOf)),
    );
}

/** A part of a zip (DOCX, XLSX), read with Debian's unzip. */
export function zipPart(bytes: Uint8Array, part: string): string {
  return withFile(bytes, 'file.zip', (file) =>
    execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
}

/** The names of the parts of a zip. */
export function zipParts(bytes: Uint8Array): string[] {
  return withFile(bytes, 'file.zip', (file) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }))
    .split('\n')
    .filter(Boolean);
}

const decode = (xml: string) =>
  xml
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** Rows of every table of a DOCX's main part, as the text of their cells. */
export function docxTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((table) =>
    [...table[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) =>
        decode([...cell[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      ),
    ),
  );
}

/** The text of a DOCX's main part, paragraph by paragraph. */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >](.*?)<\/w:p>/gs)].map((p) =>
    decode([...p[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

/** A PDF literal string `( … )` starting at `start` (the index of `(`), as bytes. */
function literalString(raw: string, start: number): Buffer {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = start; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[++i]!;
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      if (next in escapes) bytes.push(escapes[next]!);
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(raw.slice(i, i + 3))![0];
        bytes.push(Number.parseInt(octal, 8));
        i += octal.length - 1;
      } else if (next !== '\n') bytes.push(next.charCodeAt(0));
      continue;
    }
    if (c === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (c === ')') {
      depth--;
      if (depth === 0) break;
    }
    bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The alternative texts of the PDF's Figure structure elements, in file order. */
export function pdfFigureAlts(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\/S \/Figure\s*\/Alt \(/g)].map((m) => {
    const bytes = literalString(raw, m.index + m[0].length - 1);
    // UTF-16BE with a byte order mark, as pdfkit writes text strings.
    return bytes[0] === 0xfe && bytes[1] === 0xff
      ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
      : bytes.toString('latin1');
  });
}
