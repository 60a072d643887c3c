/** Look-ups over the layer catalogue (/api/layers) shared by the map and the panels. */
import type { LayerInfo } from '../api/types.ts';

/** Prefix of the deck.gl layer id of a grid layer. */
export const GRID_LAYER_PREFIX = 'grid-';

/** The catalogue id of a deck.gl layer id ('grid-feeders' → 'feeders'), or null. */
export function catalogueIdOfDeckLayer(deckLayerId: string | undefined): string | null {
  if (!deckLayerId || !deckLayerId.startsWith(GRID_LAYER_PREFIX)) return null;
  return deckLayerId.slice(GRID_LAYER_PREFIX.length);
}

/** The grid layer drawing the assets of `table` (e.g. 'line_sections' → feeders). */
export function gridLayerOfTable(
  catalogue: readonly LayerInfo[],
  table: string | undefined,
): LayerInfo | null {
  if (!table) return null;
  return catalogue.find((l) => l.group === 'grid' && l.table === table) ?? null;
}

export function layerById(catalogue: readonly LayerInfo[], id: string | null): LayerInfo | null {
  return id === null ? null : (catalogue.find((l) => l.id === id) ?? null);
}

/** The initially visible layers: the URL's list when it has one, else the catalogue defaults. */
export function initialVisible(catalogue: readonly LayerInfo[], fromUrl: string[] | null): Set<string> {
  if (fromUrl) {
    const known = new Set(catalogue.map((l) => l.id));
    return new Set(fromUrl.filter((id) => known.has(id)));
  }
  return new Set(catalogue.filter((l) => l.default_visible).map((l) => l.id));
}

/** Visible ids in catalogue order (stable URLs). */
export function orderedVisible(catalogue: readonly LayerInfo[], visible: ReadonlySet<string>): string[] {
  return catalogue.filter((l) => visible.has(l.id)).map((l) => l.id);
}
