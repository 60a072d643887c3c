/**
 * Generates a whole synthetic metro grid from a scale and a seed. Each stage draws from its own
 * forked RNG stream, so the same seed and scale always give the same model, byte for byte.
 */
import { Delaunay } from 'd3-delaunay';
import { LocalProjection } from '../model/geo.ts';
import type { GridModel } from '../model/grid-model.ts';
import { demandKw } from '../model/load-model.ts';
import { BASE_CASE } from '../model/operating-conditions.ts';
import { assembleModel } from './assemble.ts';
import { assignCriticalLoads } from './critical-loads.ts';
import { transformerPeakLoads } from './design-peak-load.ts';
import { sizeDistribution } from './distribution-assets.ts';
import { buildPrimaryNetwork, SUBSTATION_OFFSET_KM } from './feeder-network.ts';
import { planFeeders, planTransformers } from './feeder-partition.ts';
import { buildGeography } from './geography.ts';
import { buildLandUse, CLASS_RES } from './land-use.ts';
import { layOutProtection } from './protection-layout.ts';
import { Rng } from './rng.ts';
import { planTieTransfers } from './transfer-planning.ts';
import { buildRoads } from './roads.ts';
import { DEFAULT_CENTER, scaleConfig } from './scales.ts';
import { siteSubstations } from './substation-siting.ts';
import { buildTransmission } from './transmission-network.ts';
import { plantTrees } from './vegetation.ts';
import { buildWaterAndFlood } from './water-and-flood.ts';

export interface GenerateOptions {
  scale: string;
  seed: number;
  /** [lon, lat] of downtown; default Houston. */
  center?: [number, number];
  /** Called as each stage starts, with the share of the work done so far (0–1). */
  onProgress?: (stage: string, fraction: number) => void;
}

/** Region margin beyond the development radius (flood zones and bayou reaches reach into it). */
export const REGION_MARGIN_KM = 1;

export function generateGrid(options: GenerateOptions): GridModel {
  const cfg = scaleConfig(options.scale);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new Error(`seed must be a non-negative integer, got ${options.seed}`);
  }
  const center = options.center ?? DEFAULT_CENTER;
  const progress = options.onProgress ?? (() => {});
  const rng = new Rng(options.seed);
  const R = cfg.radius_km;

  progress('geography', 0);
  const geo = buildGeography(rng.fork('geography'), R);
  const { lattice } = geo;
  progress('land use and buildings', 0.05);
  const { customers, buildings } = buildLandUse(geo, cfg, rng.fork('land-use'));
  assignCriticalLoads(customers, R, rng.fork('critical'));

  progress('substations and feeders', 0.35);
  const design_kw = new Float64Array(customers.count);
  const blockLoad = new Float64Array(lattice.blockCount);
  for (let c = 0; c < customers.count; c++) {
    design_kw[c] = demandKw(customers.base_kw[c], customers.cooling_kw_per_c[c], customers.cls[c], BASE_CASE);
    blockLoad[customers.block[c]] += design_kw[c];
  }
  const sites = siteSubstations(lattice, blockLoad, cfg.substations, rng.fork('substations'));
  const feeders = planFeeders(lattice, sites, customers, design_kw, cfg.feeders);
  const transformers = planTransformers(feeders, customers, cfg.transformers);
  const transformerDesign_kw = new Float64Array(transformers.count);
  const transformerThreePhase = new Uint8Array(transformers.count);
  for (let c = 0; c < customers.count; c++) {
    const t = transformers.customerTransformer[c];
    transformerDesign_kw[t] += design_kw[c];
    if (customers.cls[c] !== CLASS_RES) transformerThreePhase[t] = 1;
  }
  for (let t = 0; t < transformers.count; t++)
    if (transformerDesign_kw[t] > 120) transformerThreePhase[t] = 1;
  const transformerPeak_kw = transformerPeakLoads(
    customers,
    transformers.customerTransformer,
    transformers.count,
  );

  progress('primary network', 0.5);
  const net = buildPrimaryNetwork(lattice, sites, feeders, transformers);
  const assets = sizeDistribution(
    lattice,
    R,
    net,
    feeders,
    transformers,
    transformerDesign_kw,
    transformerPeak_kw,
    transformerThreePhase,
    cfg.poles,
    cfg.substations,
    rng.fork('overhead'),
  );
  const protection = layOutProtection(net, feeders, sites, assets);

  progress('transmission', 0.6);
  const subX = Float64Array.from(sites.i, (i) => lattice.x_km(i) + SUBSTATION_OFFSET_KM);
  const subY = Float64Array.from(sites.j, (j) => lattice.x_km(j) + SUBSTATION_OFFSET_KM);
  const subLoad_mw = new Float64Array(cfg.substations);
  for (let f = 0; f < feeders.count; f++)
    subLoad_mw[feeders.substation[f]] += assets.feederDesign_kw[f] / 1000;
  const transmission = buildTransmission(
    subX,
    subY,
    subLoad_mw,
    cfg.generatingPlants,
    R,
    rng.fork('transmission'),
  );

  progress('map context', 0.65);
  const developedMask = new Uint8Array(lattice.blockCount);
  for (let c = 0; c < customers.count; c++) developedMask[customers.block[c]] = 1;
  const developedBlocks: number[] = [];
  developedMask.forEach((d, b) => d && developedBlocks.push(b));
  const { water, flood } = buildWaterAndFlood(geo, developedBlocks, cfg.waterBodies, rng.fork('water'));
  const roads = buildRoads(lattice, developedMask, R);
  const trees = plantTrees(net, assets.sectionOverhead, cfg.trees, rng.fork('trees'));
  const bound = R + REGION_MARGIN_KM;
  const voronoi = Delaunay.from(Array.from(subX, (x, k) => [x, subY[k]] as [number, number])).voronoi([
    -bound,
    -bound,
    bound,
    bound,
  ]);
  const serviceAreas = Array.from(subX, (_, k) => (voronoi.cellPolygon(k) ?? []).slice(0, -1).flat());

  progress('assembling tables', 0.7);
  const projection = new LocalProjection(center[0], center[1]);
  const model = assembleModel({
    cfg,
    seed: options.seed,
    center,
    projection,
    bound_km: bound,
    rng: rng.fork('assets'),
    lattice,
    customers,
    buildings,
    sites,
    subX,
    subY,
    feeders,
    transformers,
    net,
    assets,
    protection,
    transmission,
    water,
    flood,
    roads,
    trees,
    serviceAreas,
  });
  progress('tie transfers', 0.85);
  planTieTransfers(model);
  return model;
}
