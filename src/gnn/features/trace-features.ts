/**
 * What a trace says about each asset's failure, with no simulation: the customers it supplies,
 * those below the protective device that clears a fault on it, those below the nearest switching
 * point above it (out until ties pick them up), and those in the faulted segment between that
 * point and the next ones below (out until repair, whatever the ties do). These are the
 * protection zone's bounds; the model learns where the outcome falls between them and beyond.
 * Independent of the operating conditions: computed once per grid.
 */
import type { GridModel } from '../../model/grid-model.ts';
import { CODES } from '../../model/codes.ts';
import type { DistributionGraph } from '../../topology/distribution-graph.ts';
import { sumUpTree } from '../../topology/subtree-values.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';

export interface TraceFeatures {
  /** Per graph node. */
  exposure_customers: Float64Array;
  exposure_critical: Float64Array;
  /** Below the protective device that clears a fault on the asset. */
  cleared_customers: Float64Array;
  /** Below the nearest switching point at or above the asset: the zone before tie transfers. */
  isolated_customers: Float64Array;
  isolated_critical: Float64Array;
  /** In the faulted segment: out until repair. */
  segment_customers: Float64Array;
  /** Sections between the asset and its feeder head, and protective devices on that path. */
  depth_sections: Float64Array;
  devices_above: Float64Array;
  /** Normally-open ties at nodes below the asset (where its load could be picked up). */
  ties_below: Float64Array;
}

/** Customers and critical customers below every distribution node (inclusive), and per node. */
export function customersBelowNodes(model: GridModel, dist: DistributionGraph) {
  const t = model.tables;
  const atNode = new Float64Array(dist.nodeCount);
  const criticalAtNode = new Float64Array(dist.nodeCount);
  const none = CODES.critical_kind.indexOf('none');
  for (let c = 0; c < t.customers.size; c++) {
    const n = t.transformers.cols.node[t.meters.cols.transformer[t.customers.cols.meter[c]]];
    atNode[n]++;
    if (t.customers.cols.critical[c] !== none) criticalAtNode[n]++;
  }
  const below = Float64Array.from(atNode);
  const criticalBelow = Float64Array.from(criticalAtNode);
  sumUpTree(dist, model.tables.line_sections.cols.from_node, below);
  sumUpTree(dist, model.tables.line_sections.cols.from_node, criticalBelow);
  return { atNode, criticalAtNode, below, criticalBelow };
}

