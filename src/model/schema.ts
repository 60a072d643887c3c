/**
 * The grid model's tables: every asset type, its id prefix, geometry and columns with units in
 * their names. Transmission and distribution share one set of ids, so the asset a user clicks on
 * the map is the asset a cascade fails.
 */
import type { TableSpec } from './table.ts';

const pointCols = { lon: { kind: 'f64' }, lat: { kind: 'f64' } } as const;

export const BUSES = {
  name: 'buses',
  idPrefix: 'BUS',
  geometry: 'point',
  doc: 'Transmission buses (one per substation high side, one per generating plant).',
  columns: {
    name: { kind: 'text' },
    kv: { kind: 'f64' },
    substation: { kind: 'i32', ref: 'substations' },
    kind: { kind: 'u8', codes: 'bus_kind' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const SUBSTATIONS = {
  name: 'substations',
  idPrefix: 'SUB',
  geometry: 'point',
  doc: 'Distribution substations: a transmission bus stepping down to the feeders.',
  columns: {
    name: { kind: 'text' },
    bus: { kind: 'i32', ref: 'buses' },
    kv_high: { kind: 'f64' },
    kv_low: { kind: 'f64' },
    install_year: { kind: 'i32' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const BUS_SECTIONS = {
  name: 'bus_sections',
  idPrefix: 'BSEC',
  geometry: 'point',
  doc: 'Sections of a transmission bus between its bus-tie breakers: a fault on one trips every line, transformer and unit it connects.',
  columns: {
    name: { kind: 'text' },
    bus: { kind: 'i32', ref: 'buses' },
    /** -1 at a plant switchyard. */
    substation: { kind: 'i32', ref: 'substations' },
    kv: { kind: 'f64' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const GENERATORS = {
  name: 'generators',
  idPrefix: 'GEN',
  geometry: 'point',
  doc: 'Generating units with dispatch and limits.',
  columns: {
    name: { kind: 'text' },
    bus: { kind: 'i32', ref: 'buses' },
    fuel: { kind: 'u8', codes: 'fuel' },
    p_mw: { kind: 'f64' },
    pmin_mw: { kind: 'f64' },
    pmax_mw: { kind: 'f64' },
    /** Bus section the unit connects to (-1 unknown). */
    bus_section: { kind: 'i32', ref: 'bus_sections' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const TRANSMISSION_LINES = {
  name: 'transmission_lines',
  idPrefix: 'TL',
  geometry: 'path',
  doc: 'Transmission branches between buses (lines and autotransformers), in per unit on the system MVA base.',
  columns: {
    name: { kind: 'text' },
    kind: { kind: 'u8', codes: 'branch_kind' },
    from_bus: { kind: 'i32', ref: 'buses' },
    to_bus: { kind: 'i32', ref: 'buses' },
    /** Bus sections the two ends connect to (-1 unknown). */
    from_section: { kind: 'i32', ref: 'bus_sections' },
    to_section: { kind: 'i32', ref: 'bus_sections' },
    /**
     * Lines with the same structure number (≥ 0) hang on the same towers (a double circuit) and
     * can fail together; -1 for a line on towers of its own.
     */
    structure: { kind: 'i32' },
    kv: { kind: 'f64' },
    r_pu: { kind: 'f64' },
    x_pu: { kind: 'f64' },
    b_pu: { kind: 'f64' },
    rating_mva: { kind: 'f64' },
    /** Off-nominal tap ratio; 1 for lines. */
    tap: { kind: 'f64' },
    shift_deg: { kind: 'f64' },
    length_km: { kind: 'f64' },
    install_year: { kind: 'i32' },
  },
} as const satisfies TableSpec;

export const SUBSTATION_TRANSFORMERS = {
  name: 'substation_transformers',
  idPrefix: 'STX',
  geometry: 'point',
  doc: 'Power transformers inside substations feeding the distribution bus.',
  columns: {
    name: { kind: 'text' },
    substation: { kind: 'i32', ref: 'substations' },
    /** High-side bus section it connects to (-1 unknown). */
    bus_section: { kind: 'i32', ref: 'bus_sections' },
    rating_mva: { kind: 'f64' },
    kv_high: { kind: 'f64' },
    kv_low: { kind: 'f64' },
    x_pu: { kind: 'f64' },
    install_year: { kind: 'i32' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const FEEDERS = {
  name: 'feeders',
  idPrefix: 'FDR',
  geometry: 'none',
  doc: 'Radial distribution circuits, each out of one substation breaker.',
  columns: {
    name: { kind: 'text' },
    substation: { kind: 'i32', ref: 'substations' },
    substation_transformer: { kind: 'i32', ref: 'substation_transformers' },
    head_node: { kind: 'i32', ref: 'dist_nodes' },
    kv: { kind: 'f64' },
  },
} as const satisfies TableSpec;

export const DIST_NODES = {
  name: 'dist_nodes',
  idPrefix: 'NODE',
  geometry: 'point',
  doc: 'Electrical junctions of the primary network (on a pole or in a vault/pad).',
  columns: {
    feeder: { kind: 'i32', ref: 'feeders' },
    pole: { kind: 'i32', ref: 'poles' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const LINE_SECTIONS = {
  name: 'line_sections',
  idPrefix: 'SEC',
  geometry: 'none',
  doc: 'Primary line sections, oriented from the upstream node to the downstream node.',
  columns: {
    feeder: { kind: 'i32', ref: 'feeders' },
    from_node: { kind: 'i32', ref: 'dist_nodes' },
    to_node: { kind: 'i32', ref: 'dist_nodes' },
    length_km: { kind: 'f64' },
    rating_a: { kind: 'f64' },
    phases: { kind: 'u8' },
    overhead: { kind: 'u8' },
    conductor: { kind: 'u8', codes: 'conductor' },
    install_year: { kind: 'i32' },
  },
} as const satisfies TableSpec;

export const PROTECTIVE_DEVICES = {
  name: 'protective_devices',
  idPrefix: 'PD',
  geometry: 'point',
  doc: 'Breakers, reclosers and fuses at the upstream end of the section they protect.',
  columns: {
    kind: { kind: 'u8', codes: 'device_kind' },
    feeder: { kind: 'i32', ref: 'feeders' },
    section: { kind: 'i32', ref: 'line_sections' },
    rating_a: { kind: 'f64' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const SWITCHES = {
  name: 'switches',
  idPrefix: 'SW',
  geometry: 'point',
  doc: 'Sectionalizing switches (normally closed, on a section) and tie switches (normally open, between feeders).',
  columns: {
    kind: { kind: 'u8', codes: 'switch_kind' },
    normally_open: { kind: 'u8' },
    section: { kind: 'i32', ref: 'line_sections' },
    node_a: { kind: 'i32', ref: 'dist_nodes' },
    node_b: { kind: 'i32', ref: 'dist_nodes' },
    feeder_a: { kind: 'i32', ref: 'feeders' },
    feeder_b: { kind: 'i32', ref: 'feeders' },
    rating_a: { kind: 'f64' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const POLES = {
  name: 'poles',
  idPrefix: 'POLE',
  geometry: 'point',
  doc: 'Distribution poles; several circuits may share one pole.',
  columns: {
    feeder: { kind: 'i32', ref: 'feeders' },
    height_m: { kind: 'f32' },
    material: { kind: 'u8', codes: 'pole_material' },
    /** ANSI O5.1 strength class of a wood pole, 1 (strongest) to 7; 0 when unknown or not wood. */
    class: { kind: 'u8' },
    install_year: { kind: 'i32' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const TRANSFORMERS = {
  name: 'transformers',
  idPrefix: 'XFMR',
  geometry: 'point',
  doc: 'Distribution (service) transformers.',
  columns: {
    feeder: { kind: 'i32', ref: 'feeders' },
    node: { kind: 'i32', ref: 'dist_nodes' },
    kva: { kind: 'f64' },
    phases: { kind: 'u8' },
    mount: { kind: 'u8', codes: 'transformer_mount' },
    install_year: { kind: 'i32' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const METERS = {
  name: 'meters',
  idPrefix: 'MTR',
  geometry: 'point',
  doc: 'Smart meters, each on one service transformer.',
  columns: {
    transformer: { kind: 'i32', ref: 'transformers' },
    ...pointCols,
  },
} as const satisfies TableSpec;
