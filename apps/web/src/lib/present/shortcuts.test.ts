import { describe, expect, it } from 'vitest';
import { PRESENTER_COMMANDS, PRESENTER_KEYS, ariaShortcuts, commandOf, nextSpotlight } from './shortcuts.ts';

const press = (key: string, extra: Partial<Parameters<typeof commandOf>[0]> = {}) =>
  commandOf({ key, ctrlKey: false, altKey: false, metaKey: false, inField: false, ...extra });

describe('presenter shortcuts', () => {
  it('moves through the agenda with N/P, the arrows and a clicker’s page keys', () => {
    expect(press('n')).toBe('nextStep');
    expect(press('N')).toBe('nextStep');
    expect(press('PageDown')).toBe('nextStep');
    expect(press('ArrowLeft')).toBe('previousStep');
  });

  it('starts and pauses the timer with the space bar, shows results with R', () => {
    expect(press(' ')).toBe('toggleTimer');
    expect(press('r')).toBe('toggleResults');
  });

  it('leaves keys typed in a field, and the browser’s and screen reader’s shortcuts alone', () => {
    expect(press('n', { inField: true })).toBeUndefined();
    expect(press('r', { ctrlKey: true })).toBeUndefined();
    expect(press('f', { metaKey: true })).toBeUndefined();
    expect(press('Insert')).toBeUndefined();
  });

  it('gives every command a key of its own', () => {
    const keys = PRESENTER_COMMANDS.flatMap((command) => PRESENTER_KEYS[command]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ariaShortcuts('toggleTimer')).toBe('Space t');
  });

  it('goes round the board’s cards for the spotlight', () => {
    expect(nextSpotlight([], null, 1)).toBeNull();
    expect(nextSpotlight(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(nextSpotlight(['a', 'b', 'c'], null, -1)).toBe('c');
    expect(nextSpotlight(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(nextSpotlight(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(nextSpotlight(['a', 'b'], 'gone', 1)).toBe('a');
  });
});
