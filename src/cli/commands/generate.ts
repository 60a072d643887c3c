/** `flux generate`: builds a seeded synthetic grid and writes it as the dataset in --data. */
import { generateGrid } from '../../generator/generate.ts';
import { SCALES } from '../../generator/scales.ts';
import { modelContentHash } from '../../model/hash.ts';
import { writeDataset } from '../../storage/index.ts';
import { integerFlag, lonLatFlag, parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { createProgress } from '../progress.ts';

const usage = `usage: flux generate --scale sample|city|metro [--seed N] [--data DIR] [--center LON,LAT] [--quiet]

Generates a synthetic metro grid and stores it in DIR (default ./data or $FLUX_DATA),
replacing any dataset there atomically. Same scale and seed give the same grid.`;

export interface GenerateResult {
  path: string;
  content_hash: string;
  seconds: number;
}

/** Generates and stores a grid; shared with `flux start`. */
export async function generateDataset(
  scale: string,
  seed: number,
  dir: string,
  opts: { center?: [number, number]; quiet?: boolean } = {},
): Promise<GenerateResult> {
  const started = performance.now();
  const progress = createProgress(`generate ${scale}`, opts.quiet);
  try {
    const model = generateGrid({
      scale,
      seed,
      center: opts.center,
      onProgress: (stage, fraction) => progress.update(stage, fraction * 0.6),
    });
    const content_hash = modelContentHash(model);
    const total = Object.values(model.tables).reduce((n, t) => n + t.size, 0);
    let written = 0;
    const sizes = new Map<string, number>();
    const { path } = await writeDataset(
      dir,
      model,
      { content_hash },
      {
        onProgress: (table, done) => {
          written += done - (sizes.get(table) ?? 0);
          sizes.set(table, done);
          progress.update('storing', 0.6 + (0.4 * written) / total, table);
        },
      },
    );
    return { path, content_hash, seconds: (performance.now() - started) / 1000 };
  } finally {
    progress.stop();
  }
}

export const generateCommand = {
  summary: 'generate a seeded synthetic metro grid into a data directory',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('generate', argv, {
      scale: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      center: { type: 'string' },
      quiet: { type: 'boolean' },
    });
    const scale = flags.scale ?? 'city';
    if (!SCALES[scale]) {
      throw new CliError(
        `generate: --scale must be one of ${Object.keys(SCALES).join(', ')}, got '${scale}'`,
      );
    }
    const seed = integerFlag('generate', 'seed', flags.seed, 1);
    const center = lonLatFlag('generate', 'center', flags.center);
    const dir = flags.data ?? process.env.FLUX_DATA ?? 'data';
    const result = await generateDataset(scale, seed, dir, { center, quiet: flags.quiet });
    console.log(`generated ${scale} grid (seed ${seed}) in ${result.seconds.toFixed(1)} s → ${result.path}`);
    console.log(`content hash ${result.content_hash}`);
    return 0;
  },
};
