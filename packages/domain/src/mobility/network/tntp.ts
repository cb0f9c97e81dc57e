/**
 * Parsers for the TNTP formats of "Transportation Networks for Research"
 * (bstabler/TransportationNetworks): `_net.tntp`, `_trips.tntp`, `_flow.tntp`.
 * They take the text (no I/O here) and the file name, used only in error messages.
 */
import { createRoadNetwork, type RoadLinkInput, type RoadNetwork } from './road-network.ts';

/** A malformed TNTP file: names the file, the 1-based line and the problem. */
export class TntpParseError extends Error {
  override name = 'TntpParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

export interface TntpNetwork {
  readonly network: RoadNetwork;
  readonly metadata: Readonly<Record<string, string>>;
  readonly tollFactor: number;
  readonly distanceFactor: number;
  /** 1-based line of each link row, for error messages. */
  readonly linkLines: Int32Array;
}

export interface TntpTrips {
  readonly zoneCount: number;
  /** Dense origin-major matrix: `demand[o * zoneCount + d]`, 0-based zones. */
  readonly demand: Float64Array;
  /** 1-based line where each non-zero cell was read (0 elsewhere). */
  readonly lines: Int32Array;
  readonly total: number;
}

interface MetadataResult {
  metadata: Record<string, string>;
  bodyStart: number;
}

function readMetadata(file: string, lines: readonly string[], required: readonly string[]): MetadataResult {
  const metadata: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('~')) continue;
    const match = /^<([^>]+)>(.*)$/.exec(line);
    if (!match) {
      throw new TntpParseError(file, i + 1, 'expected a metadata line <KEY> value or <END OF METADATA>');
    }
    const key = match[1]!.trim().toUpperCase();
    if (key === 'END OF METADATA') {
      for (const name of required) {
        if (metadata[name] === undefined) {
          throw new TntpParseError(file, i + 1, `missing metadata <${name}> before <END OF METADATA>`);
        }
      }
      return { metadata, bodyStart: i + 1 };
    }
    metadata[key] = match[2]!.trim();
  }
  throw new TntpParseError(file, lines.length, 'missing <END OF METADATA>');
}