export function traceFeatures(model: GridModel, dist: DistributionGraph, graph: AssetGraph): TraceFeatures {
  const t = model.tables;
  const sec = t.line_sections.cols;
  const nSec = t.line_sections.size;
  const { atNode, below, criticalBelow } = customersBelowNodes(model, dist);

  const device = new Int32Array(nSec).fill(-1);
  t.protective_devices.cols.section.forEach((s, d) => s >= 0 && (device[s] = d));
  const switchPoint = new Uint8Array(nSec);
  for (let s = 0; s < nSec; s++) if (device[s] >= 0) switchPoint[s] = 1;
  t.switches.cols.section.forEach((s) => s >= 0 && (switchPoint[s] = 1));

  // Walking parents before children: per section, the clearing device's section, the isolation
  // point, depth and devices above; per isolation point, the customers of its segment.
  const clearingSection = new Int32Array(nSec).fill(-1);
  const isolationSection = new Int32Array(nSec).fill(-1);
  const depth = new Float64Array(nSec);
  const devicesAbove = new Float64Array(nSec);
  const segmentOf = new Float64Array(nSec);
  for (const n of dist.order) {
    const s = dist.upstreamSection[n];
    if (s < 0) continue;
    const parent = dist.upstreamSection[sec.from_node[s]];
    clearingSection[s] = device[s] >= 0 ? s : parent >= 0 ? clearingSection[parent] : -1;
    isolationSection[s] = switchPoint[s] ? s : parent >= 0 ? isolationSection[parent] : s;
    depth[s] = parent >= 0 ? depth[parent] + 1 : 1;
    devicesAbove[s] = (parent >= 0 ? devicesAbove[parent] : 0) + (device[s] >= 0 ? 1 : 0);
    segmentOf[isolationSection[s]] += atNode[n];
  }
  const tiesAtNode = new Float64Array(dist.nodeCount);
  const tie = CODES.switch_kind.indexOf('tie');
  t.switches.cols.kind.forEach((k, w) => {
    if (k !== tie) return;
    for (const end of [t.switches.cols.node_a[w], t.switches.cols.node_b[w]]) if (end >= 0) tiesAtNode[end]++;
  });
  sumUpTree(dist, model.tables.line_sections.cols.from_node, tiesAtNode);

  const n = graph.nodeCount;
  const f: TraceFeatures = {
    exposure_customers: new Float64Array(n),
    exposure_critical: new Float64Array(n),
    cleared_customers: new Float64Array(n),
    isolated_customers: new Float64Array(n),
    isolated_critical: new Float64Array(n),
    segment_customers: new Float64Array(n),
    depth_sections: new Float64Array(n),
    devices_above: new Float64Array(n),
    ties_below: new Float64Array(n),
  };
  const heads = t.feeders.cols.head_node;
  const belowSection = (s: number, of: Float64Array) => (s >= 0 ? of[sec.to_node[s]] : 0);
  /** A fault on section s, seen from graph node v. */
  const fault = (v: number, s: number) => {
    const feederHead = heads[sec.feeder[s]];
    f.exposure_customers[v] = belowSection(s, below);
    f.exposure_critical[v] = belowSection(s, criticalBelow);
    f.cleared_customers[v] =
      clearingSection[s] >= 0 ? belowSection(clearingSection[s], below) : below[feederHead];
    f.isolated_customers[v] = belowSection(isolationSection[s], below);
    f.isolated_critical[v] = belowSection(isolationSection[s], criticalBelow);
    f.segment_customers[v] = segmentOf[isolationSection[s]];
    f.depth_sections[v] = depth[s];
    f.devices_above[v] = devicesAbove[s];
    f.ties_below[v] = belowSection(s, tiesAtNode);
  };
  /** Whole feeders lost at their heads (their load can move through ties). */
  const feedersOut = (v: number, feeders: number[]) => {
    for (const fd of feeders) {
      f.exposure_customers[v] += below[heads[fd]];
      f.exposure_critical[v] += criticalBelow[heads[fd]];
      f.ties_below[v] += tiesAtNode[heads[fd]];
    }
    f.cleared_customers[v] = f.isolated_customers[v] = f.exposure_customers[v];
    f.isolated_critical[v] = f.exposure_critical[v];
  };
  const o = graph.offset;
  for (let s = 0; s < nSec; s++) fault(o.line_sections + s, s);
  t.protective_devices.cols.section.forEach((s, d) => s >= 0 && fault(o.protective_devices + d, s));
  t.switches.cols.section.forEach((s, w) => s >= 0 && fault(o.switches + w, s));
  const feedersOf = (key: ArrayLike<number>, value: number) => {
    const out: number[] = [];
    for (let fd = 0; fd < t.feeders.size; fd++) if (key[fd] === value) out.push(fd);
    return out;
  };
  for (let fd = 0; fd < t.feeders.size; fd++) feedersOut(o.feeders + fd, [fd]);
  for (let k = 0; k < t.substation_transformers.size; k++)
    feedersOut(o.substation_transformers + k, feedersOf(t.feeders.cols.substation_transformer, k));
  for (let s = 0; s < t.substations.size; s++)
    feedersOut(o.substations + s, feedersOf(t.feeders.cols.substation, s));
  const stxSection = t.substation_transformers.cols.bus_section;
  for (let b = 0; b < t.bus_sections.size; b++)
    feedersOut(
      o.bus_sections + b,
      feedersOf(
        Int32Array.from(t.feeders.cols.substation_transformer, (k) => (k >= 0 ? stxSection[k] : -1)),
        b,
      ),
    );
  const subBus = t.substations.cols.bus;
  for (let b = 0; b < t.buses.size; b++)
    feedersOut(
      o.buses + b,
      feedersOf(
        Int32Array.from(t.feeders.cols.substation, (s) => (s >= 0 ? subBus[s] : -1)),
        b,
      ),
    );
  const xf = t.transformers.cols;
  const none = CODES.critical_kind.indexOf('none');
  const critOnXf = new Float64Array(t.transformers.size);
  const custOnXf = new Float64Array(t.transformers.size);
  for (let c = 0; c < t.customers.size; c++) {
    const x = t.meters.cols.transformer[t.customers.cols.meter[c]];
    custOnXf[x]++;
    if (t.customers.cols.critical[c] !== none) critOnXf[x]++;
  }
  for (let x = 0; x < t.transformers.size; x++) {
    const v = o.transformers + x;
    f.exposure_customers[v] =
      f.cleared_customers[v] =
      f.isolated_customers[v] =
      f.segment_customers[v] =
        custOnXf[x];
    f.exposure_critical[v] = f.isolated_critical[v] = critOnXf[x];
    const s = dist.upstreamSection[xf.node[x]];
    f.depth_sections[v] = s >= 0 ? depth[s] : 0;
    f.devices_above[v] = s >= 0 ? devicesAbove[s] : 0;
  }
  return f;
}
