import { describe, expect, it } from 'vitest';
import { isFatal, onUncaughtException, onUnhandledRejection } from './crash-guard.ts';
import { requestContext } from './request-context.ts';

/** A log that keeps what it is given, to read back what an operator would see. */
function recordingLog() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    error: (details: object, message: string) =>
      lines.push({ level: 'error', details: { ...details }, message }),
    fatal: (details: object, message: string) =>
      lines.push({ level: 'fatal', details: { ...details }, message }),
  };
}

describe('the crash guard', () => {
  it('logs a stray rejection with the id of the request it came from, and does not exit', async () => {
    const log = recordingLog();
    await requestContext.run({ requestId: 'req-42', method: 'GET', path: '/workshops/x' }, async () => {
      await Promise.resolve();
      onUnhandledRejection(log, new TypeError("Cannot read properties of null (reading 'id')"));
    });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({
      level: 'error',
      details: { requestId: 'req-42', path: '/workshops/x' },
    });
  });

  it('keeps serving after an exception thrown by one request', () => {
    const log = recordingLog();
    const exits: number[] = [];
    onUncaughtException(log, new Error('socket hang up'), (code) => exits.push(code));
    expect(exits).toEqual([]);
    expect(log.lines[0]?.level).toBe('error');
  });

  it('stops when the server cannot listen', () => {
    const log = recordingLog();
    const exits: number[] = [];
    const taken = Object.assign(new Error('listen EADDRINUSE: address already in use'), {
      code: 'EADDRINUSE',
      syscall: 'listen',
    });
    onUncaughtException(log, taken, (code) => exits.push(code));
    expect(exits).toEqual([1]);
    expect(log.lines[0]?.level).toBe('fatal');
    expect(isFatal(new Error('boom'))).toBe(false);
    expect(isFatal('a string')).toBe(false);
  });
});
