/**
 * What one failure does to the cascade state: a transmission element or unit goes out of
 * service, a bus-section fault trips everything on its section, a fault on the distribution side
 * is cleared by the nearest upstream protective device and isolated (the device recloses onto
 * what it still feeds), equipment and meters drop their load. Also the customers an asset
 * normally supplies, which every failed asset records.
 */
import type { AssetRef } from '../search/asset-locator.ts';
import type { CascadeContext } from './cascade-context.ts';
import type { CascadeState } from './cascade-state.ts';
import type { FailedAsset, FailureCause } from './cascade-types.ts';
import { Pickup } from './cold-load.ts';
import { clearFault, reclosedNodes } from './protection.ts';

/** A failure waiting to be applied in the next wave. */
export interface Pending {
  ref: AssetRef;
  cause: FailureCause;
  loading_pct?: number;
  probability?: number;
}

/** Customers normally supplied through the asset. */
export function exposure(ctx: CascadeContext, ref: AssetRef): number {
  const t = ctx.model.tables;
  switch (ref.table) {
    case 'line_sections':
      return ctx.nodeCustomers[t.line_sections.cols.to_node[ref.index]];
    case 'protective_devices':
      return ctx.nodeCustomers[t.line_sections.cols.to_node[t.protective_devices.cols.section[ref.index]]];
    case 'transformers':
      return ctx.transformerCustomers[ref.index];
    case 'feeders':
      return ctx.nodeCustomers[t.feeders.cols.head_node[ref.index]];
    case 'dist_nodes':
      return ctx.nodeCustomers[ref.index];
    case 'substations':
    case 'substation_transformers': {
      const key =
        ref.table === 'substations' ? t.feeders.cols.substation : t.feeders.cols.substation_transformer;
      let n = 0;
      key.forEach((k, f) => k === ref.index && (n += ctx.nodeCustomers[t.feeders.cols.head_node[f]]));
      return n;
    }
    case 'bus_sections': {
      const onSection = t.substation_transformers.cols.bus_section;
      let n = 0;
      t.feeders.cols.substation_transformer.forEach(
        (k, f) => onSection[k] === ref.index && (n += ctx.nodeCustomers[t.feeders.cols.head_node[f]]),
      );
      return n;
    }
    case 'poles': {
      let n = 0;
      for (let k = ctx.poleNodeStart[ref.index]; k < ctx.poleNodeStart[ref.index + 1]; k++)
        n += ctx.nodeCustomers[ctx.poleNodes[k]];
      return n;
    }
    case 'meters':
    case 'customers':
      return 1;
    default:
      return 0;
  }
}

export function applyFailure(
  ctx: CascadeContext,
  state: CascadeState,
  p: Pending,
  wave: number,
  restoration: boolean,
  log: FailedAsset[],
): void {
  const t = ctx.model.tables;
  const { table, index } = p.ref;
  if (!state.markFailed(table, index)) return;
  log.push({
    id: t[table].ids[index],
    table,
    wave,
    cause: p.cause,
    loading_pct: p.loading_pct,
    probability: p.probability,
    customers: exposure(ctx, p.ref),
  });
  const fault = (s: number) => {
    if (s < 0) return;
    state.failSection(s);
    const clearing = clearFault(ctx, s, restoration);
    for (const o of clearing.opened) state.openSection(o);
    for (const n of clearing.zoneNodes) state.blockNode(n);
    // The device recloses once the zone is isolated: what it feeds was off for its sequence.
    if (restoration && clearing.device >= 0 && ctx.coldLoad.active[Pickup.Reclose])
      for (const n of reclosedNodes(ctx, clearing.device, state.sectionsOpen))
        state.pickUp(n, Pickup.Reclose);
    if (clearing.device >= 0 && state.markFailed('protective_devices', clearing.device)) {
      const ref = { table: 'protective_devices' as const, index: clearing.device };
      log.push({
        id: t.protective_devices.ids[clearing.device],
        table: 'protective_devices',
        wave,
        cause: 'protection_trip',
        customers: exposure(ctx, ref),
      });
    }
  };
  switch (table) {
    case 'transmission_lines':
      state.lineOut(index);
      break;
    case 'generators':
      state.generatorOut(index);
      break;
    case 'buses':
      t.transmission_lines.cols.from_bus.forEach(
        (a, l) => (a === index || t.transmission_lines.cols.to_bus[l] === index) && state.lineOut(l),
      );
      t.substations.cols.bus.forEach((b, s) => b === index && state.substationOut(s));
      break;
    case 'bus_sections':
      // A bus fault trips every breaker on the section: its lines, transformers and units.
      t.transmission_lines.cols.from_section.forEach(
        (a, l) => (a === index || t.transmission_lines.cols.to_section[l] === index) && state.lineOut(l),
      );
      t.substation_transformers.cols.bus_section.forEach(
        (b, k) => b === index && state.substationTransformerOut(k),
      );
      t.generators.cols.bus_section.forEach((b, g) => b === index && state.generatorOut(g));
      break;
    case 'substations':
      state.substationOut(index);
      break;
    case 'substation_transformers':
      state.substationTransformerOut(index);
      break;
    case 'feeders':
      state.feederOff(index);
      break;
    case 'line_sections':
      fault(index);
      break;
    case 'dist_nodes':
      fault(ctx.graph.upstreamSection[index]);
      break;
    case 'poles':
      for (let k = ctx.poleNodeStart[index]; k < ctx.poleNodeStart[index + 1]; k++)
        fault(ctx.graph.upstreamSection[ctx.poleNodes[k]]);
      break;
    case 'protective_devices':
      fault(t.protective_devices.cols.section[index]);
      break;
    case 'switches':
      if (t.switches.cols.section[index] >= 0) fault(t.switches.cols.section[index]);
      else state.failTie(index);
      break;
    case 'transformers':
      state.transformerOut(index);
      break;
    case 'meters':
      state.meterOut(index);
      break;
    case 'customers':
      state.meterOut(t.customers.cols.meter[index]);
      break;
    case 'trees':
      fault(t.trees.cols.section[index]);
      break;
    default:
      break;
  }
}
