/**
 * Assembles the generator's working arrays (local km) into the GridModel's tables (lon/lat,
 * ids, codes). Coordinates are rounded to 1e-7° (~1 cm), the precision the store keeps.
 */
import { quantizeDegrees, type LocalProjection } from '../model/geo.ts';
import type { GridModel, GridTables } from '../model/grid-model.ts';
import { makeId } from '../model/ids.ts';
import {
  DIST_NODES,
  FEEDERS,
  LINE_SECTIONS,
  METERS,
  POLES,
  PROTECTIVE_DEVICES,
  SUBSTATION_TRANSFORMERS,
  SUBSTATIONS,
  SWITCHES,
  TRANSFORMERS,
} from '../model/schema.ts';
import { TableBuilder } from '../model/table.ts';
import { assembleContext, type ContextParts } from './assemble-context.ts';
import { assembleTransmission } from './assemble-transmission.ts';
import { POLE_HEIGHTS_M, woodPoleClass } from './pole-classes.ts';
import type { DistributionAssets } from './distribution-assets.ts';
import type { FeederPlan, TransformerPlan } from './feeder-partition.ts';
import type { PrimaryNetwork } from './feeder-network.ts';
import type { Lattice } from './lattice.ts';
import { streetName } from './names.ts';
import type { Protection } from './protection-layout.ts';
import type { Rng } from './rng.ts';
import type { ScaleConfig } from './scales.ts';
import type { Sites } from './substation-siting.ts';
import { BASE_MVA, TRANSMISSION_KV, type TransmissionPlan } from './transmission-network.ts';

export interface GeneratedParts extends ContextParts {
  cfg: ScaleConfig;
  seed: number;
  center: [number, number];
  projection: LocalProjection;
  bound_km: number;
  rng: Rng;
  lattice: Lattice;
  sites: Sites;
  subX: Float64Array;
  subY: Float64Array;
  feeders: FeederPlan;
  transformers: TransformerPlan;
  net: PrimaryNetwork;
  assets: DistributionAssets;
  protection: Protection;
  transmission: TransmissionPlan;
}

