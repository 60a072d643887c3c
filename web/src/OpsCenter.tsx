/**
 * The operations center screen: header with search, KPI strip, the map with its layer panel and
 * the selected asset's panel, and the cascade and sweep panels (which share a place: the sweep panel
 * steps aside while the cascade panel is open). Owns the shared state: visible layers, selection, view.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAsset } from './api/hooks.ts';
import type { DatasetInfo, LayerInfo, LonLat, SearchResult } from './api/types.ts';
import { gridLayerOfTable, initialVisible, layerById } from './map/catalogue.ts';
import { buildDeckLayers } from './map/deck-layers.ts';
import { MapView } from './map/MapView.tsx';
import type { AssetPick, FlyRequest } from './map/MapView.tsx';
import { parseHash } from './map/url-state.ts';
import type { MapView as View, UrlState } from './map/url-state.ts';
import { useUrlSync } from './map/use-url-sync.ts';
import { AssetPanel } from './panels/AssetPanel.tsx';
import { DEFAULT_SETTING, settingKey } from './panels/conditions/conditions.ts';
import { useConditions } from './panels/conditions/use-conditions.ts';
import { useCascade } from './panels/cascade/use-cascade.ts';
import { useCascadeMap } from './panels/cascade/use-cascade-map.ts';
import { KpiStrip } from './panels/KpiStrip.tsx';
import { LayerPanel } from './panels/LayerPanel.tsx';
import { SearchBox } from './panels/SearchBox.tsx';
import { formatNumber } from './panels/format.ts';
import { SweepPanel } from './panels/sweep/SweepPanel.tsx';
import { useReplay } from './panels/sweep/use-replay.ts';
import { useSweep } from './panels/sweep/use-sweep.ts';

// Loaded on first use: the cascade panel brings ECharts.
const CascadePanel = lazy(() =>
  import('./panels/cascade/CascadePanel.tsx').then((m) => ({ default: m.CascadePanel })),
);

interface Selection {
  id: string;
  /** Grid layer holding the asset, when known before its details load. */
  layerId: string | null;
  /** Where it was clicked or found, until its details give its location. */
  position: LonLat | null;
  /** Fly to the asset once its details load (selected from a panel link or a URL without view). */
  flyOnLoad: boolean;
}

export interface OpsCenterProps {
  dataset: DatasetInfo;
  catalogue: LayerInfo[];
}

