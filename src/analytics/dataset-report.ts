/**
 * A dataset's summary as `flux info`, `npm start` and the API show it: counts per asset type,
 * the invariant checks, and equipment loading in the base case and on a heat-wave afternoon.
 */
import { tableCounts, type GridModel, type TableName } from '../model/grid-model.ts';
import type { LoadConditions } from '../model/load-model.ts';
import { BASE_CASE, DESIGN_PEAK } from '../model/operating-conditions.ts';
import { buildDistributionGraph } from '../topology/distribution-graph.ts';
import { checkDistributionPlanning } from './distribution-planning-check.ts';
import { checkInvariants, checkLoading, type CheckResult } from './invariants.ts';

export interface LoadingSummary {
  conditions: LoadConditions;
  max_loading_pct: Record<string, number>;
  secure: boolean;
}

export interface DatasetReport {
  name: string;
  counts: Record<TableName, number>;
  invariants: 'ok' | 'failed';
  checks: CheckResult[];
  loading: { base_case: LoadingSummary; hot_afternoon: LoadingSummary };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function buildDatasetReport(model: GridModel): DatasetReport {
  const report = checkInvariants(model, BASE_CASE);
  report.checks.push(...checkDistributionPlanning(model));
  report.ok = report.checks.every((c) => c.ok);
  const hot = checkLoading(model, buildDistributionGraph(model.tables), DESIGN_PEAK);
  const summarize = (
    conditions: LoadConditions,
    max: Record<string, number>,
    secure: boolean,
  ): LoadingSummary => ({
    conditions,
    max_loading_pct: Object.fromEntries(Object.entries(max).map(([k, v]) => [k, round1(v)])),
    secure,
  });
  return {
    name: model.meta.name,
    counts: tableCounts(model),
    invariants: report.ok ? 'ok' : 'failed',
    checks: report.checks,
    loading: {
      base_case: summarize(
        BASE_CASE,
        report.max_loading_pct,
        report.checks.find((c) => c.name === 'base_case_secure')!.ok,
      ),
      hot_afternoon: summarize(DESIGN_PEAK, hot.max, hot.result.ok),
    },
  };
}

/** The report as aligned text lines for a terminal. */
export function formatDatasetReport(report: DatasetReport): string {
  const lines = [report.name, ''];
  const width = Math.max(...Object.keys(report.counts).map((k) => k.length));
  for (const [table, n] of Object.entries(report.counts)) {
    lines.push(`  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(11)}`);
  }
  lines.push('');
  for (const [label, s] of [
    ['base case', report.loading.base_case],
    ['hot afternoon', report.loading.hot_afternoon],
  ] as const) {
    const parts = Object.entries(s.max_loading_pct).map(([k, v]) => `${k} ${v}%`);
    lines.push(
      `max loading, ${label} (${s.conditions.temperature_c} °C, ${s.conditions.hour}:00): ${parts.join(', ')}`,
    );
  }
  lines.push('');
  for (const c of report.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  lines.push(`invariants: ${report.invariants}`);
  return lines.join('\n');
}