function metadataInteger(
  file: string,
  lines: readonly string[],
  metadata: Record<string, string>,
  key: string,
) {
  const raw = metadata[key] ?? '';
  const value = Number(raw.split(/\s+/)[0]);
  if (!Number.isInteger(value) || value < 0) {
    const line = lines.findIndex((l) => l.trim().toUpperCase().startsWith(`<${key}>`)) + 1;
    throw new TntpParseError(file, line, `<${key}> must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function metadataNumber(metadata: Record<string, string>, key: string, fallback: number): number {
  const raw = metadata[key];
  if (raw === undefined) return fallback;
  const value = Number(raw.split(/\s+/)[0]);
  return Number.isFinite(value) ? value : fallback;
}

function splitRow(line: string): string[] {
  const semicolon = line.indexOf(';');
  const body = semicolon >= 0 ? line.slice(0, semicolon) : line;
  return body.trim().split(/\s+/).filter(Boolean);
}

/**
 * Parses a `_net.tntp` file. Link cost = time + tollFactor × toll + distanceFactor × length,
 * with the factors from the metadata (`<TOLL FACTOR>`, `<DISTANCE FACTOR>`) unless given.
 *
 * @param options.text - the file's content
 * @param options.file - its name, for error messages
 * @param options.tollFactor - overrides the metadata's toll factor
 * @param options.distanceFactor - overrides the metadata's distance factor
 * @example parseTntpNetwork({ text, file: 'SiouxFalls_net.tntp' }).network.linkCount // 76
 */
export function parseTntpNetwork(options: {
  text: string;
  file: string;
  tollFactor?: number;
  distanceFactor?: number;
}): TntpNetwork {
  const { text, file } = options;
  const lines = text.split(/\r?\n/);
  const { metadata, bodyStart } = readMetadata(file, lines, [
    'NUMBER OF ZONES',
    'NUMBER OF NODES',
    'FIRST THRU NODE',
    'NUMBER OF LINKS',
  ]);
  const zoneCount = metadataInteger(file, lines, metadata, 'NUMBER OF ZONES');
  const nodeCount = metadataInteger(file, lines, metadata, 'NUMBER OF NODES');
  const firstThru = metadataInteger(file, lines, metadata, 'FIRST THRU NODE');
  const linkCount = metadataInteger(file, lines, metadata, 'NUMBER OF LINKS');
  if (zoneCount > nodeCount) {
    throw new TntpParseError(
      file,
      1,
      `<NUMBER OF ZONES> ${zoneCount} exceeds <NUMBER OF NODES> ${nodeCount}`,
    );
  }
  const tollFactor = options.tollFactor ?? metadataNumber(metadata, 'TOLL FACTOR', 0);
  const distanceFactor = options.distanceFactor ?? metadataNumber(metadata, 'DISTANCE FACTOR', 0);
  const links: RoadLinkInput[] = [];
  const linkLines: number[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('~')) continue;
    const fields = splitRow(line);
    if (fields.length === 0) continue;
    const where = i + 1;
    if (fields.length !== 10) {
      throw new TntpParseError(
        file,
        where,
        `expected 10 columns (init_node term_node capacity length free_flow_time b power speed toll link_type), got ${fields.length}`,
      );
    }
    const values = fields.map(Number);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new TntpParseError(file, where, `column ${bad + 1} is not a number: "${fields[bad]}"`);
    const [init, term, capacity, length, fft, b, power, , toll] = values as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (const node of [init, term]) {
      if (!Number.isInteger(node) || node < 1 || node > nodeCount) {
        throw new TntpParseError(file, where, `node ${node} is outside 1..${nodeCount}`);
      }
    }
    if (capacity < 0) throw new TntpParseError(file, where, `negative capacity ${capacity}`);
    if (capacity === 0) throw new TntpParseError(file, where, 'zero capacity');
    if (fft < 0) throw new TntpParseError(file, where, `negative free-flow time ${fft}`);
    if (length < 0) throw new TntpParseError(file, where, `negative length ${length}`);
    if (b < 0 || power < 0) throw new TntpParseError(file, where, 'negative b or power');
    links.push({
      from: init - 1,
      to: term - 1,
      capacity,
      length,
      freeFlowTime: fft,
      alpha: b,
      beta: power,
      fixedCost: tollFactor * toll + distanceFactor * length,
    });
    linkLines.push(where);
  }
  if (links.length !== linkCount) {
    throw new TntpParseError(
      file,
      lines.length,
      `<NUMBER OF LINKS> says ${linkCount} but the file has ${links.length} link rows`,
    );
  }
  const network = createRoadNetwork({ nodeCount, zoneCount, firstThruNode: firstThru - 1, links });
  return { network, metadata, tollFactor, distanceFactor, linkLines: Int32Array.from(linkLines) };
}

/**
 * Parses a `_trips.tntp` file (`Origin o` blocks of `d : flow;`) into a dense matrix.
 *
 * @param options.text - the file's content
 * @param options.file - its name, for error messages
 * @example parseTntpTrips({ text, file: 'SiouxFalls_trips.tntp' }).total // 360600
 */
export function parseTntpTrips(options: { text: string; file: string }): TntpTrips {
  const { text, file } = options;
  const lines = text.split(/\r?\n/);
  const { metadata, bodyStart } = readMetadata(file, lines, ['NUMBER OF ZONES']);
  const zoneCount = metadataInteger(file, lines, metadata, 'NUMBER OF ZONES');
  const demand = new Float64Array(zoneCount * zoneCount);
  const cellLines = new Int32Array(zoneCount * zoneCount);
  let origin = -1;
  let total = 0;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('~')) continue;
    const where = i + 1;
    const originMatch = /^Origin\s+(\S+)/i.exec(line);
    if (originMatch) {
      const o = Number(originMatch[1]);
      if (!Number.isInteger(o) || o < 1 || o > zoneCount) {
        throw new TntpParseError(file, where, `origin ${originMatch[1]} is outside 1..${zoneCount}`);
      }
      origin = o - 1;
      continue;
    }
    if (origin < 0) throw new TntpParseError(file, where, 'demand before the first "Origin" line');
    for (const entry of line.split(';')) {
      const item = entry.trim();
      if (item === '') continue;
      const parts = item.split(':');
      if (parts.length !== 2)
        throw new TntpParseError(file, where, `expected "destination : flow", got "${item}"`);
      const d = Number(parts[0]);
      const flow = Number(parts[1]);
      if (!Number.isInteger(d) || d < 1 || d > zoneCount) {
        throw new TntpParseError(file, where, `destination ${parts[0]!.trim()} is outside 1..${zoneCount}`);
      }
      if (!Number.isFinite(flow) || flow < 0) {
        throw new TntpParseError(
          file,
          where,
          `flow must be a non-negative number, got "${parts[1]!.trim()}"`,
        );
      }
      const cell = origin * zoneCount + d - 1;
      demand[cell]! += flow;
      if (flow > 0) cellLines[cell] = where;
      total += flow;
    }
  }
  return { zoneCount, demand, lines: cellLines, total };
}

export interface TntpFlowRow {
  from: number;
  to: number;
  volume: number;
  cost: number;
}

/** Parses a `_flow.tntp` file (`From To Volume Cost`), 1-based node numbers as in the file. */
export function parseTntpFlows(options: { text: string; file: string }): TntpFlowRow[] {
  const rows: TntpFlowRow[] = [];
  options.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('~') || /^from/i.test(line)) return;
    const fields = splitRow(line).map(Number);
    if (fields.length !== 4 || fields.some((v) => !Number.isFinite(v))) {
      throw new TntpParseError(options.file, i + 1, 'expected 4 numeric columns: From To Volume Cost');
    }
    const [from, to, volume, cost] = fields as [number, number, number, number];
    rows.push({ from, to, volume, cost });
  });
  return rows;
}
