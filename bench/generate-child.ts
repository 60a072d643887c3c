/**
 * One measured generation, run in its own process so its peak memory is its own:
 * generate + store a scale, print timings and peak RSS as one JSON line.
 */
import { generateGrid } from '../src/generator/generate.ts';
import { modelContentHash } from '../src/model/hash.ts';
import { writeDataset } from '../src/storage/index.ts';

const [scale, dir] = process.argv.slice(2);
const t0 = performance.now();
const model = generateGrid({ scale, seed: 1 });
const t1 = performance.now();
const content_hash = modelContentHash(model);
const { bytes } = await writeDataset(dir, model, { content_hash });
const t2 = performance.now();
let features = 0;
for (const t of Object.values(model.tables)) features += t.size;
console.log(
  JSON.stringify({
    scale,
    features,
    generate_s: (t1 - t0) / 1000,
    store_s: (t2 - t1) / 1000,
    total_s: (t2 - t0) / 1000,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    dataset_mb: bytes / 1e6,
    content_hash,
  }),
);
