/** Layer toggles with legends, grouped as grid / context / basemap, from /api/layers. */
import { useState } from 'react';
import type { LayerGeometry, LayerGroup, LayerInfo } from '../api/types.ts';
import { formatNumber } from './format.ts';

export interface LayerPanelProps {
  catalogue: readonly LayerInfo[];
  visible: ReadonlySet<string>;
  zoom: number;
  onToggle: (id: string, visible: boolean) => void;
}

const GROUPS: readonly [LayerGroup, string][] = [
  ['grid', 'Grid'],
  ['context', 'Context'],
  ['basemap', 'Basemap'],
];

function Swatch({ geometry, color }: { geometry: LayerGeometry; color: string }) {
  return <span className={`swatch swatch-${geometry}`} style={{ background: color }} aria-hidden="true" />;
}

function LayerRow({
  layer,
  on,
  zoom,
  onToggle,
}: { layer: LayerInfo; on: boolean; zoom: number } & Pick<LayerPanelProps, 'onToggle'>) {
  const outOfZoom = zoom < layer.minzoom;
  const summary = !outOfZoom && zoom < layer.detail_minzoom;
  const summaryHint = layer.geometry === 'line' ? 'simplified' : 'density';
  return (
    <li className={`layer-row${on ? ' on' : ''}${outOfZoom ? ' out-of-zoom' : ''}`}>
      <label title={layer.doc}>
        <input
          type="checkbox"
          data-testid={`layer-toggle-${layer.id}`}
          checked={on}
          onChange={(e) => onToggle(layer.id, e.target.checked)}
        />
        <span className="layer-title">{layer.title}</span>
        {outOfZoom && <span className="layer-hint">from zoom {layer.minzoom}</span>}
        {on && summary && (
          <span className="layer-hint">
            {summaryHint} · detail at {layer.detail_minzoom}
          </span>
        )}
        {!outOfZoom && !(on && summary) && layer.features !== undefined && (
          <span className="layer-hint">{formatNumber(layer.features, 0)}</span>
        )}
      </label>
      {on && layer.legend.length > 0 && (
        <ul className="legend">
          {layer.legend.map((e) => (
            <li key={e.label}>
              <Swatch geometry={layer.geometry} color={e.color} />
              {e.label}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function LayerPanel({ catalogue, visible, zoom, onToggle }: LayerPanelProps) {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <aside className={`panel layer-panel${collapsed ? ' collapsed' : ''}`} data-testid="layer-panel">
      <header className="panel-header">
        <h2>Layers</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => setCollapsed((c) => !c)}
          aria-expanded={!collapsed}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </header>
      {!collapsed && (
        <div className="panel-body">
          {GROUPS.map(([group, title]) => {
            const layers = catalogue
              .filter((l) => l.group === group)
              .slice()
              .reverse();
            if (layers.length === 0) return null;
            return (
              <section key={group} className="layer-group">
                <h3>{title}</h3>
                <ul>
                  {layers.map((l) => (
                    <LayerRow key={l.id} layer={l} on={visible.has(l.id)} zoom={zoom} onToggle={onToggle} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </aside>
  );
}
