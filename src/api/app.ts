/** Builds the Fastify application. Registers plugins and routes only; the work is in services. */
import compress from '@fastify/compress';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { errorsPlugin, formatSchemaErrors } from './plugins/errors.ts';
import { gridContextPlugin } from './plugins/grid-context.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { analyticsRoutes } from './routes/analytics/index.ts';
import { assetRoutes } from './routes/assets/index.ts';
import { cascadeRoutes } from './routes/cascade/index.ts';
import { datasetRoutes } from './routes/dataset/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { kpiRoutes } from './routes/kpis/index.ts';
import { layerRoutes } from './routes/layers/index.ts';
import { searchRoutes } from './routes/search/index.ts';
import { riskRoutes } from './routes/risk/index.ts';
import { sweepRoutes } from './routes/sweeps/index.ts';
import { tileRoutes } from './routes/tiles/index.ts';
import { traceRoutes } from './routes/trace/index.ts';
import type { GridContext } from './services/grid-context.ts';
import { RiskService } from './services/risk-service.ts';
import { SweepJobs } from './services/sweep-jobs.ts';
import type { TileService } from '../tiles/tile-service.ts';

export interface AppOptions {
  context: GridContext;
  tiles: TileService;
  /** The dataset's directory: sweeps run from it and store there (sweep routes answer 503 without). */
  dataDir?: string;
  /** The risk model file (the risk routes answer 503 without a usable one). */
  riskModelPath?: string;
  /** Directory of the built web app; omitted in API-only tests. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, verbose: true } },
    schemaErrorFormatter: formatSchemaErrors as FastifyServerOptions['schemaErrorFormatter'],
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(errorsPlugin);
  await app.register(openApiPlugin);
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(gridContextPlugin, { context: options.context });
  await app.register(healthRoutes);
  await app.register(datasetRoutes);
  await app.register(layerRoutes);
  await app.register(assetRoutes);
  await app.register(searchRoutes);
  await app.register(traceRoutes);
  await app.register(kpiRoutes);
  await app.register(analyticsRoutes);
  await app.register(cascadeRoutes);
  const hash = options.context.meta.content_hash;
  await app.register(sweepRoutes, {
    jobs: options.dataDir && hash ? new SweepJobs(options.dataDir, String(hash)) : undefined,
  });
  await app.register(riskRoutes, { risk: new RiskService(options.context.model, options.riskModelPath) });
  await app.register(tileRoutes, { tiles: options.tiles });
  if (options.webRoot) await app.register(webAppPlugin, { root: options.webRoot });
  return app;
}
