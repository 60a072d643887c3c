/** A real app over a generated sample grid, shared by the API tests (no mocks). */
import { buildApp } from '../../src/api/app.ts';
import { buildGridContext, type GridContext } from '../../src/api/services/grid-context.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { TileService } from '../../src/tiles/tile-service.ts';

export async function sampleApp(seed = 1) {
  const model = generateGrid({ scale: 'sample', seed });
  const context: GridContext = buildGridContext(model, {
    ...model.meta,
    schema_version: 1,
    content_hash: modelContentHash(model),
  });
  const tiles = new TileService(model, { energization: context.energization, loading: context.loading });
  const app = await buildApp({ context, tiles });
  await app.ready();
  return { app, model, context };
}
