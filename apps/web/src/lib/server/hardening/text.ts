// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const NUL = /\u0000/;
// C0 controls but tab, line feed and carriage return; DEL; the C1 controls. None is typed on
// purpose; some arrive pasted from other software.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g;
// Word writes a line break inside a paragraph as a vertical tab and a page break as a form feed.
// eslint-disable-next-line no-control-regex -- these two control characters are the point
const WORD_BREAKS = /[\u000b\u000c]/g;

/** Whether a text holds NUL, which PostgreSQL refuses in `text` and `jsonb` (the request must fail with a 400). */
export function containsNul(value: string): boolean {
  return NUL.test(value);
}

/**
 * A text value as it may be stored: control characters other than tab and line breaks are
 * removed, and the vertical tab and form feed that word processors paste become line breaks.
 * NUL is not handled here: it is refused before (`containsNul`).
 *
 * @example cleanText('Soudeur\u000bTIG\u0007') // 'Soudeur\nTIG'
 */
export function cleanText(value: string): string {
  return value.replace(WORD_BREAKS, '\n').replace(CONTROLS, '');
}
