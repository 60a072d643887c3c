/**
 * The upstream path of the selected asset as the API lists it: from the asset up through line
 * sections and protective devices to the feeder breaker, then the substation. Each step selects.
 */
import { Fragment } from 'react';
import type { AssetRef, TracePathStep } from '../api/types.ts';
import { humanize } from './format.ts';

export interface TracePathProps {
  steps: TracePathStep[];
  current: string;
  substation: AssetRef | null;
  onSelect: (id: string) => void;
}

const HEAD = 8;
const TAIL = 4;

function Step({
  id,
  label,
  current,
  onSelect,
}: {
  id: string;
  label: string;
  current: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <li className={current ? 'current' : undefined}>
      <button type="button" className="link" onClick={() => onSelect(id)}>
        <span className="mono">{id}</span> <span className="dim">{label}</span>
      </button>
    </li>
  );
}

export function TracePath({ steps, current, substation, onSelect }: TracePathProps) {
  const path = steps.filter((s) => s.id !== current);
  if (path.length === 0 && !substation) return null;
  const hidden = path.length > HEAD + TAIL ? path.length - HEAD - TAIL : 0;
  const shown = hidden > 0 ? [...path.slice(0, HEAD), ...path.slice(-TAIL)] : path;
  const withSubstation = substation && !path.some((s) => s.id === substation.id);
  return (
    <div className="trace-path" data-testid="trace-path">
      <h4>
        Upstream <span className="legend-line upstream" aria-hidden="true" /> · downstream{' '}
        <span className="legend-line downstream" aria-hidden="true" />
      </h4>
      <ol>
        <Step id={current} label="this asset" current onSelect={onSelect} />
        {shown.map((s, i) => (
          <Fragment key={`${s.id}-${i}`}>
            {hidden > 0 && i === HEAD && <li className="dim">… {hidden} more …</li>}
            <Step id={s.id} label={s.name || humanize(s.table)} current={false} onSelect={onSelect} />
          </Fragment>
        ))}
        {withSubstation && (
          <Step id={substation.id} label={substation.name} current={false} onSelect={onSelect} />
        )}
      </ol>
    </div>
  );
}