export function assembleModel(p: GeneratedParts): GridModel {
  const { projection: proj, net, assets, rng } = p;
  const lon = (x: number) => quantizeDegrees(proj.lon(x));
  const lat = (y: number) => quantizeDegrees(proj.lat(y));
  const year = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
  const nSub = p.subX.length;
  // Feeder voltage decides each substation transformer's (and substation's) low side.
  const stxKvLow = new Float64Array(assets.stxSubstation.length);
  const subKvLow = new Float64Array(nSub);
  for (let f = 0; f < p.feeders.count; f++) {
    const k = assets.feederStx[f];
    stxKvLow[k] = Math.max(stxKvLow[k], assets.feederKv[f]);
    subKvLow[p.feeders.substation[f]] = Math.max(subKvLow[p.feeders.substation[f]], assets.feederKv[f]);
  }

  // Substation names come from the street they stand on, numbered when a name repeats.
  const subNames: string[] = [];
  const seen = new Map<string, number>();
  for (let s = 0; s < nSub; s++) {
    const base = streetName(p.sites.j[s], true, false).replace(/ \w+$/, '');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    subNames.push(n === 1 ? `${base} Substation` : `${base} ${n} Substation`);
  }

  const substations = new TableBuilder(SUBSTATIONS, nSub);
  for (let s = 0; s < nSub; s++) {
    substations.add(makeId('SUB', s + 1, 4), {
      name: subNames[s],
      bus: s,
      kv_high: TRANSMISSION_KV,
      kv_low: subKvLow[s],
      install_year: year(1955, 2018),
      lon: lon(p.subX[s]),
      lat: lat(p.subY[s]),
    });
  }

  const transmission = assembleTransmission(p.transmission, subNames, { lon, lat, year });

  const stx = new TableBuilder(SUBSTATION_TRANSFORMERS, assets.stxSubstation.length);
  const unitNo = new Int32Array(nSub);
  assets.stxSubstation.forEach((s, k) => {
    unitNo[s]++;
    stx.add(makeId('STX', k + 1, 4), {
      name: `${subNames[s]} T${unitNo[s]}`,
      substation: s,
      bus_section: transmission.substationSection[s],
      rating_mva: assets.stxRating_mva[k],
      kv_high: TRANSMISSION_KV,
      kv_low: stxKvLow[k],
      x_pu: 0.08,
      install_year: year(1965, 2022),
      lon: lon(p.subX[s] - 0.01 * unitNo[s]),
      lat: lat(p.subY[s]),
    });
  });

  const feeders = new TableBuilder(FEEDERS, p.feeders.count);
  const circuitNo = new Int32Array(nSub);
  for (let f = 0; f < p.feeders.count; f++) {
    const s = p.feeders.substation[f];
    circuitNo[s]++;
    feeders.add(`FDR-${String(s + 1).padStart(4, '0')}-${circuitNo[s]}`, {
      name: `${subNames[s]} circuit ${circuitNo[s]}`,
      substation: s,
      substation_transformer: assets.feederStx[f],
      head_node: net.headNode[f],
      kv: assets.feederKv[f],
    });
  }

  const nodes = new TableBuilder(DIST_NODES, net.nodeCount);
  for (let n = 0; n < net.nodeCount; n++) {
    nodes.add(makeId('NODE', n + 1, 7), {
      feeder: net.nodeFeeder[n],
      pole: assets.nodePole[n],
      lon: lon(net.nodeX[n]),
      lat: lat(net.nodeY[n]),
    });
  }

  const sections = new TableBuilder(LINE_SECTIONS, net.sectionCount);
  for (let s = 0; s < net.sectionCount; s++) {
    sections.add(makeId('SEC', s + 1, 7), {
      feeder: net.nodeFeeder[net.sectionTo[s]],
      from_node: net.sectionFrom[s],
      to_node: net.sectionTo[s],
      length_km: net.sectionLength_km[s],
      rating_a: assets.sectionRating_a[s],
      phases: assets.sectionPhases[s],
      overhead: assets.sectionOverhead[s],
      conductor: assets.sectionConductor[s],
      install_year: year(1965, 2024),
    });
  }

  const pr = p.protection;
  const devices = new TableBuilder(PROTECTIVE_DEVICES, pr.deviceKind.length);
  pr.deviceKind.forEach((kind, k) => {
    const s = pr.deviceSection[k];
    const at = net.sectionFrom[s];
    devices.add(makeId('PD', k + 1, 6), {
      kind,
      feeder: net.nodeFeeder[at],
      section: s,
      rating_a: pr.deviceRating_a[k],
      lon: lon(net.nodeX[at]),
      lat: lat(net.nodeY[at]),
    });
  });

  const switches = new TableBuilder(SWITCHES, pr.switchKind.length);
  pr.switchKind.forEach((kind, k) => {
    const a = pr.switchNodeA[k];
    const b = pr.switchNodeB[k];
    switches.add(makeId('SW', k + 1, 6), {
      kind,
      normally_open: kind === 1 ? 1 : 0,
      section: pr.switchSection[k],
      node_a: a,
      node_b: b,
      feeder_a: net.nodeFeeder[a],
      feeder_b: net.nodeFeeder[b],
      rating_a: pr.switchRating_a[k],
      lon: lon((net.nodeX[a] + net.nodeX[b]) / 2),
      lat: lat((net.nodeY[a] + net.nodeY[b]) / 2),
    });
  });

  const poles = new TableBuilder(POLES, assets.poleCount);
  for (let k = 0; k < assets.poleCount; k++) {
    const height_m = rng.pick(POLE_HEIGHTS_M);
    const material = rng.chance(0.9) ? 0 : rng.chance(0.7) ? 2 : 1;
    poles.add(makeId('POLE', k + 1, 6), {
      feeder: assets.poleFeeder[k],
      height_m,
      material,
      class: material === 0 ? woodPoleClass(height_m) : 0,
      install_year: year(1955, 2024),
      lon: lon(assets.poleX[k]),
      lat: lat(assets.poleY[k]),
    });
  }

  // Pad-mounted units sit a few metres off the street toward their customers.
  const tp = p.transformers;
  const towardX = new Float64Array(tp.count);
  const towardY = new Float64Array(tp.count);
  const members = new Int32Array(tp.count);
  for (let c = 0; c < p.customers.count; c++) {
    const t = tp.customerTransformer[c];
    towardX[t] += p.customers.x_km[c];
    towardY[t] += p.customers.y_km[c];
    members[t]++;
  }
  const transformers = new TableBuilder(TRANSFORMERS, tp.count);
  for (let t = 0; t < tp.count; t++) {
    const n = net.transformerNode[t];
    let x = net.nodeX[n];
    let y = net.nodeY[n];
    if (assets.transformerPad[t]) {
      const dx = towardX[t] / members[t] - x;
      const dy = towardY[t] / members[t] - y;
      const d = Math.hypot(dx, dy) || 1;
      x += (0.008 * dx) / d;
      y += (0.008 * dy) / d;
    }
    transformers.add(makeId('XFMR', t + 1, 6), {
      feeder: tp.feeder[t],
      node: n,
      kva: assets.transformerKva[t],
      phases: assets.transformerPhases[t],
      mount: assets.transformerPad[t],
      install_year: year(1975, 2024),
      lon: lon(x),
      lat: lat(y),
    });
  }

  const meters = new TableBuilder(METERS, p.customers.count);
  for (let c = 0; c < p.customers.count; c++) {
    meters.add(makeId('MTR', c + 1, 7), {
      transformer: tp.customerTransformer[c],
      lon: lon(p.customers.x_km[c]),
      lat: lat(p.customers.y_km[c]),
    });
  }

  const context = assembleContext(p, lon, lat);
  const tables: GridTables = {
    buses: transmission.buses,
    substations: substations.finish(),
    bus_sections: transmission.busSections,
    generators: transmission.generators,
    transmission_lines: transmission.lines,
    substation_transformers: stx.finish(),
    feeders: feeders.finish(),
    dist_nodes: nodes.finish(),
    line_sections: sections.finish(),
    protective_devices: devices.finish(),
    switches: switches.finish(),
    poles: poles.finish(),
    transformers: transformers.finish(),
    meters: meters.finish(),
    ...context,
  };
  const b = p.bound_km;
  return {
    meta: {
      name: `Synthetic metro (${p.cfg.name}, seed ${p.seed})`,
      source: { kind: 'generator', scale: p.cfg.name, seed: p.seed, center: p.center },
      region: [lon(-b), lat(-b), lon(b), lat(b)],
      base_mva: BASE_MVA,
    },
    tables,
  };
}
