/**
 * Protection and fault isolation on a radial feeder. A fault on a section is cleared by the
 * nearest protective device upstream of it (fuse, recloser or breaker). Isolation then opens the
 * nearest switching points around the fault — upstream (so the device can reclose and restore
 * the customers between it and the fault) and downstream (so healthy parts below can be fed from
 * a tie). The faulted zone between those points stays dark until repair.
 */
import type { CascadeContext } from './cascade-context.ts';

export interface FaultClearing {
  /** Protective device that operated (-1 when none is upstream: the feeder is lost at the head). */
  device: number;
  /** Sections opened: the device's section without isolation; the isolation points with it. */
  opened: number[];
  /** Nodes in the faulted zone (cannot be restored). */
  zoneNodes: number[];
}

/** Nearest protective device at or above section `s`, walking toward the feeder head. */
export function clearingDevice(ctx: CascadeContext, s: number): number {
  const sec = ctx.model.tables.line_sections.cols;
  for (let cur = s, guard = 0; cur >= 0 && guard <= ctx.graph.nodeCount; guard++) {
    if (ctx.sectionDevice[cur] >= 0) return ctx.sectionDevice[cur];
    cur = ctx.graph.upstreamSection[sec.from_node[cur]];
  }
  return -1;
}

export function clearFault(ctx: CascadeContext, s: number, isolate: boolean): FaultClearing {
  const sec = ctx.model.tables.line_sections.cols;
  const device = clearingDevice(ctx, s);
  const deviceSection = device >= 0 ? ctx.model.tables.protective_devices.cols.section[device] : -1;
  if (!isolate) {
    return { device, opened: deviceSection >= 0 ? [deviceSection, s] : [s], zoneNodes: [] };
  }
  // Upstream isolation point: the nearest switching point at or above the fault.
  let upstream = s;
  for (let guard = 0; upstream >= 0 && !ctx.switchPoint[upstream] && guard <= ctx.graph.nodeCount; guard++) {
    upstream = ctx.graph.upstreamSection[sec.from_node[upstream]];
  }
  const opened = [s];
  if (upstream >= 0) opened.push(upstream);
  else if (deviceSection >= 0) opened.push(deviceSection);
  // Zone: from the upstream point down to (not past) the next switching points below.
  const zoneNodes: number[] = [];
  const start = upstream >= 0 ? sec.to_node[upstream] : sec.to_node[s];
  const stack = [start];
  while (stack.length) {
    const n = stack.pop()!;
    zoneNodes.push(n);
    for (let c = ctx.graph.childStart[n]; c < ctx.graph.childStart[n + 1]; c++) {
      const child = ctx.graph.childSections[c];
      if (ctx.switchPoint[child]) opened.push(child);
      else stack.push(sec.to_node[child]);
    }
  }
  return { device, opened, zoneNodes };
}

/**
 * Nodes the device re-energizes when it recloses after isolation: everything below it that no
 * open section cuts off (the faulted zone lies behind the opened isolation point). None when the
 * device itself stays open.
 */
export function reclosedNodes(ctx: CascadeContext, device: number, sectionOpen: Uint8Array): number[] {
  const sec = ctx.model.tables.line_sections.cols;
  const s = ctx.model.tables.protective_devices.cols.section[device];
  if (sectionOpen[s]) return [];
  const out: number[] = [];
  const stack = [sec.to_node[s]];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let c = ctx.graph.childStart[n]; c < ctx.graph.childStart[n + 1]; c++) {
      const child = ctx.graph.childSections[c];
      if (!sectionOpen[child]) stack.push(sec.to_node[child]);
    }
  }
  return out;
}
