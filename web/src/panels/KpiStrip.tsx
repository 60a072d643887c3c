/**
 * System KPI cards from /api/kpis. A value the server cannot compute is shown as "unavailable"
 * (with the server's reason for reliability indices) — never as a made-up number.
 */
import { lazy, Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import { useKpis } from '../api/hooks.ts';
import type { KpisResponse } from '../api/types.ts';
import { loadingClass } from './LoadingBar.tsx';
import { Sparkline } from './Sparkline.tsx';
import { formatNumber, UNAVAILABLE } from './format.ts';

// ECharts loads only when the chart is first opened.
const SubstationChart = lazy(() =>
  import('./SubstationChart.tsx').then((m) => ({ default: m.SubstationChart })),
);

function Card({
  label,
  value,
  unit,
  testId,
  className,
  children,
}: {
  label: string;
  value: number | null | undefined;
  unit?: string;
  testId?: string;
  className?: string;
  children?: ReactNode;
}) {
  const known = value !== null && value !== undefined && Number.isFinite(value);
  return (
    <div className={`kpi-card${className ? ` ${className}` : ''}`}>
      <span className="kpi-label">{label}</span>
      <span className={`kpi-value${known ? '' : ' unavailable'}`} data-testid={testId}>
        {known ? formatNumber(value, value >= 100 ? 0 : 1) : UNAVAILABLE}
      </span>
      {known && unit && <span className="kpi-unit">{unit}</span>}
      {children}
    </div>
  );
}

function Overloaded({ o }: { o: KpisResponse['overloaded'] }) {
  const rows: [string, number | null][] = [
    ['transformers', o.transformers],
    ['line sections', o.line_sections],
    ['substation xfmrs', o.substation_transformers],
    ['transmission lines', o.transmission_lines],
  ];
  const total = rows.reduce((s, [, n]) => s + (n ?? 0), 0);
  return (
    <div className={`kpi-card overloaded${total > 0 ? ' alarm' : ''}`} data-testid="kpi-overloaded">
      <span className="kpi-label">Overloaded (&gt; 100 %)</span>
      <ul>
        {rows.map(([label, n]) => (
          <li key={label}>
            <b>{n === null ? UNAVAILABLE : formatNumber(n, 0)}</b> {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Reliability({ r }: { r: KpisResponse['reliability'] }) {
  const items: [string, number | null, string][] = [
    ['SAIDI', r.saidi_min, 'min'],
    ['SAIFI', r.saifi, ''],
    ['CAIDI', r.caidi_min, 'min'],
  ];
  const none = items.every(([, v]) => v === null);
  return (
    <div className="kpi-card reliability" data-testid="kpi-reliability">
      <span className="kpi-label">Reliability (IEEE 1366)</span>
      <ul>
        {items.map(([label, v, unit]) => (
          <li key={label}>
            {label} <b>{v === null ? UNAVAILABLE : `${formatNumber(v, 2)}${unit ? ` ${unit}` : ''}`}</b>
          </li>
        ))}
      </ul>
      {none && r.reason && <span className="kpi-reason">{r.reason}</span>}
    </div>
  );
}

/** "MW at 17:00, 35 °C" when the server says which hour and conditions. */
function peakUnit(k: KpisResponse): string {
  const parts = ['MW'];
  if (typeof k.peak_hour === 'number') parts.push(`at ${String(k.peak_hour).padStart(2, '0')}:00`);
  if (k.conditions) parts.push(`${formatNumber(k.conditions.temperature_c, 0)} °C`);
  return parts.join(' · ');
}

export function KpiStrip() {
  const { kpis, error } = useKpis();
  const [chartOpen, setChartOpen] = useState(false);
  if (!kpis) {
    return (
      <footer className="kpi-strip" data-testid="kpis">
        <span className={error ? 'error' : 'dim'}>
          {error ? `KPIs unavailable: ${error}` : 'Loading KPIs…'}
        </span>
      </footer>
    );
  }
  return (
    <footer className="kpi-strip" data-testid="kpis">
      <Card label="Customers served" value={kpis.customers_served} testId="kpi-customers" />
      <Card label="Meters" value={kpis.meters} testId="kpi-meters" />
      <Card label="Peak load" value={kpis.peak_load_mw} unit={peakUnit(kpis)} testId="kpi-peak-load">
        {kpis.load_profile_mw && kpis.load_profile_mw.length > 1 && (
          <Sparkline values={kpis.load_profile_mw} mark={kpis.peak_hour ?? null} />
        )}
      </Card>
      <Card label="Capacity" value={kpis.capacity_mva} unit="MVA" testId="kpi-capacity" />
      <Card
        label="System loading"
        value={kpis.system_loading_pct}
        unit="%"
        testId="kpi-system-loading"
        className={`loading-${loadingClass(kpis.system_loading_pct)}`}
      />
      <Overloaded o={kpis.overloaded} />
      <Card label="De-energized assets" value={kpis.assets_by_state.de_energized} testId="kpi-deenergized">
        <span className="kpi-unit">
          of{' '}
          {formatNumber((kpis.assets_by_state.energized ?? 0) + (kpis.assets_by_state.de_energized ?? 0), 0)}
        </span>
      </Card>
      <Reliability r={kpis.reliability} />
      {kpis.substations.length > 0 && (
        <button
          type="button"
          className="kpi-card kpi-button"
          onClick={() => setChartOpen((o) => !o)}
          aria-expanded={chartOpen}
        >
          <span className="kpi-label">Substations</span>
          <span className="kpi-value">{kpis.substations.length}</span>
          <span className="kpi-unit">{chartOpen ? 'hide loading ▾' : 'loading chart ▴'}</span>
        </button>
      )}
      {chartOpen && (
        <Suspense fallback={null}>
          <SubstationChart substations={kpis.substations} onClose={() => setChartOpen(false)} />
        </Suspense>
      )}
    </footer>
  );
}
