import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTntpFlows, parseTntpNetwork, parseTntpTrips, TntpParseError } from './tntp.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const read = (file: string) =>
  readFileSync(path.resolve(root, 'packages/domain/fixtures/tntp', file), 'utf8');

const header = (links: number) =>
  `<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<FIRST THRU NODE> 3\n<NUMBER OF LINKS> ${links}\n<END OF METADATA>\n`;

function parseError(text: string): TntpParseError {
  try {
    parseTntpNetwork({ text, file: 'bad_net.tntp' });
  } catch (error) {
    if (error instanceof TntpParseError) return error;
    throw error;
  }
  throw new Error('expected a TntpParseError');
}

describe('parseTntpNetwork', () => {
  it('reads Sioux Falls: 24 zones, 24 nodes, 76 links, zones pass-through allowed', () => {
    const { network } = parseTntpNetwork({ text: read('SiouxFalls/SiouxFalls_net.tntp'), file: 'sf' });
    expect(network.zoneCount).toBe(24);
    expect(network.nodeCount).toBe(24);
    expect(network.linkCount).toBe(76);
    expect(network.firstThruNode).toBe(0);
    expect(network.from[0]).toBe(0);
    expect(network.to[0]).toBe(1);
    expect(network.capacity[0]).toBeCloseTo(25900.20064, 5);
    expect(network.freeFlowTime[0]).toBe(6);
  });

  it('builds the CSR adjacency: each node lists exactly its outgoing links', () => {
    const { network } = parseTntpNetwork({ text: read('SiouxFalls/SiouxFalls_net.tntp'), file: 'sf' });
    for (let node = 0; node < network.nodeCount; node++) {
      const listed = Array.from(
        network.outLinks.subarray(network.outStart[node], network.outStart[node + 1]),
      );
      const expected = Array.from(network.from.keys()).filter((link) => network.from[link] === node);
      expect(listed.sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('applies toll and distance factors to the fixed cost, from options or metadata', () => {
    const row = '1 3 100 2.5 1 0.15 4 0 10 1 ;\n';
    const fromOptions = parseTntpNetwork({
      text: header(1) + row,
      file: 'n',
      tollFactor: 0.02,
      distanceFactor: 0.04,
    });
    expect(fromOptions.network.fixedCost[0]).toBeCloseTo(0.02 * 10 + 0.04 * 2.5, 12);
    const withMetadata = `<TOLL FACTOR> 0.1\n<DISTANCE FACTOR> 1\n${header(1)}${row}`;
    expect(parseTntpNetwork({ text: withMetadata, file: 'n' }).network.fixedCost[0]).toBeCloseTo(3.5, 12);
  });

  it('names the file, the line and the problem for a missing metadata line', () => {
    const error = parseError(
      '<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n',
    );
    expect(error.file).toBe('bad_net.tntp');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^bad_net\.tntp:4: missing metadata <FIRST THRU NODE>/);
  });

  it('rejects a row with the wrong column count, naming its line', () => {
    const error = parseError(`${header(1)}~ comment\n1 3 100 1 1 0.15 4 ;\n`);
    expect(error.line).toBe(7);
    expect(error.problem).toMatch(/expected 10 columns.*got 7/);
  });

  it('rejects a negative capacity, naming its line', () => {
    const error = parseError(`${header(2)}1 3 100 1 1 0.15 4 0 0 1 ;\n3 2 -5 1 1 0.15 4 0 0 1 ;\n`);
    expect(error.line).toBe(7);
    expect(error.problem).toMatch(/negative capacity -5/);
  });

  it('rejects a link count that does not match the metadata, and unknown nodes', () => {
    expect(parseError(`${header(2)}1 3 100 1 1 0.15 4 0 0 1 ;\n`).problem).toMatch(
      /says 2 but the file has 1/,
    );
    expect(parseError(`${header(1)}1 9 100 1 1 0.15 4 0 0 1 ;\n`).problem).toMatch(/node 9 is outside 1..3/);
  });
});

describe('parseTntpTrips', () => {
  it('reads the Sioux Falls demand: total 360,600 and the 1 -> 10 cell', () => {
    const trips = parseTntpTrips({ text: read('SiouxFalls/SiouxFalls_trips.tntp'), file: 'sf' });
    expect(trips.zoneCount).toBe(24);
    expect(trips.total).toBeCloseTo(360600, 6);
    expect(trips.demand[0 * 24 + 9]).toBe(1300);
    expect(trips.lines[0 * 24 + 9]).toBeGreaterThan(0);
  });

  it('rejects a malformed entry and demand before any origin, naming the line', () => {
    const meta = '<NUMBER OF ZONES> 2\n<END OF METADATA>\n';
    expect(() => parseTntpTrips({ text: `${meta}1 : 5;\n`, file: 't.tntp' })).toThrow(
      /t\.tntp:3: demand before/,
    );
    expect(() => parseTntpTrips({ text: `${meta}Origin 1\n2 : -5;\n`, file: 't.tntp' })).toThrow(
      /t\.tntp:4: flow must be a non-negative number/,
    );
    expect(() => parseTntpTrips({ text: `${meta}Origin 3\n`, file: 't.tntp' })).toThrow(
      /origin 3 is outside/,
    );
  });
});

describe('parseTntpFlows', () => {
  it('reads the best-known Sioux Falls flows', () => {
    const rows = parseTntpFlows({ text: read('SiouxFalls/SiouxFalls_flow.tntp'), file: 'f' });
    expect(rows).toHaveLength(76);
    expect(rows[0]).toMatchObject({ from: 1, to: 2 });
    expect(rows[0]!.volume).toBeCloseTo(4494.6576, 3);
  });
});
