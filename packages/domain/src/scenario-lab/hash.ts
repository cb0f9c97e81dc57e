/**
 * Stable hash of a compiled scenario: FNV-1a (two 32-bit lanes) over canonical JSON, whose
 * object keys are sorted, so the same inputs give the same hash in any order.
 */

/** JSON with object keys sorted at every level; `undefined` fields are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A 16-hex-digit hash of the models' inputs (problems excluded: they never reach the models).
 *
 * @example scenarioHash(compileScenario([])) === scenarioHash(compileScenario([])) // true
 */
export function scenarioHash(compiled: { mobility: unknown; skills: unknown }): string {
  const text = canonicalJson({ mobility: compiled.mobility, skills: compiled.skills });
  const a = fnv1a(text, 0x811c9dc5);
  const b = fnv1a(text, 0x050c5d1f);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * The hash of a compiled scenario's mobility inputs only: the key of a mobility result, and of the
 * skims the skills part then uses.
 *
 * @example mobilityInputsHash(compileScenario([{ key: 'skills.jobSeekerMatchRate', value: 0.5 }])) === mobilityInputsHash(compileScenario([])) // true
 */
export function mobilityInputsHash(compiled: { mobility: unknown }): string {
  return scenarioHash({ mobility: compiled.mobility, skills: null });
}

/** The hash of a compiled scenario's skills inputs only (the skims it runs on are keyed apart). */
export function skillsInputsHash(compiled: { skills: unknown }): string {
  return scenarioHash({ mobility: null, skills: compiled.skills });
}
