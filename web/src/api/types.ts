/**
 * Response shapes of the Flux Ops Center HTTP API (same origin). Kept in step with the server's
 * schemas in src/api/schemas/; values the server cannot compute are `null`, never invented.
 */

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];
/** [lon, lat] in degrees. */
export type LonLat = [number, number];

export interface DatasetInfo {
  name: string;
  /** Where the dataset came from: a description, or e.g. { kind: 'generator', scale, seed }. */
  source: string | Record<string, unknown>;
  region: Bbox;
  center: LonLat;
  counts: Record<string, number>;
  content_hash: string | null;
  schema_version?: number;
}

export type LayerGeometry = 'point' | 'line' | 'polygon';
export type LayerGroup = 'basemap' | 'context' | 'grid';

export interface LegendEntry {
  label: string;
  color: string;
}

export interface LayerInfo {
  id: string;
  title: string;
  table: string;
  geometry: LayerGeometry;
  group: LayerGroup;
  minzoom: number;
  detail_minzoom: number;
  /** Deepest tile zoom (deeper views over-zoom); 18 when absent. */
  maxzoom?: number;
  default_visible: boolean;
  legend: LegendEntry[];
  doc: string;
  /** Same-origin tile URL template: /tiles/<id>/{z}/{x}/{y}.mvt */
  tiles: string;
  /** Number of features in the layer. */
  features?: number;
}

export interface LayersResponse {
  layers: LayerInfo[];
}

export interface AssetRef {
  id: string;
  name: string;
}

export interface DownstreamSummary {
  customers: number;
  critical_customers: number;
  meters: number;
  transformers: number;
  load_kw: number;
}

export interface AssetDetail {
  id: string;
  table: string;
  title: string;
  name?: string;
  lon?: number;
  lat?: number;
  properties: Record<string, unknown>;
  feeder?: AssetRef;
  substation?: AssetRef;
  /** null where energization does not apply. */
  energized?: boolean | null;
  /** Base-case loading in % of derated rating; null where not applicable. */
  loading_pct?: number | null;
  downstream?: DownstreamSummary;
}

export interface SearchResult {
  id: string;
  table: string;
  label: string;
  detail: string;
  lon: number;
  lat: number;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
}

/** A polyline as [lon, lat] vertices. */
export type LinePath = LonLat[];

export interface TracePathStep {
  id: string;
  table: string;
  name: string;
}

export interface TraceResponse {
  id: string;
  upstream: {
    path: TracePathStep[];
    feeder: AssetRef | null;
    substation: AssetRef | null;
    breaker: string | null;
    lines: LinePath[];
  };
  downstream: DownstreamSummary & {
    lines: LinePath[];
    /** The server sent only part of the downstream lines. */
    lines_truncated?: boolean;
  };
}

export interface SubstationKpi {
  id: string;
  name: string;
  load_mw: number | null;
  capacity_mva: number | null;
  loading_pct: number | null;
  customers: number | null;
}

export interface KpisResponse {
  /** The conditions the loads are computed for (design day). */
  conditions?: { hour: number; temperature_c: number };
  customers_served: number | null;
  customers_total?: number | null;
  /** Hour of the day (0–23) of the system peak. */
  peak_hour?: number | null;
  /** System load by hour of the day, MW. */
  load_profile_mw?: number[];
  meters: number | null;
  peak_load_mw: number | null;
  capacity_mva: number | null;
  system_loading_pct: number | null;
  substations: SubstationKpi[];
  overloaded: {
    transformers: number | null;
    line_sections: number | null;
    substation_transformers: number | null;
    transmission_lines: number | null;
  };
  assets_by_state: { energized: number | null; de_energized: number | null };
  reliability: {
    saidi_min: number | null;
    saifi: number | null;
    caidi_min: number | null;
    reason?: string | null;
  };
}

/** Error body of a non-2xx response. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/** Scenario names of POST /api/cascade/simulate (src/cascade/scenarios.ts). */
export type CascadeScenario = 'base' | 'summer_peak' | 'storm' | 'derecho' | 'hurricane';

export type CascadeCause =
  'initial' | 'overload' | 'protection_trip' | 'de_energized' | 'load_shed' | 'weather';

export interface CascadeRequest {
  /** Patient zero: 1–50 assets failing together. */
  asset_ids: string[];
  scenario: CascadeScenario;
  /** Fault isolation and tie transfers (server default true). */
  restoration?: boolean;
  /** Draw weather failures with this seed (deterministic threshold otherwise). */
  stochastic_seed?: number;
}

export interface CascadeFailedAsset {
  id: string;
  table: string;
  wave: number;
  cause: CascadeCause;
  /** Loading (% of the applicable rating) when an overload tripped it. */
  loading_pct?: number;
  /** Hazard probability of a weather failure. */
  probability?: number;
  /** Customers normally supplied through the asset. */
  customers: number;
}

export interface CascadeWave {
  wave: number;
  failed: CascadeFailedAsset[];
  /** Customers without supply after this wave (cumulative). */
  customers_out: number;
  /** Demand not served after this wave (cumulative). */
  mw_out: number;
}

export interface CascadeResult {
  scenario: string;
  initial: string[];
  waves: CascadeWave[];
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  assets_failed: number;
  ties_closed: string[];
  customers_restored: number;
}

/** Tables a sweep can take as patient zeros (the API's FAILABLE_TABLES that sweeps make sense of). */
export type SweepTable =
  | 'buses'
  | 'generators'
  | 'transmission_lines'
  | 'substations'
  | 'substation_transformers'
  | 'feeders'
  | 'line_sections'
  | 'protective_devices'
  | 'switches'
  | 'transformers';

export type SweepStatus = 'running' | 'complete' | 'cancelled' | 'failed';

/** POST /api/cascade/sweeps: every asset of `tables` (or exactly `asset_ids`) as patient zero. */
export interface SweepRequest {
  scenario: CascadeScenario;
  tables?: SweepTable[];
  asset_ids?: string[];
  /** Fault isolation and tie transfers (server default true). */
  restoration?: boolean;
  /** Start over instead of resuming an unfinished sweep of the same settings. */
  fresh?: boolean;
}

/** A sweep job: its stored record with the live progress of a running one. */
export interface SweepJob {
  id: number;
  grid_hash: string;
  scenario: string;
  restoration: boolean;
  /** What was swept: "tables=substations,transformers" or "assets=<hash of the ids>". */
  selection: string;
  total: number;
  done: number;
  status: SweepStatus;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  /** Seconds spent running, summed over resumptions. */
  elapsed_s: number;
  /** Patient zeros per second; null unless running (and measured). */
  rate_per_s: number | null;
  /** Seconds left; null unless running (and measured). */
  eta_s: number | null;
  /** Customers and MW the scenario takes out with no patient zero (in every result); null until known. */
  scenario_customers_lost: number | null;
  scenario_mw_shed: number | null;
}

/** Orders of a sweep's ranking (largest first). */
export type SweepOrder = 'customers_lost' | 'mw_shed' | 'waves' | 'assets_failed';

/** The outcome of one patient zero of a sweep. */
export interface SweepResult {
  id: string;
  table: string;
  index: number;
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  waves: number;
  assets_failed: number;
}

export interface SweepResultsResponse {
  sweep_id: number;
  order: SweepOrder;
  results: SweepResult[];
}
