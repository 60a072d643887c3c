/** Makes the loaded GridContext available to every route as `app.grid`. */
import fp from 'fastify-plugin';
import type { GridContext } from '../services/grid-context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    grid: GridContext;
  }
}

export const gridContextPlugin = fp<{ context: GridContext }>(
  async (app, opts) => {
    app.decorate('grid', opts.context);
  },
  { name: 'grid-context' },
);
