/**
 * Assembles the transmission plan (local km) into the model's tables: buses, their bus sections,
 * generating units and branches (lines and autotransformers), with names from the substations.
 */
import { BRANCH_AUTOTRANSFORMER } from '../model/branch-rating.ts';
import { CODES } from '../model/codes.ts';
import type { GridTables } from '../model/grid-model.ts';
import { makeId } from '../model/ids.ts';
import { BUS_SECTIONS, BUSES, GENERATORS, TRANSMISSION_LINES } from '../model/schema.ts';
import { TableBuilder } from '../model/table.ts';
import { layOutBusSections } from './bus-section-layout.ts';
import { HV_KV } from './transmission-equipment.ts';
import type { TransmissionPlan } from './transmission-network.ts';

export interface AssembledTransmission {
  buses: GridTables['buses'];
  busSections: GridTables['bus_sections'];
  generators: GridTables['generators'];
  lines: GridTables['transmission_lines'];
  /** High-side bus section of each substation transformer. */
  transformerSection: number[];
}

export function assembleTransmission(
  tx: TransmissionPlan,
  subNames: readonly string[],
  transformerSubstation: Int32Array,
  at: { lon: (x: number) => number; lat: (y: number) => number; year: (lo: number, hi: number) => number },
): AssembledTransmission {
  const { lon, lat, year } = at;
  const place = (b: number) => {
    const s = tx.busSubstation[b];
    return s >= 0 ? subNames[s] : `Plant ${tx.busPlant[b] + 1}`;
  };
  const busName = (b: number) => `${place(b)} ${tx.busKv[b]} kV`;
  const buses = new TableBuilder(BUSES, tx.busX.length);
  tx.busX.forEach((x, b) => {
    buses.add(makeId('BUS', b + 1, 4), {
      name: busName(b),
      kv: tx.busKv[b],
      substation: tx.busSubstation[b],
      kind: tx.busKind[b],
      lon: lon(x),
      lat: lat(tx.busY[b]),
    });
  });

  // Substation transformers step down from their substation's 138 kV bus (bus index = substation).
  const unitBus = tx.unitPlant.map((k) => tx.plantBus[k]);
  const layout = layOutBusSections(
    tx.busX.length,
    tx.branchFrom,
    tx.branchTo,
    transformerSubstation,
    unitBus,
  );
  const busSections = new TableBuilder(BUS_SECTIONS, layout.sectionBus.length);
  layout.sectionBus.forEach((b, k) => {
    busSections.add(makeId('BSEC', k + 1, 4), {
      name: `${busName(b)} section ${layout.sectionNumber[k]}`,
      bus: b,
      substation: tx.busSubstation[b],
      kv: tx.busKv[b],
      lon: lon(tx.busX[b]),
      lat: lat(tx.busY[b]),
    });
  });

  const generators = new TableBuilder(GENERATORS, tx.unitPlant.length);
  const unitNo = new Int32Array(tx.plantBus.length);
  tx.unitPlant.forEach((k, u) => {
    const b = tx.plantBus[k];
    generators.add(makeId('GEN', u + 1, 3), {
      name: `Plant ${k + 1} (${CODES.fuel[tx.plantFuel[k]]}) unit ${++unitNo[k]}`,
      bus: b,
      fuel: tx.plantFuel[k],
      p_mw: tx.unitP_mw[u],
      pmin_mw: 0,
      pmax_mw: tx.unitPmax_mw[u],
      bus_section: layout.unitSection[u],
      lon: lon(tx.busX[b]),
      lat: lat(tx.busY[b]),
    });
  });

  const circuits = new Map<string, number>();
  tx.branchFrom.forEach((a, l) => {
    const key = `${a}-${tx.branchTo[l]}`;
    circuits.set(key, Math.max(circuits.get(key) ?? 0, tx.branchCircuit[l]));
  });
  const lines = new TableBuilder(TRANSMISSION_LINES, tx.branchFrom.length);
  tx.branchFrom.forEach((a, l) => {
    const b = tx.branchTo[l];
    const auto = tx.branchKind[l] === BRANCH_AUTOTRANSFORMER;
    const several = (circuits.get(`${a}-${b}`) ?? 1) > 1;
    const name = auto
      ? `${place(a)} ${tx.busKv[a]}/${HV_KV} kV AT${tx.branchCircuit[l]}`
      : `${place(a)} – ${place(b)}${tx.branchKv[l] === HV_KV ? '' : ` ${tx.branchKv[l]} kV`}${several ? ` ckt ${tx.branchCircuit[l]}` : ''}`;
    lines.add(
      makeId('TL', l + 1, 4),
      {
        name,
        kind: tx.branchKind[l],
        from_bus: a,
        to_bus: b,
        from_section: layout.branchFromSection[l],
        to_section: layout.branchToSection[l],
        structure: tx.branchStructure[l],
        kv: tx.branchKv[l],
        r_pu: tx.branchR_pu[l],
        x_pu: tx.branchX_pu[l],
        b_pu: tx.branchB_pu[l],
        rating_mva: tx.branchRating_mva[l],
        tap: 1,
        shift_deg: 0,
        length_km: tx.branchLength_km[l],
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
    transformerSection: layout.transformerSection,
  };
}
