/** OpenAPI 3 document at /openapi.json and Swagger UI at /docs, generated from the route schemas. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Flux Ops Center API',
          version: '0.1.0',
          description: 'Grid model, map tiles, tracing, search and KPIs of one dataset.',
        },
        tags: [
          { name: 'system', description: 'Health and readiness' },
          { name: 'grid', description: 'Assets, search, tracing and KPIs' },
          { name: 'map', description: 'Layer catalogue and vector tiles' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
