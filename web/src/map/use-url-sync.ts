/**
 * Keeps the URL hash in step with the view, the selected asset, the visible layers and the
 * scenario with its changed conditions, and
 * applies a hash edited by hand or opened from a link (`hashchange`).
 */
import { useEffect, useRef } from 'react';
import type { LayerInfo } from '../api/types.ts';
import { DEFAULT_SETTING, isPreset, type ConditionsSetting } from '../panels/conditions/conditions.ts';
import { orderedVisible } from './catalogue.ts';
import { parseHash, writeHash } from './url-state.ts';
import type { MapView, UrlState } from './url-state.ts';

export interface UrlSyncInputs {
  catalogue: readonly LayerInfo[];
  view: MapView | null;
  assetId: string | null;
  visible: ReadonlySet<string>;
  setting: ConditionsSetting;
  /** Called with a hash state that differs from what the app wrote. */
  onExternalChange: (state: UrlState) => void;
}

export function useUrlSync({
  catalogue,
  view,
  assetId,
  visible,
  setting,
  onExternalChange,
}: UrlSyncInputs): void {
  const onChange = useRef(onExternalChange);
  onChange.current = onExternalChange;

  useEffect(() => {
    const unchanged = setting.scenario === DEFAULT_SETTING.scenario && isPreset(setting.changes);
    writeHash({
      view,
      asset: assetId,
      layers: orderedVisible(catalogue, visible),
      scenario: unchanged ? null : setting.scenario,
      conditions: setting.changes,
    });
  }, [catalogue, view, assetId, visible, setting]);

  useEffect(() => {
    const listener = (): void => onChange.current(parseHash(window.location.hash));
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
}
