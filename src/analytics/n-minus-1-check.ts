/**
 * Transmission N-1 security of a dataset: with base-case flows, no single line outage (other
 * than one that islands a radial tap) may load another line above its derated rating. Screened
 * with LODF, the way planners screen contingencies before detailed studies.
 */
import type { GridModel } from '../model/grid-model.ts';
import type { LoadConditions } from '../model/load-model.ts';
import { lineRatingFactor } from '../model/thermal.ts';
import { screenSingleOutages } from '../powerflow/lodf.ts';
import type { TransmissionLoading } from '../powerflow/transmission-loading.ts';

export function checkTransmissionNMinus1(
  model: GridModel,
  transmission: TransmissionLoading,
  conditions: LoadConditions,
): { name: string; ok: boolean; detail: string } {
  const t = model.tables.transmission_lines;
  const factor = lineRatingFactor(conditions.temperature_c);
  const net = {
    nBus: model.tables.buses.size,
    branchFrom: t.cols.from_bus,
    branchTo: t.cols.to_bus,
    x_pu: t.cols.x_pu,
    tap: t.cols.tap,
    shift_deg: t.cols.shift_deg,
    inService: new Uint8Array(t.size).fill(1),
  };
  const screen = screenSingleOutages(
    net,
    transmission.flow_mw,
    Float64Array.from(t.cols.rating_mva, (r) => r * factor),
  );
  let worst = 0;
  let worstOutage = -1;
  let insecure = 0;
  screen.worstLoading_pct.forEach((pct, k) => {
    if (!(pct > 0)) return;
    if (pct > 100) insecure++;
    if (pct > worst) {
      worst = pct;
      worstOutage = k;
    }
  });
  const islanding = screen.islandingOutages.length;
  const tail = `${islanding} radial-tap outage(s) island load instead`;
  if (insecure > 0) {
    return {
      name: 'transmission_n_minus_1',
      ok: false,
      detail: `${insecure} single line outages overload another line (worst ${t.ids[worstOutage]}: ${worst.toFixed(1)} %); ${tail}`,
    };
  }
  return {
    name: 'transmission_n_minus_1',
    ok: true,
    detail: `no single line outage overloads another line (worst ${worst.toFixed(1)} %); ${tail}`,
  };
}
