/**
 * `npm run bench [-- NAME [flags]]`: runs every benchmark, or the one named. Each writes its
 * figures to bench/results/NAME.json.
 */
import { runCascadeBench } from './cascade.ts';
import { runCentralityBench } from './centrality.ts';
import { runConditionsBench } from './conditions.ts';
import { runGenerateBench } from './generate.ts';
import { runGnnBench } from './gnn.ts';
import { runGnnTransmissionBench } from './gnn-transmission.ts';
import { runGnnTensorBench } from './gnn-tensor.ts';
import { runPageLoadBench } from './page-load.ts';
import { runSweepBench } from './sweep.ts';
import { runTilesBench } from './tiles.ts';

const BENCHES: Record<string, (argv: string[]) => Promise<void>> = {
  generate: runGenerateBench,
  tiles: runTilesBench,
  'page-load': runPageLoadBench,
  centrality: runCentralityBench,
  cascade: runCascadeBench,
  sweep: runSweepBench,
  conditions: runConditionsBench,
  'gnn-tensor': runGnnTensorBench,
  gnn: runGnnBench,
  'gnn-transmission': runGnnTransmissionBench,
};

const [name, ...rest] = process.argv.slice(2);
if (name && !BENCHES[name]) {
  console.error(`bench: unknown benchmark '${name}' (have: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
for (const [bench, run] of Object.entries(BENCHES)) {
  if (name && bench !== name) continue;
  console.log(`== bench/${bench}`);
  await run(name ? rest : []);
}
