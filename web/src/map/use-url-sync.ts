/**
 * Keeps the URL hash in step with the view, the selected asset and the visible layers, and
 * applies a hash edited by hand or opened from a link (`hashchange`).
 */
import { useEffect, useRef } from 'react';
import type { LayerInfo } from '../api/types.ts';
import { orderedVisible } from './catalogue.ts';
import { parseHash, writeHash } from './url-state.ts';
import type { MapView, UrlState } from './url-state.ts';

export interface UrlSyncInputs {
  catalogue: readonly LayerInfo[];
  view: MapView | null;
  assetId: string | null;
  visible: ReadonlySet<string>;
  /** Called with a hash state that differs from what the app wrote. */
  onExternalChange: (state: UrlState) => void;
}

export function useUrlSync({ catalogue, view, assetId, visible, onExternalChange }: UrlSyncInputs): void {
  const onChange = useRef(onExternalChange);
  onChange.current = onExternalChange;

  useEffect(() => {
    writeHash({ view, asset: assetId, layers: orderedVisible(catalogue, visible) });
  }, [catalogue, view, assetId, visible]);

  useEffect(() => {
    const listener = (): void => onChange.current(parseHash(window.location.hash));
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
}
