import { compileScenario, mobilityInputsHash, type LabSkims } from '@atelier/domain';
import { describe, expect, it, vi } from 'vitest';
import { runLab } from './run-lab.ts';
import { LabRunner, type LabConnection, type SlotView } from './runner.svelte.ts';

interface Call {
  parts: 'all' | 'mobility' | 'skills';
  /** The mobility inputs whose skims came with the run (null: none). */
  skims: string | null;
  /** What the slot showed when the run started. */
  shown: SlotView;
}

/** The worker's own run, in this process; each call records what the slot showed meanwhile. */
function inProcess(runner: () => LabRunner, calls: Call[], slot = 's'): () => LabConnection {
  return () => ({
    async run(compiled, parts, skims?: LabSkims) {
      calls.push({ parts, skims: skims?.mobilityHash ?? null, shown: runner().view(slot) });
      await new Promise((resolve) => setTimeout(resolve, 0));
      return runLab(compiled, parts, skims);
    },
    terminate() {},
  });
}

const settled = (runner: LabRunner, slot = 's') =>
  vi.waitFor(() => expect(runner.view(slot).current).toBe(true), { timeout: 60_000, interval: 20 });

describe('LabRunner with the skills part on the mobility skims', () => {
  it('shows the fast skills part first, stale, then both parts on the scenario’s own skims', async () => {
    const calls: Call[] = [];
    const runner: LabRunner = new LabRunner(inProcess(() => runner, calls));
    const baseline = compileScenario([]);
    runner.want('s', baseline);
    await settled(runner);

    expect(calls.map((c) => [c.parts, c.skims])).toEqual([
      ['skills', null],
      ['all', null],
    ]);
    // While the mobility model ran, the provisional skills result was on screen, marked stale.
    const meanwhile = calls[1]!.shown;
    expect(meanwhile.skills?.lab.skills?.travelTimes.source).toBe('crow-fly-estimate');
    expect(meanwhile.skillsStale).toBe(true);
    expect(meanwhile.mobility).toBeNull();
    const view = runner.view('s');
    expect(view.skills!.lab.skills!.travelTimes).toMatchObject({
      source: 'mobility-skims',
      mobilityHash: mobilityInputsHash(baseline),
    });
    expect(view.mobilityHash).toBe(mobilityInputsHash(baseline));
    runner.destroy();
  }, 120_000);

  it('runs only the skills part, on the cached skims, for a skills edit; both for a transport edit', async () => {
    const calls: Call[] = [];
    const runner: LabRunner = new LabRunner(inProcess(() => runner, calls));
    runner.want('s', compileScenario([]));
    await settled(runner);
    const mobility = runner.view('s').mobility;
    calls.length = 0;

    runner.want('s', compileScenario([{ key: 'skills.jobSeekerMatchRate', value: 0.5 }]), {
      immediate: true,
    });
    await settled(runner);
    expect(calls.map((c) => [c.parts, c.skims])).toEqual([
      ['skills', mobilityInputsHash(compileScenario([]))],
    ]);
    expect(runner.view('s').mobility).toBe(mobility);
    calls.length = 0;

    const faster = compileScenario([
      { key: 'skills.jobSeekerMatchRate', value: 0.5 },
      { key: 'mobility.pt.TER-LUX.headwayMinutes', value: 7.5 },
    ]);
    runner.want('s', faster, { immediate: true });
    await settled(runner);
    // The skills inputs did not change: no provisional run, the previous result stays, marked stale.
    expect(calls.map((c) => [c.parts, c.skims])).toEqual([['all', null]]);
    expect(calls[0]!.shown.skillsStale).toBe(true);
    expect(calls[0]!.shown.mobilityStale).toBe(true);
    expect(calls[0]!.shown.skills?.lab.skills?.travelTimes.mobilityHash).toBe(
      mobilityInputsHash(compileScenario([])),
    );
    expect(runner.view('s').skills!.lab.skills!.travelTimes.mobilityHash).toBe(mobilityInputsHash(faster));
    runner.destroy();
  }, 180_000);

  it('runs a new scenario’s skills part first on the skims it already holds, then on its own', async () => {
    const calls: Call[] = [];
    const runner: LabRunner = new LabRunner(inProcess(() => runner, calls, 'v'));
    runner.want('s', compileScenario([]));
    await settled(runner);
    calls.length = 0;
    const variant = compileScenario([
      { key: 'skills.jobSeekerMatchRate', value: 0.5 },
      { key: 'mobility.teleworkShare', value: 0.2 },
    ]);
    runner.want('v', variant);
    await settled(runner, 'v');
    expect(calls.map((c) => [c.parts, c.skims])).toEqual([
      ['skills', mobilityInputsHash(compileScenario([]))],
      ['all', null],
    ]);
    expect(calls[1]!.shown.skills?.lab.skills?.travelTimes.source).toBe('mobility-skims');
    expect(calls[1]!.shown.skillsStale).toBe(true);
    expect(runner.view('v').skills!.lab.skills!.travelTimes.mobilityHash).toBe(mobilityInputsHash(variant));
    runner.destroy();
  }, 180_000);
});
