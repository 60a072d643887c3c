/**
 * Training and evaluation examples: for each grid, its graph inputs and, per operating
 * condition, the input features and the simulator's labels of the sampled assets.
 */
import type { ScenarioSetting } from '../../cascade/scenarios.ts';
import { openDataset } from '../../storage/index.ts';
import type { GridModel } from '../../model/grid-model.ts';
import { AssetFeatureBuilder } from '../features/asset-features.ts';
import { generateLabels, type LabelSpec } from '../labels/generate-labels.ts';
import type { ConditionLabels } from '../labels/label-set.ts';
import { graphInputs, type GraphInputs } from '../model/graph-inputs.ts';

export interface Example {
  /** Raw input features [nodes × featureCount] (the scaler is applied at training). */
  x: Float32Array;
  labels: ConditionLabels;
}

export interface GridExamples {
  dataDir: string;
  name: string;
  grid_hash: string;
  model: GridModel;
  builder: AssetFeatureBuilder;
  inputs: GraphInputs;
  featureCount: number;
  examples: Example[];
}

export interface GridExampleSpec extends Omit<LabelSpec, 'settings' | 'dataDir'> {
  dataDir: string;
  settings: readonly ScenarioSetting[];
  log?: (line: string) => void;
}

export async function gridExamples(spec: GridExampleSpec): Promise<GridExamples> {
  const repo = openDataset(spec.dataDir);
  const meta = await repo.readMeta();
  const model = await repo.readModel();
  await repo.close();
  const labels = await generateLabels({ ...spec, dataDir: spec.dataDir });
  const builder = new AssetFeatureBuilder(model);
  const examples: Example[] = [];
  let featureCount = 0;
  for (const l of labels) {
    const f = builder.build(l.setting);
    featureCount = f.featureCount;
    examples.push({ x: f.x, labels: l });
  }
  spec.log?.(`${spec.dataDir}: ${examples.length} conditions, ${builder.graph.nodeCount} assets`);
  return {
    dataDir: spec.dataDir,
    name: meta.name,
    grid_hash: String(meta.content_hash ?? ''),
    model,
    builder,
    inputs: graphInputs(builder.graph),
    featureCount,
    examples,
  };
}
