import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/assign.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const sioux = (file: string) => path.resolve(root, 'packages/domain/fixtures/tntp/SiouxFalls', file);
// Made before the tests rather than on import, so that a file whose tests are all filtered out leaves nothing.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-assign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('pnpm model assign', () => {
  it('prints progress to stderr, one JSON object as the last stdout line, and writes flows', async () => {
    const { out, err } = capture();
    const csv = path.join(dir, 'flows.csv');
    const code = await main([
      '--net',
      sioux('SiouxFalls_net.tntp'),
      '--trips',
      sioux('SiouxFalls_trips.tntp'),
      '--algorithm',
      'fw',
      '--max-iter',
      '5',
      '--out',
      csv,
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(out.at(-1)!) as Record<string, number>;
    expect(Object.keys(summary)).toEqual(['iterations', 'relativeGap', 'beckmann', 'tstt', 'ms']);
    expect(summary.iterations).toBe(5);
    expect(err.some((line) => line.startsWith('iteration 5'))).toBe(true);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('init_node,term_node,flow,cost');
    expect(rows).toHaveLength(77);
  });

  it('names the trips file and line of demand between disconnected zones', async () => {
    const net = path.join(dir, 'oneway_net.tntp');
    const trips = path.join(dir, 'oneway_trips.tntp');
    writeFileSync(
      net,
      '<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n' +
        '1 2 100 1 1 0.15 4 0 0 1 ;\n',
    );
    writeFileSync(trips, '<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n2 : 5;\nOrigin 2\n1 : 3;\n');
    const { err } = capture();
    expect(await main(['--net', net, '--trips', trips])).toBe(1);
    expect(err.join('\n')).toMatch(/oneway_trips\.tntp:6: demand 3 from zone 2 to zone 1/);
  });

  it('names the network file and line of a negative capacity', async () => {
    const net = path.join(dir, 'bad_net.tntp');
    writeFileSync(
      net,
      '<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n' +
        '1 2 -100 1 1 0.15 4 0 0 1 ;\n',
    );
    const { err } = capture();
    expect(await main(['--net', net, '--trips', sioux('SiouxFalls_trips.tntp')])).toBe(1);
    expect(err.join('\n')).toMatch(/bad_net\.tntp:6: negative capacity -100/);
  });
});
