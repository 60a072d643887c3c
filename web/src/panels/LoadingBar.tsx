/** A loading gauge: green below 80 %, amber to 100 %, red above; "unavailable" when unknown. */
import { formatNumber, UNAVAILABLE } from './format.ts';

export function loadingClass(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return 'unknown';
  return pct > 100 ? 'over' : pct >= 80 ? 'high' : 'ok';
}

export function LoadingBar({ pct }: { pct: number | null | undefined }) {
  const known = pct !== null && pct !== undefined && Number.isFinite(pct);
  return (
    <div className={`loading-bar ${loadingClass(pct)}`} data-testid="asset-loading">
      <div className="loading-track">
        {known && <div className="loading-fill" style={{ width: `${Math.min(100, Math.max(0, pct))}%` }} />}
        <div className="loading-mark" style={{ left: '80%' }} />
      </div>
      <span className="loading-value">{known ? `${formatNumber(pct, 1)} %` : UNAVAILABLE}</span>
    </div>
  );
}
