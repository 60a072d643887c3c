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

/** A scenario preset's name, one of those GET /api/cascade/scenarios lists. */
export type CascadeScenario = string;

/** Shape of the storm's wind field (the peak gust anywhere is `wind_gust_ms`). */
export interface WindField {
  kind: string;
  heading_deg: number;
  offset_km: number;
  width_km: number;
  cells: number;
  seed: number;
}

/** The operating conditions a cascade runs under (schema `Conditions`, src/api/schemas/conditions.ts). */
export interface OperatingConditions {
  load_factor: number;
  hour: number;
  /** YYYY-MM-DD, or null for a weekday. */
  date: string | null;
  temperature_c: number;
  wind_sustained_ms: number;
  wind_gust_ms: number;
  wind_field: WindField;
  flood_depth_m: number;
  hours_since_interruption: number;
}

export type NumericCondition = Exclude<keyof OperatingConditions, 'date' | 'wind_field'>;

/** Fields that change a preset's conditions (schema `ConditionsInput`): any subset. */
export type ConditionsInput = Partial<Omit<OperatingConditions, 'wind_field'>> & {
  wind_field?: Partial<WindField>;
};

/** Accepted range of one numeric condition. */
export interface ConditionRange {
  min: number;
  max: number;
  integer?: boolean;
  unit: string;
  doc: string;
}

/** GET /api/cascade/scenarios. */
export interface ScenarioList {
  scenarios: { name: string; title: string; description: string; conditions: OperatingConditions }[];
  /** By field name (`wind_field.*` for the storm shape). */
  ranges: Record<string, ConditionRange>;
}

export type CascadeCause =
  'initial' | 'overload' | 'protection_trip' | 'de_energized' | 'load_shed' | 'weather';

export interface CascadeRequest {
  /** Patient zero: 1–50 assets failing together. */
  asset_ids: string[];
  scenario: CascadeScenario;
  /** Fields changed from the preset's conditions. */
  conditions?: ConditionsInput;
  /** Fault isolation and tie transfers (server default true). */
  restoration?: boolean;
  /** Draw weather failures with this seed (deterministic threshold otherwise). */
  stochastic_seed?: number;
}

/** POST /api/cascade/stochastic: `runs` cascades, run i drawing the weather with seed + i. */
export interface StochasticRequest {
  /** Patient zero; empty for the weather alone. */
  asset_ids: string[];
  scenario: CascadeScenario;
  conditions?: ConditionsInput;
  restoration?: boolean;
  runs: number;
  seed: number;
}

export interface Distribution {
  mean: number;
  std: number;
  min: number;
  p05: number;
  p50: number;
  p95: number;
  max: number;
}

export interface StochasticResult {
  scenario: string;
  conditions: OperatingConditions;
  initial: string[];
  runs: number;
  seed: number;
  customers_lost: Distribution;
  critical_customers_lost: Distribution;
  mw_shed: Distribution;
  waves: Distribution;
  assets_failed: Distribution;
  weather_failures: Distribution;
  /** Share of runs in which critical customers lose supply. */
  p_critical_loss: number;
  most_frequent_failures: { id: string; table: string; share: number }[];
  median_run_seed: number;
  worst_run_seed: number;
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
  critical_out: number;
  /** Demand not served after this wave (cumulative). */
  mw_out: number;
}

export interface CascadeResult {
  scenario: string;
  /** The full conditions it ran under. */
  conditions: OperatingConditions;
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
  | 'bus_sections'
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
  /** Fields changed from the preset's conditions. */
  conditions?: ConditionsInput;
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
  /** The conditions swept under (null for sweeps stored before they were recorded). */
  conditions: OperatingConditions | null;
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
  /** 1 when the cascade failed something beyond its patient zero's protection zone (null: not recorded). */
  beyond_zone: number | null;
}

export interface SweepResultsResponse {
  sweep_id: number;
  order: SweepOrder;
  results: SweepResult[];
}
