/**
 * Everything a cascade needs that does not change between runs on one model and conditions:
 * topology, demand, emergency limits, where protection and switches sit, normal exposure
 * (customers below each asset) and weather hazard probabilities. Built once, shared by sweeps.
 */
import { derateBranches } from '../model/branch-rating.ts';
import type { GridModel } from '../model/grid-model.ts';
import { customerDemandsKw } from '../model/load-model.ts';
import type { OperatingConditions } from '../model/operating-conditions.ts';
import { EMERGENCY_RATING_FACTOR, lineRatingFactor, transformerRatingFactor } from '../model/thermal.ts';
import { coldLoadContext, type ColdLoadContext } from './cold-load.ts';
import { buildDistributionGraph, type DistributionGraph } from '../topology/distribution-graph.ts';
import { distributionAdjacency } from '../topology/energization.ts';
import { sumUpTree } from '../topology/subtree-values.ts';
import type { DistributionAdjacency } from '../topology/switched-network.ts';
import type { ScenarioSetting } from './scenarios.ts';
import { weatherHazards } from './weather/hazard.ts';

export interface CascadeContext {
  model: GridModel;
  /** The preset the conditions came from (its name labels results) and the conditions. */
  scenario: ScenarioSetting;
  conditions: OperatingConditions;
  graph: DistributionGraph;
  adjacency: DistributionAdjacency;
  customer_kw: Float64Array;
  /** What customers draw when restoration re-energizes them (cold-load pickup). */
  coldLoad: ColdLoadContext;
  transformer_kw: Float64Array;
  /** Customers on each transformer. */
  transformerCustomers: Int32Array;
  /** Demand of all customers on transformers at each node, energized or not (what a pickup must carry). */
  nodeDemand_kw: Float64Array;
  /** Customers normally below each distribution node (inclusive). */
  nodeCustomers: Int32Array;
  /** Protective device on each section (-1 none). */
  sectionDevice: Int32Array;
  /** 1 where a section can be opened: a protective device or a sectionalizing switch sits on it. */
  switchPoint: Uint8Array;
  /** Emergency limits under the scenario's temperature. */
  sectionLimit_a: Float64Array;
  transformerLimit_kva: Float64Array;
  stxLimit_mva: Float64Array;
  /**
   * Transmission branches trip above their derated rateA (the standard DC cascade model): lines
   * derated as conductors, autotransformers as transformers.
   */
  lineLimit_mw: Float64Array;
  /** Weather (src/cascade/weather/): tree strike on sections, wind on poles, floodwater. */
  sectionHazard: Float64Array;
  poleHazard: Float64Array;
  transformerHazard: Float64Array;
  substationHazard: Float64Array;
  /** Distribution nodes on each pole: pole p holds poleNodes[poleNodeStart[p] .. poleNodeStart[p+1]). */
  poleNodeStart: Int32Array;
  poleNodes: Int32Array;
}

export function buildCascadeContext(model: GridModel, scenario: ScenarioSetting): CascadeContext {
  const t = model.tables;
  const conditions = scenario.conditions;
  const graph = buildDistributionGraph(t);
  const customer_kw = customerDemandsKw(t.customers, conditions);
  const transformer_kw = new Float64Array(t.transformers.size);
  const transformerCustomers = new Int32Array(t.transformers.size);
  for (let c = 0; c < t.customers.size; c++) {
    const x = t.meters.cols.transformer[t.customers.cols.meter[c]];
    transformer_kw[x] += customer_kw[c];
    transformerCustomers[x]++;
  }
  const nodeDemand_kw = new Float64Array(graph.nodeCount);
  t.transformers.cols.node.forEach((n, x) => (nodeDemand_kw[n] += transformer_kw[x]));
  const nodeCustomers = new Int32Array(graph.nodeCount);
  t.transformers.cols.node.forEach((n, x) => (nodeCustomers[n] += transformerCustomers[x]));
  sumUpTree(graph, t.line_sections.cols.from_node, nodeCustomers);

  const sectionDevice = new Int32Array(t.line_sections.size).fill(-1);
  const switchPoint = new Uint8Array(t.line_sections.size);
  t.protective_devices.cols.section.forEach((s, d) => {
    sectionDevice[s] = d;
    switchPoint[s] = 1;
  });
  t.switches.cols.section.forEach((s) => s >= 0 && (switchPoint[s] = 1));

  const temp = conditions.temperature_c;
  const e = EMERGENCY_RATING_FACTOR;
  const lf = lineRatingFactor(temp);
  const tf = transformerRatingFactor(temp);
  const sectionLimit_a = Float64Array.from(t.line_sections.cols.rating_a, (a) => a * lf * e);
  const transformerLimit_kva = Float64Array.from(t.transformers.cols.kva, (k) => k * tf * e);
  const stxLimit_mva = Float64Array.from(t.substation_transformers.cols.rating_mva, (m) => m * tf * e);
  const lineLimit_mw = derateBranches(
    t.transmission_lines.cols.rating_mva,
    t.transmission_lines.cols.kind,
    temp,
  );

  const hazards = weatherHazards(model, conditions);
  const { poleNodeStart, poleNodes } = nodesByPole(model);
  return {
    model,
    scenario,
    conditions,
    graph,
    adjacency: distributionAdjacency(model),
    customer_kw,
    coldLoad: coldLoadContext(t.customers, conditions, customer_kw),
    transformer_kw,
    transformerCustomers,
    nodeDemand_kw,
    nodeCustomers,
    sectionDevice,
    switchPoint,
    sectionLimit_a,
    transformerLimit_kva,
    stxLimit_mva,
    lineLimit_mw,
    sectionHazard: hazards.section,
    poleHazard: hazards.pole,
    transformerHazard: hazards.transformer,
    substationHazard: hazards.substation,
    poleNodeStart,
    poleNodes,
  };
}

/** Nodes grouped by the pole they stand on (a failed pole faults the sections into them). */
function nodesByPole(model: GridModel): { poleNodeStart: Int32Array; poleNodes: Int32Array } {
  const pole = model.tables.dist_nodes.cols.pole;
  const poleNodeStart = new Int32Array(model.tables.poles.size + 1);
  for (let n = 0; n < pole.length; n++) if (pole[n] >= 0) poleNodeStart[pole[n] + 1]++;
  for (let p = 0; p < model.tables.poles.size; p++) poleNodeStart[p + 1] += poleNodeStart[p];
  const fill = poleNodeStart.slice(0, -1);
  const poleNodes = new Int32Array(poleNodeStart[poleNodeStart.length - 1]);
  for (let n = 0; n < pole.length; n++) if (pole[n] >= 0) poleNodes[fill[pole[n]]++] = n;
  return { poleNodeStart, poleNodes };
}
