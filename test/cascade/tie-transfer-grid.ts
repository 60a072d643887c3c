/**
 * A hand-built grid for restoration tests: one substation feeds two 12.47 kV feeders whose ends
 * are joined by a normally-open tie.
 *
 *   FDR-A  A0 ─SEC-A1 (PD-A breaker)─ A1 ─SEC-A2 (PD-A2 recloser)─ A2 ┄┄ SW-TIE ┄┄┐
 *   FDR-B  B0 ─SEC-B1 (PD-B breaker)─ B1 ─SEC-B2 (SW-B sectionalizer)─ B2 ─SEC-B3─ B3
 *
 * Every load node has 500 kVA transformers of 50 residential customers each (base 2 kW,
 * 0.25 kW/°C of cooling): A1 and A2 have 8, B1 has 4, B2 and B3 have 6. A fault on SEC-B1 leaves
 * B2 and B3 dead behind the opened sectionalizer, and the tie can pick them up from A2 through
 * SEC-A2 (rated `receivingRating_a`).
 */
import { TABLE_SPECS, type GridModel, type GridTables, type TableName } from '../../src/model/grid-model.ts';
import { TableBuilder, type TableSpec } from '../../src/model/table.ts';

type Row = Record<string, number | string>;

export const CUSTOMERS_PER_TRANSFORMER = 50;
export const BASE_KW = 2;
export const COOLING_KW_PER_C = 0.25;
/** Transformers at each load node. */
export const TRANSFORMERS_AT: Record<string, number> = { A1: 8, A2: 8, B1: 4, B2: 6, B3: 6 };

/** The grid; `receivingRating_a` is SEC-A2's normal rating. */
export function tieTransferGrid(receivingRating_a = 170): GridModel {
  const rows: Partial<Record<TableName, [string, Row][]>> = {};
  const add = (table: TableName, id: string, row: Row) => (rows[table] ??= []).push([id, row]) - 1;
  const at = { lon: -95.37, lat: 29.76 };

  const bus = add('buses', 'BUS-1', { name: 'Bayou', kv: 138, substation: 0, kind: 2, ...at });
  add('generators', 'GEN-1', { name: 'Plant', bus, fuel: 0, p_mw: 20, pmin_mw: 0, pmax_mw: 50, ...at });
  const sub = add('substations', 'SUB-1', { name: 'Bayou', bus, kv_high: 138, kv_low: 12.47, ...at });
  const stx = add('substation_transformers', 'STX-1', {
    name: 'T1',
    substation: sub,
    rating_mva: 30,
    kv_high: 138,
    kv_low: 12.47,
    x_pu: 0.1,
    ...at,
  });
  const nodes: Record<string, number> = {};
  const node = (name: string, feeder: number) =>
    (nodes[name] = add('dist_nodes', `NODE-${name}`, { feeder, pole: -1, ...at }));
  const feeder = (name: string, head: string, index: number) => {
    add('feeders', `FDR-${name}`, {
      name,
      substation: sub,
      substation_transformer: stx,
      head_node: index,
      kv: 12.47,
    });
    node(head, rows.feeders!.length - 1);
  };
  feeder('A', 'A0', 0);
  node('A1', 0);
  node('A2', 0);
  feeder('B', 'B0', 3);
  node('B1', 1);
  node('B2', 1);
  node('B3', 1);

  const sections: Record<string, number> = {};
  const section = (name: string, f: number, from: string, to: string, rating_a: number) =>
    (sections[name] = add('line_sections', `SEC-${name}`, {
      feeder: f,
      from_node: nodes[from],
      to_node: nodes[to],
      length_km: 1,
      rating_a,
      phases: 3,
      overhead: 1,
      conductor: 3,
      install_year: 2000,
    }));
  section('A1', 0, 'A0', 'A1', 600);
  section('A2', 0, 'A1', 'A2', receivingRating_a);
  section('B1', 1, 'B0', 'B1', 600);
  section('B2', 1, 'B1', 'B2', 600);
  section('B3', 1, 'B2', 'B3', 600);
  const device = (id: string, kind: number, f: number, s: string) =>
    add('protective_devices', id, { kind, feeder: f, section: sections[s], rating_a: 600, ...at });
  device('PD-A', 0, 0, 'A1');
  device('PD-A2', 1, 0, 'A2');
  device('PD-B', 0, 1, 'B1');
  const sw = (id: string, kind: number, s: number, a: string, b: string, fa: number, fb: number) =>
    add('switches', id, {
      kind,
      normally_open: kind,
      section: s,
      node_a: nodes[a],
      node_b: nodes[b],
      feeder_a: fa,
      feeder_b: fb,
      rating_a: 400,
      ...at,
    });
  sw('SW-B', 0, sections.B2, 'B1', 'B2', 1, 1);
  sw('SW-TIE', 1, -1, 'A2', 'B3', 0, 1);

  for (const [name, count] of Object.entries(TRANSFORMERS_AT)) {
    for (let k = 0; k < count; k++) {
      const x = add('transformers', `XFMR-${name}-${k}`, {
        feeder: name.startsWith('A') ? 0 : 1,
        node: nodes[name],
        kva: 500,
        phases: 3,
        mount: 1,
        install_year: 2000,
        ...at,
      });
      for (let c = 0; c < CUSTOMERS_PER_TRANSFORMER; c++) {
        const id = `${name}-${k}-${c}`;
        const meter = add('meters', `MTR-${id}`, { transformer: x, ...at });
        add('customers', `CUST-${id}`, {
          meter,
          building: -1,
          class: 0,
          critical: 0,
          name: '',
          address: '',
          base_kw: BASE_KW,
          cooling_kw_per_c: COOLING_KW_PER_C,
          ...at,
        });
      }
    }
  }

  const tables = {} as Record<TableName, unknown>;
  for (const spec of TABLE_SPECS) {
    const list = rows[spec.name] ?? [];
    const builder = new TableBuilder<TableSpec>(spec, Math.max(1, list.length));
    for (const [id, row] of list) builder.add(id, filled(spec, row) as never);
    tables[spec.name] = builder.finish();
  }
  return {
    meta: {
      name: 'Two feeders and a tie',
      source: { kind: 'generator', scale: 'test', seed: 0, center: [at.lon, at.lat] },
      region: [-95.4, 29.7, -95.3, 29.8],
      base_mva: 100,
    },
    tables: tables as GridTables,
  };
}

/** Columns a row leaves out: -1 for references, '' for text, 0 otherwise. */
function filled(spec: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const [name, col] of Object.entries(spec.columns))
    out[name] = row[name] ?? (col.kind === 'text' ? '' : col.ref ? -1 : 0);
  return out;
}
