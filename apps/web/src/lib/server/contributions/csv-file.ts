// The bytes of an uploaded CSV as text (issue 20). Spreadsheets save "CSV UTF-8" (with or without
// a byte-order mark), Excel's plain "CSV" in Windows-1252 on a French Windows, and "Unicode text"
// in UTF-16. Bytes that are not valid UTF-8 are read as Windows-1252, the only other encoding
// a French spreadsheet writes; a file that still holds control characters is no text at all.

export type DecodedCsv =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16le' }
  | { ok: false; code: 'csv_not_text' };

// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u0081\u008d\u008f\u0090\u009d]/;

// Windows-1252's bytes 0x80-0x9F (€, ’, œ, « … »'s cousins). Node 20's TextDecoder('windows-1252')
// decodes them as Latin-1 control characters (U+0080-U+009F), unlike browsers; they are mapped
// here. The five bytes Windows-1252 leaves undefined stay as they are (and are then refused).
const C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(C1[c.charCodeAt(0) - 0x80]!));
}

/**
 * Decodes an uploaded CSV.
 *
 * @example decodeCsv(new Uint8Array([0x4d, 0xe9, 0x74, 0x69, 0x65, 0x72])) // { ok: true, text: 'Métier', encoding: 'windows-1252' }
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  let decoded: { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16le' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: windows1252(bytes), encoding: 'windows-1252' };
    }
  }
  if (BINARY.test(decoded.text)) return { ok: false, code: 'csv_not_text' };
  return { ok: true, ...decoded };
}
