/**
 * Incremental evaluation for sweeps. A cascade from one asset changes a few feeders; the rest of
 * the distribution grid stays as in the normal state. This evaluator keeps working copies of a
 * full evaluation of the normal state and, per call, redoes the walk, loads and energization of
 * only the feeders the state's change log (and the transmission side) has touched, then runs the
 * (small) transmission power flow in full. Results are the same, bit for bit, as the full
 * evaluation: the walk visits the touched feeders' nodes in the order a full walk would, and
 * every sum adds in the same order. A reset of the state (a new generation) puts the copies back.
 */
import { computeTransmissionLoading } from '../powerflow/transmission-loading.ts';
import { transmissionEnergization } from '../topology/energization.ts';
import type { CascadeContext } from './cascade-context.ts';
import {
  evaluate,
  findOverloads,
  type Evaluation,
  type EvaluationScope,
  type Evaluator,
} from './cascade-evaluation.ts';
import { Change, CascadeState } from './cascade-state.ts';
import { feederIndex, type FeederIndex, type Groups } from './feeder-index.ts';

const members = (g: Groups, k: number) => g.items.subarray(g.start[k], g.start[k + 1]);

export class IncrementalEvaluator implements Evaluator {
  private readonly index: FeederIndex;
  private readonly base: Evaluation;
  private readonly work: Evaluation;
  private readonly baseFeederLive: Uint8Array;
  /** Customers (and critical ones) served per feeder in the normal state. */
  private readonly baseServed: Int32Array;
  private readonly baseCritical: Int32Array;
  /** Normal-state overloads and ties next to dead nodes: always in scope. */
  private readonly baseOverSections: Int32Array;
  private readonly baseOverTransformers: Int32Array;
  private readonly baseDeadTies: Int32Array;
  private readonly dirty: Uint8Array;
  private readonly dirtyList: number[] = [];
  private cursor = 0;
  private lastState?: CascadeState;
  private generation = -1;
  private normal?: Evaluation;
  private readonly below: Float64Array;

  constructor(private readonly ctx: CascadeContext) {
    const t = ctx.model.tables;
    this.index = feederIndex(ctx.model);
    const normal = new CascadeState(ctx.model);
    this.base = evaluate(ctx, normal);
    const b = this.base;
    b.topology.nodeFeeder.forEach((f, n) => {
      if (f >= 0 && f !== this.index.nodeFeeder[n])
        throw new Error(`incremental evaluation: ${t.dist_nodes.ids[n]} is fed by another feeder normally`);
    });
    const e = b.energization;
    this.work = {
      ...b,
      energization: {
        ...e,
        line_sections: e.line_sections!.slice(),
        transformers: e.transformers!.slice(),
        customers: e.customers!.slice(),
      },
      topology: {
        nodeEnergized: b.topology.nodeEnergized.slice(),
        parentEdge: b.topology.parentEdge.slice(),
        parentNode: b.topology.parentNode.slice(),
        nodeFeeder: b.topology.nodeFeeder.slice(),
        order: b.topology.order,
      },
      node_kw: b.node_kw.slice(),
      scope: undefined,
      transformer_kw: b.transformer_kw.slice(),
      edge_kw: b.edge_kw.slice(),
      feeder_kw: b.feeder_kw.slice(),
    };
    this.baseFeederLive = transmissionEnergization(ctx.model, normal.switching()).feeders;
    const nF = t.feeders.size;
    this.baseServed = new Int32Array(nF);
    this.baseCritical = new Int32Array(nF);
    for (let f = 0; f < nF; f++) {
      for (const x of members(this.index.feederTransformers, f)) {
        for (const c of members(this.index.transformerCustomers, x)) {
          if (!e.customers![c]) continue;
          this.baseServed[f]++;
          if (t.customers.cols.critical[c] > 0) this.baseCritical[f]++;
        }
      }
    }
    const over = findOverloads(ctx, normal, b);
    this.baseOverSections = Int32Array.from(
      over.filter((o) => o.table === 'line_sections').map((o) => o.index),
    );
    this.baseOverTransformers = Int32Array.from(
      over.filter((o) => o.table === 'transformers').map((o) => o.index),
    );
    const sw = t.switches.cols;
    const deadTies: number[] = [];
    for (let k = 0; k < t.switches.size; k++) {
      if (
        sw.kind[k] === 1 &&
        (!b.topology.nodeEnergized[sw.node_a[k]] || !b.topology.nodeEnergized[sw.node_b[k]])
      )
        deadTies.push(k);
    }
    this.baseDeadTies = Int32Array.from(deadTies);
    this.work.energization.dist_nodes = this.work.topology.nodeEnergized;
    this.dirty = new Uint8Array(nF);
    this.below = new Float64Array(t.dist_nodes.size);
  }

