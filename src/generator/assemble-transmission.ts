/**
 * Assembles the transmission plan (local km) into the model's tables: buses, their bus sections,
 * generating units and branches (lines and autotransformers), with names from the substations.
 */
import { CODES } from '../model/codes.ts';
import type { GridTables } from '../model/grid-model.ts';
import { makeId } from '../model/ids.ts';
import { BUS_SECTIONS, BUSES, GENERATORS, TRANSMISSION_LINES } from '../model/schema.ts';
import { TableBuilder } from '../model/table.ts';
import { TRANSMISSION_KV, type TransmissionPlan } from './transmission-network.ts';

const BRANCH_LINE = 0;

export interface AssembledTransmission {
  buses: GridTables['buses'];
  busSections: GridTables['bus_sections'];
  generators: GridTables['generators'];
  lines: GridTables['transmission_lines'];
  /** High-side bus section of each substation (where its transformers connect). */
  substationSection: Int32Array;
}

export function assembleTransmission(
  tx: TransmissionPlan,
  subNames: readonly string[],
  at: { lon: (x: number) => number; lat: (y: number) => number; year: (lo: number, hi: number) => number },
): AssembledTransmission {
  const { lon, lat, year } = at;
  const nSub = subNames.length;
  const busName = (b: number) =>
    tx.busSubstation[b] >= 0 ? `${subNames[tx.busSubstation[b]]} 138 kV` : `Plant ${b - nSub + 1} 138 kV`;
  const buses = new TableBuilder(BUSES, tx.busX.length);
  tx.busX.forEach((x, b) => {
    const s = tx.busSubstation[b];
    buses.add(makeId('BUS', b + 1, 4), {
      name: busName(b),
      kv: TRANSMISSION_KV,
      substation: s,
      kind: tx.busKind[b],
      lon: lon(x),
      lat: lat(tx.busY[b]),
    });
  });

  // One bus section per bus until the planner splits substation buses.
  const busSections = new TableBuilder(BUS_SECTIONS, tx.busX.length);
  tx.busX.forEach((x, b) => {
    const s = tx.busSubstation[b];
    busSections.add(makeId('BSEC', b + 1, 4), {
      name: `${busName(b)} section 1`,
      bus: b,
      substation: s,
      kv: TRANSMISSION_KV,
      lon: lon(x),
      lat: lat(tx.busY[b]),
    });
  });
  const substationSection = Int32Array.from({ length: nSub }, (_, s) => s);

  const generators = new TableBuilder(GENERATORS, tx.plantBus.length);
  tx.plantBus.forEach((b, k) => {
    generators.add(makeId('GEN', k + 1, 3), {
      name: `Plant ${k + 1} (${CODES.fuel[tx.plantFuel[k]]})`,
      bus: b,
      fuel: tx.plantFuel[k],
      p_mw: tx.plantP_mw[k],
      pmin_mw: 0,
      pmax_mw: tx.plantPmax_mw[k],
      bus_section: b,
      lon: lon(tx.busX[b]),
      lat: lat(tx.busY[b]),
    });
  });

  const lines = new TableBuilder(TRANSMISSION_LINES, tx.lineFrom.length);
  tx.lineFrom.forEach((a, k) => {
    const b = tx.lineTo[k];
    lines.add(
      makeId('TL', k + 1, 4),
      {
        name: `${a < nSub ? subNames[a] : `Plant ${a - nSub + 1}`} – ${b < nSub ? subNames[b] : `Plant ${b - nSub + 1}`}`,
        kind: BRANCH_LINE,
        from_bus: a,
        to_bus: b,
        from_section: a,
        to_section: b,
        structure: -1,
        kv: TRANSMISSION_KV,
        r_pu: tx.lineR_pu[k],
        x_pu: tx.lineX_pu[k],
        b_pu: tx.lineB_pu[k],
        rating_mva: tx.lineRating_mva[k],
        tap: 1,
        shift_deg: 0,
        length_km: tx.lineLength_km[k],
        install_year: year(1960, 2020),
      },
      [lon(tx.busX[a]), lat(tx.busY[a]), lon(tx.busX[b]), lat(tx.busY[b])],
    );
  });

  return {
    buses: buses.finish(),
    busSections: busSections.finish(),
    generators: generators.finish(),
    lines: lines.finish(),
    substationSection,
  };
}
