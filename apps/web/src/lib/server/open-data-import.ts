// A new workshop started from an open-data bundle (the JSON export of another workshop):
// the file is read, checked against the bundle's schema, and turned into the first state of
// the new workshop's two Yjs documents, stored with the workshop in one transaction.
import { importOpenData, OpenDataError, parseOpenData } from '@atelier/domain';
import * as Y from 'yjs';

/** Largest bundle accepted (the web server takes bodies of up to 2 MB with the form around it). */
export const MAX_BUNDLE_BYTES = 1_500_000;

export type BundleProblem = 'too_large' | 'not_json' | 'invalid';

export type BundleRead =
  | {
      ok: true;
      /** The documents' first state, as Yjs updates. */
      content: Uint8Array;
      facilitation: Uint8Array;
      /** What the bundle holds, for the audit log. */
      counts: { needs: number; roadmap: number; ideas: number; scenarios: number; agenda: number };
      source: { title: string; generatedAt: string };
    }
  | { ok: false; problem: BundleProblem; detail: string };

/**
 * Reads an uploaded bundle. Nothing is written here: the caller stores the two updates with
 * the new workshop, so that a refused file leaves no trace.
 *
 * @example const read = await readBundle(form.get('bundle') as File); if (read.ok) …
 */
export async function readBundle(file: Blob): Promise<BundleRead> {
  if (file.size > MAX_BUNDLE_BYTES) return { ok: false, problem: 'too_large', detail: `${file.size} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return { ok: false, problem: 'not_json', detail: (error as Error).message.slice(0, 200) };
  }
  try {
    const bundle = parseOpenData(json);
    const { content, facilitation } = importOpenData({ bundle });
    return {
      ok: true,
      content: Y.encodeStateAsUpdate(content),
      facilitation: Y.encodeStateAsUpdate(facilitation),
      counts: {
        needs: bundle.needs.length,
        roadmap: bundle.roadmap.length,
        ideas: bundle.ideas.length,
        scenarios: bundle.scenarios.length,
        agenda: bundle.agenda.length,
      },
      source: { title: bundle.workshop.title, generatedAt: bundle.generatedAt },
    };
  } catch (error) {
    if (error instanceof OpenDataError) return { ok: false, problem: 'invalid', detail: error.message };
    throw error;
  }
}
