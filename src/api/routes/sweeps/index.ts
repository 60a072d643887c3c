/**
 * Sweep jobs: start (or resume) a sweep, follow its progress over server-sent events, cancel it,
 * and read its ranked results. Available when the server runs on a stored dataset.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SweepProgress } from '../../../cascade/sweep.ts';
import { HttpError } from '../../plugins/errors.ts';
import { errorResponses, ErrorResponse } from '../../schemas/common.ts';
import {
  SweepIdParams,
  SweepJobResponse,
  SweepList,
  SweepRequest,
  SweepResults,
  SweepResultsQuery,
} from '../../schemas/sweeps.ts';
import { SweepJobs } from '../../services/sweep-jobs.ts';

export const sweepRoutes: FastifyPluginAsyncTypebox<{ jobs?: SweepJobs }> = async (app, opts) => {
  const jobs = () => {
    if (!opts.jobs)
      throw new HttpError(503, 'sweeps need a stored dataset: start the server with flux serve --data DIR');
    return opts.jobs;
  };
  const found = (id: number) => {
    const job = jobs().get(id);
    if (!job) throw new HttpError(404, `no sweep ${id} of this grid`);
    return job;
  };
  if (opts.jobs) app.addHook('onClose', async () => opts.jobs!.close());
  const errors = { ...errorResponses, 409: ErrorResponse, 503: ErrorResponse };

  app.post(
    '/api/cascade/sweeps',
    {
      schema: {
        tags: ['grid'],
        summary: 'Start or resume a sweep: every asset of the tables (or the given ones) as patient zero',
        body: SweepRequest,
        response: { 202: SweepJobResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { scenario, conditions, tables, asset_ids, contingency, restoration, fresh } = request.body;
      const sweep = await jobs().start({
        scenario,
        conditions,
        tables,
        assetIds: asset_ids,
        contingency,
        restoration,
        fresh,
      });
      return reply.status(202).send({ sweep });
    },
  );

  app.get(
    '/api/cascade/sweeps',
    {
      schema: {
        tags: ['grid'],
        summary: 'Sweeps of this grid, newest first',
        response: { 200: SweepList, ...errors },
      },
    },
    async () => ({ sweeps: jobs().list() }),
  );

  app.get(
    '/api/cascade/sweeps/:id',
    {
      schema: {
        tags: ['grid'],
        summary: 'One sweep: status and progress',
        params: SweepIdParams,
        response: { 200: SweepJobResponse, ...errors },
      },
    },
    async (request) => ({ sweep: found(request.params.id) }),
  );

  app.post(
    '/api/cascade/sweeps/:id/cancel',
    {
      schema: {
        tags: ['grid'],
        summary: 'Cancel a running sweep (its stored results stay; starting it again resumes)',
        params: SweepIdParams,
        response: { 200: SweepJobResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const job = found(id);
      if (!(await jobs().cancel(id))) {
        if (job.status === 'running')
          throw new HttpError(
            409,
            `sweep ${id} is running in another process (pid ${job.pid}): stop it there`,
          );
        throw new HttpError(409, `sweep ${id} is not running`);
      }
      return { sweep: found(id) };
    },
  );

  app.get(
    '/api/cascade/sweeps/:id/results',
    {
      schema: {
        tags: ['grid'],
        summary: 'Results of a sweep, ranked (largest first)',
        params: SweepIdParams,
        querystring: SweepResultsQuery,
        response: { 200: SweepResults, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      found(id);
      const { order, table, limit, offset } = request.query;
      return { sweep_id: id, order, results: jobs().results(id, { order, table, limit, offset }) };
    },
  );

  app.get(
    '/api/cascade/sweeps/:id/events',
    {
      schema: {
        tags: ['grid'],
        summary: 'Progress of a sweep as server-sent events ("progress", then "end" when it stops)',
        params: SweepIdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const job = found(request.params.id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('progress', job);
      if (SweepJobs.isTerminal(job.status)) {
        send('end', job);
        res.end();
        return;
      }
      // Keep proxies from timing the stream out between batches.
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15000);
      const unsubscribe = jobs().subscribe(job.id, (p: SweepProgress) => {
        if (p.status === 'loading') return;
        const current = found(job.id);
        send('progress', current);
        if (SweepJobs.isTerminal(p.status)) {
          send('end', current);
          stop();
          res.end();
        }
      });
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.raw.on('close', stop);
    },
  );
};
