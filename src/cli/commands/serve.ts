/** `flux serve`: serves the API, tiles and web app for the dataset in --data. */
import { DEFAULT_MODEL_PATH } from './predict.ts';
import { buildApp } from '../../api/app.ts';
import { buildGridContext } from '../../api/services/grid-context.ts';
import { TileService } from '../../tiles/tile-service.ts';
import { integerFlag, parseFlags } from '../args.ts';
import { ensureWebBuilt, WEB_DIST } from '../web-build.ts';
import { loadDataset, type LoadedDataset } from './info.ts';

/** Tiles up to this zoom are built at start (about 0.2–0.5 s at metro scale). */
export const PREWARM_MAX_ZOOM = 11;

const usage = `usage: flux serve [--data DIR] [--port N] [--host ADDR]

Serves the web app, the API (/api, docs at /docs) and vector tiles (/tiles) for the dataset in DIR
(default ./data or $FLUX_DATA) on http://HOST:PORT (default 127.0.0.1:8080, or $HOST/$PORT).`;

/** Serves the dataset in `dir` (or one already loaded from it). */
export async function serveDataset(
  dir: string,
  port: number,
  host: string,
  loaded?: LoadedDataset,
): Promise<void> {
  ensureWebBuilt();
  const started = performance.now();
  const { model, meta } = loaded ?? (await loadDataset(dir));
  const context = buildGridContext(model, meta);
  const tiles = new TileService(context.model, {
    energization: context.energization,
    loading: context.loading,
  });
  const app = await buildApp({
    context,
    tiles,
    dataDir: dir,
    riskModelPath: process.env.FLUX_RISK_MODEL ?? DEFAULT_MODEL_PATH,
    webRoot: WEB_DIST,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  await app.listen({ port, host });
  console.log(`loaded ${context.model.meta.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`Flux Ops Center on http://${host}:${port}  (API docs: http://${host}:${port}/docs)`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function serveFlags(command: string, argv: string[]) {
  const flags = parseFlags(command, argv, {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  });
  return {
    dir: flags.data ?? process.env.FLUX_DATA ?? 'data',
    port: integerFlag(command, 'port', flags.port ?? process.env.PORT, 8080),
    host: flags.host ?? process.env.HOST ?? '127.0.0.1',
  };
}

export const serveCommand = {
  summary: 'serve the map, API and tiles for a dataset',
  usage,
  async run(argv: string[]): Promise<number> {
    const { dir, port, host } = serveFlags('serve', argv);
    await serveDataset(dir, port, host);
    return await new Promise<number>(() => {});
  },
};