  evaluate(state: CascadeState): Evaluation {
    if (state !== this.lastState || state.generation !== this.generation) this.restore();
    this.lastState = state;
    this.generation = state.generation;
    const t = this.ctx.model.tables;
    const idx = this.index;
    const log = state.log;
    for (; this.cursor < log.length; this.cursor += 2) {
      const k = log[this.cursor + 1];
      switch (log[this.cursor]) {
        case Change.Section:
          this.touch(idx.nodeFeeder[t.line_sections.cols.to_node[k]]);
          break;
        case Change.Node:
          this.touch(idx.nodeFeeder[k]);
          break;
        case Change.Tie:
          this.touch(idx.nodeFeeder[t.switches.cols.node_a[k]]);
          this.touch(idx.nodeFeeder[t.switches.cols.node_b[k]]);
          break;
        case Change.Transformer:
          this.touch(idx.nodeFeeder[t.transformers.cols.node[k]]);
          break;
        case Change.Meter:
          this.touch(idx.nodeFeeder[t.transformers.cols.node[t.meters.cols.transformer[k]]]);
          break;
        case Change.Feeder:
          this.touch(k);
          break;
        case Change.SubstationTransformer:
          for (const f of members(idx.stxFeeders, k)) this.touch(f);
          break;
        case Change.Pickup:
          this.touch(idx.nodeFeeder[k]);
          break;
        default:
          break; // transmission changes reach feeders through their heads' supply, below
      }
    }
    const feederLive = transmissionEnergization(this.ctx.model, state.switching()).feeders;
    for (let f = 0; f < feederLive.length; f++) if (feederLive[f] !== this.baseFeederLive[f]) this.touch(f);
    if (this.dirtyList.length) return this.recompute(state, feederLive);
    // Nothing touched yet: the normal state's flows, solved once (every run starts here).
    if (log.length === 0)
      return (this.normal ??= this.transmission(state, {
        ...this.work,
        scope: this.scope(new Int32Array(0)),
      }));
    return this.transmission(state, { ...this.work, scope: this.scope(new Int32Array(0)) });
  }

  private touch(f: number): void {
    if (f < 0 || this.dirty[f]) return;
    this.dirty[f] = 1;
    this.dirtyList.push(f);
  }

  /** Redo the distribution side of the touched feeders, then the transmission side. */
  private recompute(state: CascadeState, feederLive: Uint8Array): Evaluation {
    const t = this.ctx.model.tables;
    const idx = this.index;
    const w = this.work;
    const topo = w.topology;
    const feeders = Int32Array.from(this.dirtyList).sort();
    for (const f of feeders) this.clearFeeder(f);
    // The walk of switchedTopology, from the touched heads only (in feeder order): closed ties
    // only ever join touched feeders, so it never leaves them.
    const order: number[] = [];
    const heads = t.feeders.cols.head_node;
    for (const f of feeders) {
      const h = heads[f];
      if (!feederLive[f] || topo.nodeEnergized[h]) continue;
      topo.nodeEnergized[h] = 1;
      topo.nodeFeeder[h] = f;
      order.push(h);
    }
    const adj = this.ctx.adjacency;
    for (let q = 0; q < order.length; q++) {
      const n = order[q];
      for (let k = adj.offsets[n]; k < adj.offsets[n + 1]; k++) {
        const e = adj.edge[k];
        const closed = e < adj.nSections ? !state.sectionsOpen[e] : state.tiesClosed[e - adj.nSections] === 1;
        const m = adj.neighbour[k];
        if (!closed || topo.nodeEnergized[m]) continue;
        topo.nodeEnergized[m] = 1;
        topo.parentEdge[m] = e;
        topo.parentNode[m] = n;
        topo.nodeFeeder[m] = topo.nodeFeeder[n];
        order.push(m);
      }
    }
    // Energization and load of the touched feeders' equipment, summed as evaluate() does.
    const en = w.energization;
    const sec = t.line_sections.cols;
    let served = 0;
    let critical = 0;
    let baseServed = 0;
    let baseCritical = 0;
    for (const f of feeders) {
      baseServed += this.baseServed[f];
      baseCritical += this.baseCritical[f];
      for (const s of members(idx.feederSections, f)) {
        en.line_sections![s] =
          !state.sectionsOpen[s] && topo.nodeEnergized[sec.from_node[s]] && topo.nodeEnergized[sec.to_node[s]]
            ? 1
            : 0;
      }
      for (const x of members(idx.feederTransformers, f)) {
        const node = t.transformers.cols.node[x];
        const on = topo.nodeEnergized[node] && !state.transformersOut[x] ? 1 : 0;
        en.transformers![x] = on;
        const demand = this.ctx.coldLoad.customer_kw[state.pickup[node]];
        let kw = 0;
        for (const c of members(idx.transformerCustomers, x)) {
          const live = on && !state.metersOut[t.customers.cols.meter[c]] ? 1 : 0;
          en.customers![c] = live;
          if (!live) continue;
          served++;
          if (t.customers.cols.critical[c] > 0) critical++;
          kw += demand[c];
        }
        w.transformer_kw[x] = kw;
      }
      for (const n of members(idx.feederNodes, f)) {
        let kw = 0;
        for (const x of members(idx.nodeTransformers, n)) kw += w.transformer_kw[x];
        w.node_kw[n] = kw;
        this.below[n] = kw;
      }
    }
    // Loads leaves-to-head along the walk (switchedEdgeLoads on the touched part).
    for (let k = order.length - 1; k >= 0; k--) {
      const n = order[k];
      const e = topo.parentEdge[n];
      if (e < 0) {
        w.feeder_kw[topo.nodeFeeder[n]] += this.below[n];
        continue;
      }
      w.edge_kw[e] = this.below[n];
      this.below[topo.parentNode[n]] += this.below[n];
    }
    return this.transmission(state, {
      ...w,
      customersServed: this.base.customersServed - baseServed + served,
      criticalServed: this.base.criticalServed - baseCritical + critical,
      scope: this.scope(feeders),
    });
  }

