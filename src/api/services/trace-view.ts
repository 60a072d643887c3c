/** A trace as the map draws it: the upstream path with its devices, and downstream lines and counts. */
import type { AssetRef } from '../../search/asset-locator.ts';
import { traceAsset } from '../../topology/asset-trace.ts';
import { summarizeCustomer, summarizeTransformers } from './asset-view.ts';
import type { GridContext } from './grid-context.ts';

/** Most downstream segments returned; a substation at metro scale has tens of thousands. */
export const MAX_DOWNSTREAM_LINES = 20_000;

export function describeTrace(ctx: GridContext, ref: AssetRef) {
  const t = ctx.model.tables;
  const trace = traceAsset(ctx.model, ctx.graph, ref.table, ref.index);
  const sec = t.line_sections.cols;
  const node = t.dist_nodes.cols;
  const segment = (s: number) => [
    [node.lon[sec.from_node[s]], node.lat[sec.from_node[s]]],
    [node.lon[sec.to_node[s]], node.lat[sec.to_node[s]]],
  ];
  const upstreamLines = trace.upstreamSections.map(segment);
  // Meters and customers: add the service drop from the transformer.
  if (ref.table === 'meters' || ref.table === 'customers') {
    const m = ref.table === 'meters' ? ref.index : t.customers.cols.meter[ref.index];
    const x = t.meters.cols.transformer[m];
    upstreamLines.unshift([
      [t.meters.cols.lon[m], t.meters.cols.lat[m]],
      [t.transformers.cols.lon[x], t.transformers.cols.lat[x]],
    ]);
  }
  const path = [
    ...trace.upstreamSections.map((s) => ({ id: t.line_sections.ids[s], table: 'line_sections', name: '' })),
    ...trace.upstreamDevices.map((d) => ({
      id: t.protective_devices.ids[d],
      table: 'protective_devices',
      name: '',
    })),
  ];
  const breaker = trace.upstreamDevices.find((d) => t.protective_devices.cols.kind[d] === 0);
  const summary =
    ref.table === 'meters' || ref.table === 'customers'
      ? summarizeCustomer(ctx, ref)
      : summarizeTransformers(ctx, trace.transformers);
  const lines = trace.downstreamSections.slice(0, MAX_DOWNSTREAM_LINES).map(segment);
  return {
    id: ctx.model.tables[ref.table].ids[ref.index],
    upstream: {
      path,
      feeder:
        trace.feeder >= 0
          ? { id: t.feeders.ids[trace.feeder], name: t.feeders.cols.name[trace.feeder] }
          : null,
      substation:
        trace.substation >= 0
          ? { id: t.substations.ids[trace.substation], name: t.substations.cols.name[trace.substation] }
          : null,
      breaker: breaker !== undefined ? t.protective_devices.ids[breaker] : null,
      lines: upstreamLines,
    },
    downstream: {
      ...summary,
      lines,
      lines_truncated: trace.downstreamSections.length > MAX_DOWNSTREAM_LINES,
    },
  };
}
