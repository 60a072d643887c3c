/** The hover card next to the pointer: what the feature is, its id and name, key attributes. */
import type { FeatureProps } from '../layers/feature-props.ts';
import { aggregateCount, str } from '../layers/feature-props.ts';
import { formatNumber, formatValue, labelOf } from './format.ts';

export interface HoverState {
  x: number;
  y: number;
  /** The layer's title (e.g. "Transformers"). */
  title: string;
  properties: FeatureProps;
}

const HIDDEN = new Set(['id', 'name', 'layerName']);
const CELL_HIDDEN = new Set(['count', 'layerName']);
const MAX_ROWS = 6;

export function HoverTooltip({ hover }: { hover: HoverState | null }) {
  if (!hover) return null;
  const p = hover.properties;
  const count = aggregateCount(p);
  const style = { left: hover.x + 14, top: hover.y + 14 };
  if (count !== null) {
    // A density cell: its count and the sums it carries (customers, critical, open ties, …).
    const sums = Object.entries(p).filter(([k]) => !CELL_HIDDEN.has(k));
    return (
      <div className="tooltip" style={style} data-testid="tooltip">
        <div className="tooltip-kind">{hover.title}</div>
        <div className="tooltip-title">{formatNumber(count, 0)} in this cell</div>
        {sums.length > 0 && (
          <dl className="tooltip-rows">
            {sums.map(([k, v]) => (
              <div key={k}>
                <dt>{labelOf(k)}</dt>
                <dd>{formatValue(k, v)}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="tooltip-hint">Click or zoom in for the assets</div>
      </div>
    );
  }
  const id = str(p, 'id');
  const name = str(p, 'name');
  const rows = Object.entries(p)
    .filter(([k]) => !HIDDEN.has(k))
    .slice(0, MAX_ROWS);
  return (
    <div className="tooltip" style={style} data-testid="tooltip">
      <div className="tooltip-kind">{hover.title}</div>
      {id && <div className="tooltip-title mono">{id}</div>}
      {name && name !== id && <div className="tooltip-name">{name}</div>}
      {rows.length > 0 && (
        <dl className="tooltip-rows">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{labelOf(k)}</dt>
              <dd>{formatValue(k, v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
