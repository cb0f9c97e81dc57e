// Searching occupations in everyday words (issue 20, item 5): the ROME appellations indexed with
// MiniSearch, compared without accents or case, by word prefix ("soud" finds "Soudeur") and with
// typos forgiven ("soudeurr", "chaudronier"). Pure: it runs in the browser (loaded lazily by the
// occupation picker) and in Node (tests, the CSV of needs).
import MiniSearch from 'minisearch';
import { foldText, type Appellation, type AppellationId } from './appellations.ts';

/**
 * Appellations placed first when they match as well as others: where the territory's workshops
 * agreed which title people mean. "soudeur" offers TIG welding first (issue 20), the qualification
 * North Lorraine's steel and nuclear employers ask for most (the demo's needs register asks for
 * "Soudeurs TIG/MIG sur acier"; the CFA opens TIG certification sessions). Kept short on purpose:
 * every other ranking comes from the words themselves.
 */
export const FEATURED_APPELLATIONS: ReadonlySet<number> = new Set([
  19475, // Soudeur / Soudeuse Tungsten Inert Gas -TIG- (H2913)
]);

export interface AppellationHit {
  appellation: Appellation;
  score: number;
}

export interface AppellationIndex {
  /**
   * The best appellations for what a person typed, best first.
   *
   * @example index.search('soudeur')[0]?.appellation.label // 'Soudeur / Soudeuse Tungsten Inert Gas -TIG-'
   */
  search(query: string, options?: { limit?: number }): AppellationHit[];
  /** How many appellations are indexed. */
  size: number;
}

/** Words of a label or a query: accents, case and punctuation folded away. */
function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * How well a title's wording fits the words typed, beyond the words themselves: a title that is
 * exactly what was typed ("Cariste" for "cariste", either gender of "Soudeur / Soudeuse") counts
 * twice, one that starts with it half as much again ("Cariste bobinier" before "Chef cariste").
 */
function placement(label: string, words: readonly string[]): number {
  const typed = words.join(' ');
  const forms = label.split(' / ').map((form) => tokenize(form).join(' '));
  if (forms.includes(typed)) return 2;
  const last = words.length - 1;
  const starts = forms.some((form) => {
    const tokens = form.split(' ');
    return words.every((word, index) =>
      index === last ? (tokens[index] ?? '').startsWith(word) : tokens[index] === word,
    );
  });
  return starts ? 1.5 : 1;
}

/**
 * Builds the search index (about 100 ms for the 7,000 bundled appellations on a laptop; the
 * picker builds it once, on first use).
 *
 * @param appellations - usually `listAppellations()`
 * @example const index = createAppellationIndex(listAppellations()); index.search('cariste')
 */
export function createAppellationIndex(appellations: readonly Appellation[]): AppellationIndex {
  const byId = new Map<number, Appellation>(appellations.map((a) => [a.id, a]));
  const search = new MiniSearch<{ id: AppellationId; label: string; shortLabel: string }>({
    fields: ['label', 'shortLabel'],
    tokenize,
    // Tokens are already folded; MiniSearch's own lower-casing would be a second pass for nothing.
    processTerm: (term) => term,
    searchOptions: {
      tokenize,
      processTerm: (term) => term,
      boost: { label: 2 },
      // Every word typed must match: "aide soignante" is not every "aide".
      combineWith: 'AND',
      // A word being typed matches longer ones; typos are forgiven from five letters on.
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 8 ? 0.25 : term.length >= 5 ? 1 : false),
      maxFuzzy: 2,
      boostDocument: (id) => {
        const appellation = byId.get(id as number);
        if (!appellation) return 1;
        let boost = appellation.principal ? 1.3 : 1;
        if (appellation.rare) boost *= 0.5;
        if (FEATURED_APPELLATIONS.has(appellation.id)) boost *= 3;
        return boost;
      },
    },
  });
  search.addAll(
    appellations.map((a) => ({
      id: a.id,
      label: a.label,
      // Indexed only when it says something the long label does not.
      shortLabel: a.shortLabel === a.label ? '' : a.shortLabel,
    })),
  );
  return {
    size: appellations.length,
    search(query, options = {}) {
      const limit = options.limit ?? 20;
      const words = tokenize(query);
      if (words.length === 0) return [];
      return search
        .search(query)
        .slice(0, 200)
        .flatMap((result) => {
          const appellation = byId.get(result.id as number);
          return appellation
            ? [{ appellation, score: result.score * placement(appellation.label, words) }]
            : [];
        })
        .sort((a, b) => b.score - a.score || a.appellation.label.localeCompare(b.appellation.label, 'fr'))
        .slice(0, limit);
    },
  };
}
