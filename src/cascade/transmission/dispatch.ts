/**
 * Balancing one island of a transmission network, as the quasi-steady-state DC cascade model
 * does after every wave:
 *  - an island with no in-service generator sheds all its load;
 *  - otherwise, if its load exceeds the island's total Pmax, every load is scaled down by the
 *    same factor to that capacity;
 *  - then its generators are re-dispatched in proportion to meet the load: in proportion to
 *    their current output (to Pmax when they are all at zero). A generator the proportional
 *    share would push above its Pmax is held at Pmax and the rest is shared among the others
 *    the same way (so no unit is ever dispatched above its limit; when no limit binds this is
 *    exactly the plain proportional rule).
 *  - the slack is the island's generator with the largest Pmax (the lowest index on ties).
 */

/** The buses and in-service generators of one island, as ranges of index arrays. */
export interface IslandMembers {
  readonly buses: Int32Array;
  readonly busStart: number;
  readonly busEnd: number;
  readonly gens: Int32Array;
  readonly genStart: number;
  readonly genEnd: number;
}

/**
 * Sets `output_mw[g]` of the generators `gens[start..end)` so they sum to `target_mw` (or to
 * their total Pmax if that is less), in proportion to their current output, or to Pmax when
 * they are all at zero, never above Pmax. A negative target dispatches them all to zero.
 *
 * @example
 * const out = Float64Array.of(30, 10);
 * dispatchInProportion(80, Int32Array.of(0, 1), 0, 2, out, Float64Array.of(40, 100));
 * // plain proportion would give 60 and 20; unit 0 stops at its 40 MW, unit 1 takes 40: out = [40, 40]
 */
export function dispatchInProportion(
  target_mw: number,
  gens: Int32Array,
  start: number,
  end: number,
  output_mw: Float64Array,
  pmax_mw: ArrayLike<number>,
): void {
  const n = end - start;
  const weight = new Float64Array(n);
  const done = new Uint8Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) total += weight[k] = Math.max(output_mw[gens[start + k]], 0);
  if (total <= 0) for (let k = 0; k < n; k++) weight[k] = Math.max(pmax_mw[gens[start + k]], 0);
  let remaining = Math.max(target_mw, 0);
  for (let pass = 0; pass < 2; pass++) {
    for (;;) {
      let w = 0;
      for (let k = 0; k < n; k++) if (!done[k]) w += weight[k];
      if (w <= 0) break;
      const factor = remaining / w;
      let capped = false;
      for (let k = 0; k < n; k++) {
        const g = gens[start + k];
        if (!done[k] && factor * weight[k] > pmax_mw[g]) {
          output_mw[g] = Math.max(pmax_mw[g], 0);
          remaining -= output_mw[g];
          done[k] = 1;
          capped = true;
        }
      }
      if (!capped) {
        for (let k = 0; k < n; k++) {
          if (done[k]) continue;
          output_mw[gens[start + k]] = factor * weight[k];
          done[k] = 1;
        }
        remaining = 0;
        break;
      }
    }
    if (remaining <= 0) break;
    // Every unit with output is at Pmax; share what is left among the idle ones by Pmax.
    for (let k = 0; k < n; k++) weight[k] = done[k] ? 0 : Math.max(pmax_mw[gens[start + k]], 0);
  }
  for (let k = 0; k < n; k++) if (!done[k]) output_mw[gens[start + k]] = 0;
}

/**
 * Balances one island in place: sheds or scales its load (`served_mw`, per bus) and
 * re-dispatches its generators (`output_mw`). Returns the slack generator, or −1 for an island
 * without an in-service generator (whose load is then all shed).
 */
export function balanceIsland(
  island: IslandMembers,
  served_mw: Float64Array,
  output_mw: Float64Array,
  pmax_mw: ArrayLike<number>,
): number {
  const { buses, busStart, busEnd, gens, genStart, genEnd } = island;
  if (genEnd === genStart) {
    for (let k = busStart; k < busEnd; k++) served_mw[buses[k]] = 0;
    return -1;
  }
  let capacity_mw = 0;
  let slack = gens[genStart];
  for (let k = genStart; k < genEnd; k++) {
    const g = gens[k];
    capacity_mw += pmax_mw[g];
    if (pmax_mw[g] > pmax_mw[slack]) slack = g;
  }
  let demand_mw = 0;
  for (let k = busStart; k < busEnd; k++) demand_mw += served_mw[buses[k]];
  if (demand_mw > capacity_mw) {
    const factor = Math.max(capacity_mw, 0) / demand_mw;
    demand_mw = 0;
    for (let k = busStart; k < busEnd; k++) demand_mw += served_mw[buses[k]] *= factor;
  }
  dispatchInProportion(demand_mw, gens, genStart, genEnd, output_mw, pmax_mw);
  return slack;
}
