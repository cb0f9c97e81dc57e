// The presenter view is driven from the keyboard (a presenter's clicker sends arrows and page
// keys). One table says which key does what; the page lists it on screen from the same table.

/** What the presenter can do from the keyboard. */
export const PRESENTER_COMMANDS = [
  'nextStep',
  'previousStep',
  'toggleTimer',
  'toggleResults',
  'showBoard',
  'showAgenda',
  'spotlightNext',
  'spotlightPrevious',
  'clearSpotlight',
  'toggleJoin',
  'toggleSound',
  'fullScreen',
] as const;
export type PresenterCommand = (typeof PRESENTER_COMMANDS)[number];

/** The keys of each command, as `KeyboardEvent.key` values; the first is the one shown. */
export const PRESENTER_KEYS: Readonly<Record<PresenterCommand, readonly string[]>> = {
  nextStep: ['n', 'ArrowRight', 'PageDown'],
  previousStep: ['p', 'ArrowLeft', 'PageUp'],
  toggleTimer: [' ', 't'],
  toggleResults: ['r'],
  showBoard: ['b'],
  showAgenda: ['a'],
  spotlightNext: ['ArrowDown', 'j'],
  spotlightPrevious: ['ArrowUp', 'k'],
  clearSpotlight: ['Escape'],
  toggleJoin: ['c'],
  toggleSound: ['s'],
  fullScreen: ['f'],
};

/** Commands that change the room for everyone (facilitators only); the others change this screen. */
export const ROOM_COMMANDS: ReadonlySet<PresenterCommand> = new Set([
  'nextStep',
  'previousStep',
  'toggleTimer',
]);

/** The `aria-keyshortcuts` value of a command (`Space` for the space bar). */
export function ariaShortcuts(command: PresenterCommand): string {
  return PRESENTER_KEYS[command].map((key) => (key === ' ' ? 'Space' : key)).join(' ');
}

/**
 * The command a key press asks for, if any. Keys typed into a field, and keys with Ctrl, Alt
 * or Meta (the browser's and the screen reader's own shortcuts), are left alone.
 *
 * @param event - the key, its modifiers, and whether the focus is in a text field
 * @example commandOf({ key: 'N', ctrlKey: false, altKey: false, metaKey: false, inField: false }) // 'nextStep'
 */
export function commandOf(event: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  inField: boolean;
}): PresenterCommand | undefined {
  if (event.inField || event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return PRESENTER_COMMANDS.find((command) => PRESENTER_KEYS[command].includes(key));
}

/**
 * The next card to spotlight, going through the board in order and round again.
 *
 * @param ids - the cards in board order
 * @param current - the spotlighted card, or null
 * @param step - 1 (next) or -1 (previous)
 * @example nextSpotlight(['a', 'b'], 'b', 1) // 'a'
 */
export function nextSpotlight(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[(at + step + ids.length) % ids.length]!;
}
