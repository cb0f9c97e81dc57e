import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/run.ts';

// Made before the tests rather than on import, so that a file whose tests are all filtered out leaves nothing.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-run-'));
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

describe('pnpm model run', () => {
  it('runs a scenario file, prints the indicators and the comparison, writes the result', async () => {
    const scenario = path.join(dir, 'scenario.json');
    const result = path.join(dir, 'result.json');
    writeFileSync(
      scenario,
      JSON.stringify({ name: 'ter-10', ptLines: [{ line: 'TER-LUX', headwayMinutes: 10 }] }),
    );
    const { out, err } = capture();
    expect(await main(['--scenario', scenario, '--out', result, '--compare'])).toBe(0);
    const summary = JSON.parse(out.at(-1)!) as { scenario: string; topCorridor: string; converged: boolean };
    expect(summary).toMatchObject({ scenario: 'ter-10', converged: true });
    const text = err.join('\n');
    expect(text).toMatch(/mode shares: +car/);
    expect(text).toMatch(/compared with the baseline/);
    const written = JSON.parse(readFileSync(result, 'utf8')) as { diff: { modeShares: { pt: number } } };
    expect(written.diff.modeShares.pt).toBeGreaterThan(0);
  }, 60_000);

  it('tells who uses an A31 section with --select-link, lorries included', async () => {
    const { err } = capture();
    expect(await main(['--select-link', '57672,57323,A31'])).toBe(0);
    const text = err.join('\n');
    expect(text).toMatch(/select-link A31 Thionville–Hettange-Grande: [\d,]+ PCU\/day two-way/);
    expect(text).toMatch(/hgv 30,000 /);
    expect(text).toMatch(/main pairs: Luxembourg \(city\)–Nancy \(hgv/);
  }, 60_000);

  it('rejects an invalid scenario with the file name and the field', async () => {
    const scenario = path.join(dir, 'bad.json');
    writeFileSync(scenario, JSON.stringify({ teleworkShare: 3 }));
    const { err } = capture();
    expect(await main(['--scenario', scenario])).toBe(1);
    expect(err.join('\n')).toMatch(/bad\.json: invalid scenario: teleworkShare/);
  });
});
