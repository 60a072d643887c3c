/** A search hit as a result row: label, a line of detail, and where to fly to. */
import type { SearchHit } from '../../search/search-index.ts';
import { describeAsset } from './asset-view.ts';
import type { GridContext } from './grid-context.ts';

export function describeSearchHit(ctx: GridContext, hit: SearchHit) {
  const t = ctx.model.tables;
  const view = describeAsset(ctx, hit);
  let label = view.name ? `${view.name} (${view.id})` : view.id;
  let detail = view.title;
  if (hit.table === 'customers') {
    const address = t.customers.cols.address[hit.index];
    label = view.name ? `${view.name}, ${address}` : address;
    detail = `${view.title} ${view.id} · meter ${t.meters.ids[t.customers.cols.meter[hit.index]]}`;
  } else if (view.substation && hit.table !== 'substations') {
    detail = `${view.title} · ${view.substation.name}`;
  }
  return { id: view.id, table: hit.table, label, detail, lon: view.lon ?? 0, lat: view.lat ?? 0 };
}