  /** Substation demand from the feeders, and the transmission power flow it drives. */
  private transmission(state: CascadeState, w: Evaluation): Evaluation {
    const t = this.ctx.model.tables;
    const substation_mw = new Float64Array(t.substations.size);
    t.feeders.cols.substation.forEach((s, f) => (substation_mw[s] += w.feeder_kw[f] / 1000));
    const transmission = computeTransmissionLoading(
      t,
      substation_mw,
      this.ctx.conditions,
      this.ctx.model.meta.base_mva,
      { linesOut: state.linesOut, generatorsOut: state.generatorsOut },
    );
    const served_mw = substation_mw.reduce((a, v) => a + v, 0) - transmission.unserved_mw;
    return { ...w, substation_mw, transmission, served_mw };
  }

  /** A touched feeder before the walk: every node dead, no load through anything. */
  private clearFeeder(f: number): void {
    const idx = this.index;
    const w = this.work;
    const nSec = this.ctx.model.tables.line_sections.size;
    for (const n of members(idx.feederNodes, f)) {
      w.topology.nodeEnergized[n] = 0;
      w.topology.parentEdge[n] = -1;
      w.topology.parentNode[n] = -1;
      w.topology.nodeFeeder[n] = -1;
    }
    for (const s of members(idx.feederSections, f)) w.edge_kw[s] = 0;
    for (const k of members(idx.feederTies, f)) w.edge_kw[nSec + k] = 0;
    w.feeder_kw[f] = 0;
  }

  private scope(feeders: Int32Array): EvaluationScope {
    const idx = this.index;
    const dirty = this.dirty;
    const t = this.ctx.model.tables;
    const gather = (g: Groups, extra: Int32Array, feederOf: (i: number) => number) => {
      const out: number[] = [];
      for (const f of feeders) for (const i of members(g, f)) out.push(i);
      for (const i of extra) if (!dirty[feederOf(i)]) out.push(i);
      return Int32Array.from(new Set(out)).sort();
    };
    return {
      sections: gather(
        idx.feederSections,
        this.baseOverSections,
        (s) => idx.nodeFeeder[t.line_sections.cols.to_node[s]],
      ),
      transformers: gather(
        idx.feederTransformers,
        this.baseOverTransformers,
        (x) => idx.nodeFeeder[t.transformers.cols.node[x]],
      ),
      ties: gather(idx.feederTies, this.baseDeadTies, () => -1),
    };
  }

  /** Copy one feeder's distribution arrays from `from` into `to`. */
  private copyFeeder(f: number, from: Evaluation, to: Evaluation): void {
    const idx = this.index;
    const t = this.ctx.model.tables;
    for (const n of members(idx.feederNodes, f)) {
      to.topology.nodeEnergized[n] = from.topology.nodeEnergized[n];
      to.topology.parentEdge[n] = from.topology.parentEdge[n];
      to.topology.parentNode[n] = from.topology.parentNode[n];
      to.topology.nodeFeeder[n] = from.topology.nodeFeeder[n];
      to.node_kw[n] = from.node_kw[n];
    }
    for (const s of members(idx.feederSections, f)) {
      to.energization.line_sections![s] = from.energization.line_sections![s];
      to.edge_kw[s] = from.edge_kw[s];
    }
    for (const k of members(idx.feederTies, f))
      to.edge_kw[t.line_sections.size + k] = from.edge_kw[t.line_sections.size + k];
    for (const x of members(idx.feederTransformers, f)) {
      to.energization.transformers![x] = from.energization.transformers![x];
      to.transformer_kw[x] = from.transformer_kw[x];
      for (const c of members(idx.transformerCustomers, x))
        to.energization.customers![c] = from.energization.customers![c];
    }
    to.feeder_kw[f] = from.feeder_kw[f];
  }

  /** Back to the normal state after the cascade's state was reset. */
  private restore(): void {
    for (const f of this.dirtyList) {
      this.copyFeeder(f, this.base, this.work);
      this.dirty[f] = 0;
    }
    this.dirtyList.length = 0;
    this.cursor = 0;
  }
}
