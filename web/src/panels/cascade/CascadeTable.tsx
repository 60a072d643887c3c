/**
 * The failed assets, wave by wave (most customers first within a wave): cause with the overload's
 * loading or the hazard's probability. Rows of the replayed wave stand out, later waves are dim;
 * a click selects the asset on the map.
 */
import type { CascadeFailedAsset, CascadeResult } from '../../api/types.ts';
import { CAUSE_HEX } from '../../layers/palette.ts';
import { formatNumber, humanize } from '../format.ts';

/** Rows rendered at most (the summary counts them all). */
export const TABLE_ROW_CAP = 500;

export function causeText(f: CascadeFailedAsset): string {
  const cause = humanize(f.cause);
  if (typeof f.loading_pct === 'number') return `${cause} ${formatNumber(f.loading_pct, 0)} %`;
  if (typeof f.probability === 'number') return `${cause} p=${f.probability.toFixed(2)}`;
  return cause;
}

export function CascadeTable({
  result,
  position,
  selectedId,
  onSelect,
}: {
  result: CascadeResult;
  position: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const rows = result.waves.flatMap((w) => [...w.failed].sort((a, b) => b.customers - a.customers));
  const shown = rows.slice(0, TABLE_ROW_CAP);
  const currentWave = position > 0 ? result.waves[position - 1]?.wave : undefined;
  const lastShownWave = currentWave ?? -Infinity;
  return (
    <section className="asset-section">
      <h3>Failed assets</h3>
      <div className="cascade-table-wrap">
        <table className="cascade-table">
          <thead>
            <tr>
              <th>Wave</th>
              <th>Asset</th>
              <th>Cause</th>
              <th className="num">Customers</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr
                key={`${f.wave}:${f.id}`}
                data-testid="cascade-row"
                data-id={f.id}
                className={[
                  f.wave === currentWave ? 'current' : f.wave > lastShownWave ? 'future' : '',
                  f.id === selectedId ? 'selected' : '',
                ].join(' ')}
                onClick={() => onSelect(f.id)}
              >
                <td className="num">{f.wave}</td>
                <td className="asset-cell">
                  <span className="mono">{f.id}</span> <span className="dim">{humanize(f.table)}</span>
                </td>
                <td>
                  <span className="cause-dot" style={{ background: CAUSE_HEX[f.cause] ?? '#90a4ae' }} />
                  {causeText(f)}
                </td>
                <td className="num">{formatNumber(f.customers, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && (
        <p className="dim">
          Showing the first {formatNumber(shown.length, 0)} of {formatNumber(rows.length, 0)} failed assets.
        </p>
      )}
    </section>
  );
}
