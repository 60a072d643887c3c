/**
 * A hand-made three-bus grid for transmission contingency tests. A plant at bus G feeds two
 * substations, A and B, 100 MW each (at 25 °C, 17:00, so no line derating):
 *
 *        G ══ TL-1 / TL-2 (one double-circuit structure) ══ A
 *        │                                                │
 *      TL-3                                             TL-4
 *        └──────────────────────── B ─────────────────────┘
 *
 * Every line has x = 0.1 pu (100 MVA base). All in: G→A 120 MW (60 per circuit), G→B 80, A←B…
 * (B→A) −20, i.e. A→B 20 MW. One circuit out: G→A 100, G→B 100, A–B 0. Both circuits out: G→B
 * 200 MW, B→A 100 MW. Ratings (MVA): TL-1, TL-2 120; TL-3 150; TL-4 120 — so any single circuit
 * is secure (N-1) but the double-circuit outage overloads TL-3, which trips and leaves A and B
 * without generation.
 */
import { demandKw } from '../../src/model/load-model.ts';
import { handMadeModel } from '../tiles/hand-made-model.ts';

export const HOUR = 17;
export const TEMPERATURE_C = 25;
const LOAD_KW = 100_000;
/** Industrial class: its profile is flat in the afternoon. */
const INDUSTRIAL = 2;
const BASE_KW = LOAD_KW / demandKw(1, 0, INDUSTRIAL, { hour: HOUR, temperature_c: TEMPERATURE_C });

const at = (i: number) => ({ lon: -95.4 + 0.02 * i, lat: 29.7 + 0.01 * (i % 2) });

export function doubleCircuitGrid() {
  const bus = (id: string, i: number, substation: number, kind: number) => ({
    id,
    row: { name: id, kv: 138, substation, kind, ...at(i) },
  });
  const section = (id: string, i: number, b: number, substation: number) => ({
    id,
    row: { name: id, bus: b, substation, kv: 138, ...at(i) },
  });
  const line = (id: string, a: number, b: number, rating_mva: number, structure: number) => ({
    id,
    row: {
      name: id,
      kind: 0,
      from_bus: a,
      to_bus: b,
      from_section: a,
      to_section: b,
      structure,
      kv: 138,
      r_pu: 0.01,
      x_pu: 0.1,
      b_pu: 0,
      rating_mva,
      tap: 1,
      shift_deg: 0,
      length_km: 10,
      install_year: 2000,
    },
    shape: [at(a).lon, at(a).lat, at(b).lon, at(b).lat],
  });
  // Each substation: a transformer, one feeder (head node → one section → a node with one
  // service transformer, meter and customer carrying the substation's whole load).
  const dist = (s: number) => ({
    substation: {
      id: `SUB-000${s + 1}`,
      row: { name: `S${s}`, bus: s + 1, kv_high: 138, kv_low: 34.5, install_year: 2000, ...at(s + 1) },
    },
    stx: {
      id: `STX-000${s + 1}`,
      row: {
        name: `T${s}`,
        substation: s,
        bus_section: s + 1,
        rating_mva: 300,
        kv_high: 138,
        kv_low: 34.5,
        x_pu: 0.08,
        install_year: 2000,
        ...at(s + 1),
      },
    },
    feeder: {
      id: `FDR-000${s + 1}-1`,
      row: { name: `F${s}`, substation: s, substation_transformer: s, head_node: 2 * s, kv: 34.5 },
    },
    nodes: [0, 1].map((k) => ({
      id: `NODE-000000${2 * s + k + 1}`,
      row: { feeder: s, pole: -1, ...at(s + 1) },
    })),
    section: {
      id: `SEC-000000${s + 1}`,
      row: {
        feeder: s,
        from_node: 2 * s,
        to_node: 2 * s + 1,
        length_km: 0.1,
        rating_a: 10_000,
        phases: 3,
        overhead: 0,
        conductor: 7,
        install_year: 2000,
      },
    },
    breaker: {
      id: `PD-00000${s + 1}`,
      row: { kind: 0, feeder: s, section: s, rating_a: 10_000, ...at(s + 1) },
    },
    transformer: {
      id: `XFMR-00000${s + 1}`,
      row: {
        feeder: s,
        node: 2 * s + 1,
        kva: 500_000,
        phases: 3,
        mount: 1,
        install_year: 2000,
        ...at(s + 1),
      },
    },
    meter: { id: `MTR-000000${s + 1}`, row: { transformer: s, ...at(s + 1) } },
    customer: {
      id: `CUST-000000${s + 1}`,
      row: {
        meter: s,
        building: -1,
        class: INDUSTRIAL,
        critical: 0,
        name: `Plant ${s}`,
        address: `${s} Main St`,
        base_kw: BASE_KW,
        cooling_kw_per_c: 0,
        ...at(s + 1),
      },
    },
  });
  const d = [dist(0), dist(1)];
  return handMadeModel({
    buses: [bus('BUS-0001', 0, -1, 2), bus('BUS-0002', 1, 0, 0), bus('BUS-0003', 2, 1, 0)],
    bus_sections: [
      section('BSEC-0001', 0, 0, -1),
      section('BSEC-0002', 1, 1, 0),
      section('BSEC-0003', 2, 2, 1),
    ],
    generators: [
      {
        id: 'GEN-001',
        row: { name: 'G', bus: 0, fuel: 0, p_mw: 200, pmin_mw: 0, pmax_mw: 400, bus_section: 0, ...at(0) },
      },
    ],
    transmission_lines: [
      line('TL-0001', 0, 1, 120, 0),
      line('TL-0002', 0, 1, 120, 0),
      line('TL-0003', 0, 2, 150, -1),
      line('TL-0004', 1, 2, 120, -1),
    ],
    substations: d.map((x) => x.substation),
    substation_transformers: d.map((x) => x.stx),
    feeders: d.map((x) => x.feeder),
    dist_nodes: d.flatMap((x) => x.nodes),
    line_sections: d.map((x) => x.section),
    protective_devices: d.map((x) => x.breaker),
    transformers: d.map((x) => x.transformer),
    meters: d.map((x) => x.meter),
    customers: d.map((x) => x.customer),
  });
}
