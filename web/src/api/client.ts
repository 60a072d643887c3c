/**
 * Typed client of the same-origin API. Every call takes an optional AbortSignal so a component
 * can drop a stale request (a new search keystroke, a new selection).
 */
import type {
  ApiErrorBody,
  AssetDetail,
  CascadeRequest,
  CascadeResult,
  DatasetInfo,
  KpisResponse,
  LayersResponse,
  ScenarioList,
  SearchResponse,
  StochasticRequest,
  StochasticResult,
  TraceResponse,
} from './types.ts';

/** A non-2xx answer: `status` is the HTTP status, `message` the server's message when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value && 'statusCode' in value;
}

/** A JSON body to POST instead of a GET. */
export interface JsonPost {
  method: 'POST';
  body: string;
}

export async function getJson<T>(path: string, signal?: AbortSignal, post?: JsonPost): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (post) headers['content-type'] = 'application/json';
  const response = await fetch(path, { ...post, signal, headers });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body: unknown = await response.json();
      if (isErrorBody(body)) message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

export function fetchDataset(signal?: AbortSignal): Promise<DatasetInfo> {
  return getJson<DatasetInfo>('/api/dataset', signal);
}

/** The scenario presets with their conditions, and the accepted range of every condition. */
export function fetchScenarios(signal?: AbortSignal): Promise<ScenarioList> {
  return getJson<ScenarioList>('/api/cascade/scenarios', signal);
}

export function fetchLayers(signal?: AbortSignal): Promise<LayersResponse> {
  return getJson<LayersResponse>('/api/layers', signal);
}

export function fetchAsset(id: string, signal?: AbortSignal): Promise<AssetDetail> {
  return getJson<AssetDetail>(`/api/assets/${encodeURIComponent(id)}`, signal);
}

export function fetchTrace(id: string, signal?: AbortSignal): Promise<TraceResponse> {
  return getJson<TraceResponse>(`/api/trace/${encodeURIComponent(id)}`, signal);
}

export function searchAssets(query: string, limit = 10, signal?: AbortSignal): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return getJson<SearchResponse>(`/api/search?${params.toString()}`, signal);
}

export function fetchKpis(signal?: AbortSignal): Promise<KpisResponse> {
  return getJson<KpisResponse>('/api/kpis', signal);
}

/** Runs a cascade from `request.asset_ids` (400: invalid request or asset; 404: unknown asset). */
export function simulateCascade(request: CascadeRequest, signal?: AbortSignal): Promise<CascadeResult> {
  return getJson<CascadeResult>('/api/cascade/simulate', signal, {
    method: 'POST',
    body: JSON.stringify(request),
  });
}

/** Runs `request.runs` cascades drawing the weather: the distribution of their outcomes. */
export function runStochastic(request: StochasticRequest, signal?: AbortSignal): Promise<StochasticResult> {
  return getJson<StochasticResult>('/api/cascade/stochastic', signal, {
    method: 'POST',
    body: JSON.stringify(request),
  });
}

/** True for the rejection of an aborted request (not an error worth showing). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
