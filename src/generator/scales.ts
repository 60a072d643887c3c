/**
 * Generator scales. Sample matches the reference system's sample; metro its full scale.
 * Counts marked exact are met exactly; the others follow from the geography.
 */
export interface ScaleConfig {
  name: string;
  /** Exact counts. */
  substations: number;
  feeders: number;
  transformers: number;
  meters: number;
  /** Target counts met to within a few percent (geometry decides the rest). */
  buildings: number;
  waterBodies: number;
  trees: number;
  generatingPlants: number;
  /** Radius of the developed metro area and its density fall-off scale. */
  radius_km: number;
  /** Target pole count guides how much of the network is overhead. */
  poles: number;
  /**
   * A 345 kV backbone with 345/138 kV autotransformer hubs, as a ~20 GW metro system is built;
   * smaller systems carry their plants' output on 138 kV alone.
   */
  ehvBackbone: boolean;
}

export const SCALES: Record<string, ScaleConfig> = {
  sample: {
    name: 'sample',
    substations: 25,
    feeders: 50,
    transformers: 200,
    meters: 500,
    buildings: 2_225,
    waterBodies: 12,
    trees: 120,
    generatingPlants: 3,
    radius_km: 3,
    poles: 600,
    ehvBackbone: false,
  },
  city: {
    name: 'city',
    substations: 60,
    feeders: 240,
    transformers: 15_000,
    meters: 100_000,
    buildings: 445_000,
    waterBodies: 2_100,
    trees: 8_200,
    generatingPlants: 6,
    radius_km: 16,
    poles: 10_300,
    ehvBackbone: false,
  },
  metro: {
    name: 'metro',
    substations: 275,
    feeders: 1_100,
    transformers: 91_500,
    meters: 600_000,
    buildings: 2_670_000,
    waterBodies: 12_700,
    trees: 49_000,
    generatingPlants: 16,
    radius_km: 34,
    poles: 62_000,
    ehvBackbone: true,
  },
};

export const DEFAULT_CENTER: [number, number] = [-95.37, 29.76];

export function scaleConfig(name: string): ScaleConfig {
  const cfg = SCALES[name];
  if (!cfg) throw new Error(`unknown scale '${name}' (expected one of: ${Object.keys(SCALES).join(', ')})`);
  return cfg;
}
