import type { CommuneContours } from '@atelier/domain';
// The 400 KB contours are an asset fetched from this server on first use, never part of a page's first load.
import communesUrl from '../../../../../../packages/domain/src/mobility/territory/communes.geojson?url';

let pending: Promise<CommuneContours> | undefined;

/** The bundled commune contours of the default territory, loaded once per page. */
export function loadCommunes(fetcher: typeof fetch = fetch): Promise<CommuneContours> {
  pending ??= fetcher(communesUrl).then(async (response) => {
    if (!response.ok) throw new Error(`communes.geojson: HTTP ${response.status}`);
    return (await response.json()) as CommuneContours;
  });
  pending.catch(() => (pending = undefined));
  return pending;
}
