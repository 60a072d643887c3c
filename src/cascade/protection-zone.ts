/**
 * Whether a cascade stayed inside the protection zone of what failed deliberately. The zone is
 * what protection and isolation do to the initial failures alone — exactly what a trace gives:
 * the customers below the device that clears a fault, a transformer's own customers, a line
 * outage that the network rides through. A cascade reaches beyond it when anything else fails:
 * an overload trip or under-frequency load shedding, beyond what the conditions' weather does on
 * its own (the baseline). Weather failures are the conditions', not the patient zero's.
 */
import type { CascadeResult } from './cascade-types.ts';

/** Causes that are consequences of the initial failures beyond their protection zone. */
const BEYOND_CAUSES = new Set(['overload', 'load_shed']);

/** Ids of the assets a cascade failed beyond protection (overload trips, feeders shed). */
export function beyondZoneFailures(result: CascadeResult): Set<string> {
  const out = new Set<string>();
  for (const w of result.waves) for (const f of w.failed) if (BEYOND_CAUSES.has(f.cause)) out.add(f.id);
  return out;
}

/**
 * True when `result` failed something by overload or load shedding that `baseline` (the
 * conditions' own cascade with no patient zero, as beyondZoneFailures gives it) did not.
 *
 * @example
 * const weather = beyondZoneFailures(runCascade(ctx, []));
 * reachesBeyondZone(runCascade(ctx, [{ table: 'transformers', index: 7 }]), weather); // false
 */
export function reachesBeyondZone(result: CascadeResult, baseline: ReadonlySet<string> = new Set()): boolean {
  for (const w of result.waves)
    for (const f of w.failed) if (BEYOND_CAUSES.has(f.cause) && !baseline.has(f.id)) return true;
  return false;
}
