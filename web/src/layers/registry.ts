/**
 * Which factory draws which catalogue layer. A grid layer the web app does not know yet (a new
 * catalogue entry) is still drawn, with its first legend colour.
 */
import type { MVTLayer } from '@deck.gl/geo-layers';
import type { FeatureProps } from './feature-props.ts';
import { createCustomersLayer } from './customers-layer.ts';
import { createFeedersLayer } from './feeders-layer.ts';
import { createGeneratorsLayer } from './generators-layer.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { createMetersLayer } from './meters-layer.ts';
import { createPolesLayer } from './poles-layer.ts';
import { createProtectiveDevicesLayer } from './protective-devices-layer.ts';
import { createSubstationsLayer } from './substations-layer.ts';
import { createSwitchesLayer } from './switches-layer.ts';
import { createTransformersLayer } from './transformers-layer.ts';
import { createTransmissionLinesLayer } from './transmission-lines-layer.ts';
import { createTreesLayer } from './trees-layer.ts';

export type GridLayerFactory = (props: GridLayerProps) => MVTLayer<FeatureProps>;

export const GRID_LAYER_FACTORIES: Readonly<Record<string, GridLayerFactory>> = {
  transmission_lines: createTransmissionLinesLayer,
  substations: createSubstationsLayer,
  generators: createGeneratorsLayer,
  feeders: createFeedersLayer,
  switches: createSwitchesLayer,
  protective_devices: createProtectiveDevicesLayer,
  poles: createPolesLayer,
  transformers: createTransformersLayer,
  meters: createMetersLayer,
  customers: createCustomersLayer,
  trees: createTreesLayer,
};

/** The factory of a grid layer id, or a generic one for ids without a dedicated style. */
export function gridLayerFactory(id: string): GridLayerFactory {
  return GRID_LAYER_FACTORIES[id] ?? ((props: GridLayerProps) => createGridMvtLayer(props, {}));
}