export function OpsCenter({ dataset, catalogue }: OpsCenterProps) {
  const initialUrl = useMemo(() => parseHash(window.location.hash), []);
  const [visible, setVisible] = useState<Set<string>>(() => initialVisible(catalogue, initialUrl.layers));
  const [view, setView] = useState<View | null>(initialUrl.view);
  const [selection, setSelection] = useState<Selection | null>(() =>
    initialUrl.asset
      ? { id: initialUrl.asset, layerId: null, position: null, flyOnLoad: !initialUrl.view }
      : null,
  );
  const [flyRequest, setFlyRequest] = useState<FlyRequest | null>(null);
  const seq = useRef(0);
  const fly = useCallback(
    (req: Omit<FlyRequest, 'seq'>) => setFlyRequest({ ...req, seq: ++seq.current }),
    [],
  );

  const assetState = useAsset(selection?.id ?? null);
  const { asset, trace } = assetState;
  const loaded = asset && asset.id === selection?.id ? asset : null;
  const selectedLayerId = selection?.layerId ?? gridLayerOfTable(catalogue, loaded?.table)?.id ?? null;
  const selectedPosition: LonLat | null =
    loaded?.lon !== undefined && loaded.lat !== undefined
      ? [loaded.lon, loaded.lat]
      : (selection?.position ?? null);

  // Fly to an asset selected without a location in view, once its location is known.
  useEffect(() => {
    if (!selection?.flyOnLoad || !loaded || loaded.lon === undefined || loaded.lat === undefined) return;
    const layer = gridLayerOfTable(catalogue, loaded.table);
    fly({ center: [loaded.lon, loaded.lat], zoom: focusZoom(view?.zoom ?? 0, layer), animate: true });
    setSelection((s) => (s && s.id === loaded.id ? { ...s, flyOnLoad: false } : s));
  }, [selection?.flyOnLoad, loaded, catalogue, fly, view?.zoom]);

  // One scenario and conditions for the cascade and sweep panels, kept in the URL.
  const conditions = useConditions({
    scenario: initialUrl.scenario ?? DEFAULT_SETTING.scenario,
    changes: initialUrl.conditions,
  });
  const cascade = useCascade(conditions);
  const cascadeMap = useCascadeMap(cascade);
  const sweep = useSweep(conditions);
  const replay = useReplay(cascade);

  const zoomLevel = Math.floor(view?.zoom ?? 0);
  const deckLayers = useMemo(
    () =>
      buildDeckLayers({
        catalogue,
        visible,
        zoom: zoomLevel,
        region: dataset.region,
        selectedId: selection?.id ?? null,
        selectedLayerId,
        selectedPosition,
        trace: trace && trace.id === selection?.id ? trace : null,
        cascade: cascadeMap.layers,
      }),
    // selectedPosition is derived from these inputs; listing its parts keeps the memo stable.
    [
      catalogue,
      visible,
      zoomLevel,
      dataset.region,
      selection?.id,
      selectedLayerId,
      selectedPosition?.[0],
      selectedPosition?.[1],
      trace,
      cascadeMap.layers,
    ],
  );

  const { setting, replace: replaceSetting } = conditions;
  const onExternalChange = useCallback(
    (state: UrlState) => {
      const next = { scenario: state.scenario ?? DEFAULT_SETTING.scenario, changes: state.conditions };
      if (settingKey(next) !== settingKey(setting)) replaceSetting(next);
      if (state.view)
        fly({ center: [state.view.lon, state.view.lat], zoom: state.view.zoom, animate: false });
      if (state.layers) setVisible(initialVisible(catalogue, state.layers));
      setSelection((s) =>
        state.asset === (s?.id ?? null)
          ? s
          : state.asset
            ? { id: state.asset, layerId: null, position: null, flyOnLoad: !state.view }
            : null,
      );
    },
    [catalogue, fly, setting, replaceSetting],
  );
  useUrlSync({ catalogue, view, assetId: selection?.id ?? null, visible, setting, onExternalChange });

  const toggle = useCallback((id: string, on: boolean) => {
    setVisible((v) => {
      const next = new Set(v);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const onPick = useCallback((pick: AssetPick) => {
    setSelection({ id: pick.id, layerId: pick.layerId, position: pick.position, flyOnLoad: false });
  }, []);

  const onSearch = useCallback(
    (r: SearchResult) => {
      const layer = gridLayerOfTable(catalogue, r.table);
      if (layer && !visible.has(layer.id)) toggle(layer.id, true);
      setSelection({ id: r.id, layerId: layer?.id ?? null, position: [r.lon, r.lat], flyOnLoad: false });
      fly({ center: [r.lon, r.lat], zoom: focusZoom(view?.zoom ?? 0, layer), animate: true });
    },
    [catalogue, visible, toggle, fly, view?.zoom],
  );

  const onSelectId = useCallback((id: string) => {
    setSelection({ id, layerId: null, position: null, flyOnLoad: true });
  }, []);

  // A sweep's ranking row: show its layer and select it; the map flies there once it loads.
  const onSelectOfTable = useCallback(
    (id: string, table: string) => {
      const layer = gridLayerOfTable(catalogue, table);
      if (layer && !visible.has(layer.id)) toggle(layer.id, true);
      setSelection({ id, layerId: layer?.id ?? null, position: null, flyOnLoad: true });
    },
    [catalogue, visible, toggle],
  );

  // The sweep button brings the sweep panel back in place of an open cascade panel.
  const { open: cascadeOpen, close: closeCascade } = cascade;
  const { toggle: toggleSweepPanel, show: showSweep } = sweep;
  const toggleSweep = useCallback(() => {
    if (!cascadeOpen) return toggleSweepPanel();
    closeCascade();
    showSweep();
  }, [cascadeOpen, closeCascade, toggleSweepPanel, showSweep]);

  const zoomToSelected = useCallback(() => {
    if (!selectedPosition) return;
    fly({
      center: selectedPosition,
      zoom: focusZoom(view?.zoom ?? 0, layerById(catalogue, selectedLayerId)),
      animate: true,
    });
  }, [selectedPosition, fly, view?.zoom, catalogue, selectedLayerId]);

  const cascadeBounds = cascadeMap.bounds;
  const zoomToCascade = useCallback(() => {
    if (cascadeBounds) fly({ bounds: cascadeBounds, animate: true });
  }, [cascadeBounds, fly]);

  const totalAssets = Object.values(dataset.counts).reduce((a, b) => a + b, 0);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">⚡</span> Flux Ops Center
        </div>
        <div className="dataset" title={datasetTitle(dataset)}>
          {dataset.name} <span className="dim">· {formatNumber(totalAssets, 0)} features</span>
        </div>
        <SearchBox onSelect={onSearch} />
        <button
          type="button"
          className={`button topbar-button${sweep.open && !cascade.open ? ' active' : ''}`}
          data-testid="sweep-open"
          title="Sweep: fail every asset of chosen kinds in turn and rank them"
          aria-pressed={sweep.open && !cascade.open}
          onClick={toggleSweep}
        >
          Sweep
        </button>
      </header>
      <KpiStrip />
      <main className="stage">
        <MapView
          region={dataset.region}
          catalogue={catalogue}
          visible={visible}
          initialView={initialUrl.view}
          deckLayers={deckLayers}
          flyRequest={flyRequest}
          onViewChange={setView}
          onPick={onPick}
        />
        <LayerPanel catalogue={catalogue} visible={visible} zoom={view?.zoom ?? 0} onToggle={toggle} />
        {selection && (
          <AssetPanel
            state={assetState}
            onClose={() => setSelection(null)}
            onSelect={onSelectId}
            onZoomTo={zoomToSelected}
            onSimulate={cascade.addAsset}
          />
        )}
        {sweep.open && !cascade.open && (
          <SweepPanel
            sweep={sweep}
            counts={dataset.counts}
            selectedId={selection?.id ?? null}
            onSelect={onSelectOfTable}
            onReplay={replay}
          />
        )}
        {cascade.open && (
          <Suspense fallback={null}>
            <CascadePanel
              cascade={cascade}
              mapStatus={cascadeMap.status}
              selectedId={selection?.id ?? null}
              onSelect={onSelectId}
              onZoomTo={cascadeBounds ? zoomToCascade : null}
            />
          </Suspense>
        )}
      </main>
    </div>
  );
}

/** Hover text of the dataset name: its source and content hash. */
function datasetTitle(dataset: DatasetInfo): string {
  const source =
    typeof dataset.source === 'string'
      ? dataset.source
      : Object.entries(dataset.source)
          .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
          .join(' · ');
  return `${source}${dataset.content_hash ? `\ncontent hash ${dataset.content_hash}` : ''}`;
}

/** A zoom that shows an asset of `layer` in detail, never zooming out. */
function focusZoom(current: number, layer: LayerInfo | null): number {
  const detail = layer ? Math.max(layer.detail_minzoom, layer.minzoom) + 0.5 : 16;
  return Math.min(18, Math.max(current, detail, 15));
}
