/**
 * Serves the built web app (web/dist) at /, with the SPA's index.html for client-side routes.
 * When the app has not been built, / answers with how to build it instead of a blank page.
 */
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';

export const webAppPlugin = fp<{ root: string }>(
  async (app, opts) => {
    if (!existsSync(`${opts.root}/index.html`)) {
      app.get('/', { schema: { hide: true } }, async (_req, reply) =>
        reply
          .type('text/plain')
          .send(
            `The web app is not built: run 'npm run build:web' (npm start does this for you).\nAPI: /docs\n`,
          ),
      );
      return;
    }
    await app.register(fastifyStatic, {
      root: opts.root,
      prefix: '/',
      index: 'index.html',
      maxAge: '1h',
      immutable: false,
    });
  },
  { name: 'web-app' },
);
