/**
 * Cold-load pickup in the cascade (the model: src/model/cold-load-pickup.ts). Restoration
 * re-energizes nodes in two ways: a protective device recloses after fault isolation (its
 * customers were off for the recloser's sequence), or a tie picks up a dead region (off for the
 * conditions' hours_since_interruption). Switching decisions are made on the normal demand, as an
 * operator's switching order is; the evaluation then gives picked-up customers their cold-load
 * demand, and whatever that overloads trips in the next wave.
 */
import {
  coldLoadPickup,
  pickupDemandsKw,
  RECLOSE_OFF_H,
  type ColdLoadPickup,
} from '../model/cold-load-pickup.ts';
import type { OperatingConditions } from '../model/operating-conditions.ts';
import type { Table } from '../model/table.ts';
import type { CUSTOMERS } from '../model/schema-context.ts';
import type { CascadeContext } from './cascade-context.ts';
import type { CascadeState } from './cascade-state.ts';
import { feederIndex } from './feeder-index.ts';

/** How restoration re-energized a node (CascadeState.pickup); a higher code means longer off. */
export const Pickup = { None: 0, Reclose: 1, Tie: 2 } as const;

export interface ColdLoadContext {
  /** The cold-load pickup of each Pickup kind (None: no time off). */
  pickups: ColdLoadPickup[];
  /** Demand of each customer on a node picked up by each kind; [None] is the normal demand array itself. */
  customer_kw: Float64Array[];
  /** Whether a kind raises any demand (when it does not, its array is the normal one too). */
  active: boolean[];
}

/**
 * Cold-load demand for each kind of pickup under `conditions`. A reclose cannot come later than
 * the tie switching the conditions name, so its off-time is the shorter of the two: with
 * hours_since_interruption = 0 nothing is cold and every array is the normal demand.
 */
export function coldLoadContext(
  customers: Table<typeof CUSTOMERS>,
  conditions: OperatingConditions,
  customer_kw: Float64Array,
): ColdLoadContext {
  const tieHours = conditions.hours_since_interruption;
  const hours = [0, Math.min(RECLOSE_OFF_H, tieHours), tieHours];
  const pickups = hours.map((h) => coldLoadPickup(conditions, h));
  const arrays = pickups.map((p) =>
    p.cooling_factor === 1 ? customer_kw : pickupDemandsKw(customers, conditions, p.hours_off),
  );
  return { pickups, customer_kw: arrays, active: arrays.map((a) => a !== customer_kw) };
}

/** Demand energized picked-up customers draw above their normal demand (kW), in pickup order. */
export function pickupExcessKw(ctx: CascadeContext, state: CascadeState, customersOn: Uint8Array): number {
  if (state.pickedUp.length === 0) return 0;
  const { nodeTransformers: nt, transformerCustomers: tc } = feederIndex(ctx.model);
  let excess = 0;
  for (const n of state.pickedUp) {
    const cold = ctx.coldLoad.customer_kw[state.pickup[n]];
    for (let i = nt.start[n]; i < nt.start[n + 1]; i++) {
      const x = nt.items[i];
      for (let j = tc.start[x]; j < tc.start[x + 1]; j++) {
        const c = tc.items[j];
        if (customersOn[c]) excess += cold[c] - ctx.customer_kw[c];
      }
    }
  }
  return excess;
}
