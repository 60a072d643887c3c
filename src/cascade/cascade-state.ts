/**
 * The mutable state of one cascade run: what has failed, what is open, which ties are closed.
 * Every change goes through a method that also logs it, so an incremental evaluation can find
 * the feeders a wave touched and a sweep can reset the state in time proportional to the change.
 */
import type { GridModel, TableName } from '../model/grid-model.ts';
import type { SwitchingState } from '../topology/energization.ts';

/** What a change-log entry refers to. */
export const Change = {
  Line: 0,
  Generator: 1,
  Substation: 2,
  SubstationTransformer: 3,
  Section: 4,
  Node: 5,
  Tie: 6,
  Transformer: 7,
  Meter: 8,
  Feeder: 9,
  Pickup: 10,
} as const;

/** Sections leaving each feeder head (opened when the feeder is shed or loses its transformer). */
const getawayCache = new WeakMap<GridModel, Int32Array[]>();

function getawaySections(model: GridModel): Int32Array[] {
  let out = getawayCache.get(model);
  if (out) return out;
  const t = model.tables;
  const headFeeder = new Map<number, number>();
  t.feeders.cols.head_node.forEach((h, f) => headFeeder.set(h, f));
  const lists: number[][] = Array.from({ length: t.feeders.size }, () => []);
  t.line_sections.cols.from_node.forEach((a, s) => {
    const f = headFeeder.get(a);
    if (f !== undefined) lists[f].push(s);
  });
  out = lists.map((l) => Int32Array.from(l));
  getawayCache.set(model, out);
  return out;
}

export class CascadeState {
  readonly linesOut: Uint8Array;
  readonly generatorsOut: Uint8Array;
  readonly substationsOut: Uint8Array;
  readonly stxOut: Uint8Array;
  /** Open sections: failed, opened by protection or isolation, or the getaway of a feeder off. */
  readonly sectionsOpen: Uint8Array;
  readonly sectionsFailed: Uint8Array;
  readonly tiesClosed: Uint8Array;
  readonly tiesFailed: Uint8Array;
  readonly transformersOut: Uint8Array;
  readonly metersOut: Uint8Array;
  /** Feeders shed by under-frequency load shedding or lost with their substation transformer. */
  readonly feedersOff: Uint8Array;
  /** Nodes inside faulted zones: dark until repair, never restored by a tie. */
  readonly blockedNodes: Uint8Array;
  /**
   * How restoration re-energized each node after an interruption (a Pickup code of
   * cold-load.ts; 0: never interrupted): its customers then draw their cold-load demand.
   */
  readonly pickup: Uint8Array;
  /** Nodes with a pickup, in the order they were first picked up. */
  readonly pickedUp: number[] = [];
  /** Pairs (Change, index), in the order the changes were made. */
  readonly log: number[] = [];
  /** Bumped by every reset, so evaluators that follow the log know to start over. */
  generation = 0;
  private readonly failed = new Set<string>();
  private readonly getaway: Int32Array[];

  constructor(readonly model: GridModel) {
    const t = model.tables;
    this.linesOut = new Uint8Array(t.transmission_lines.size);
    this.generatorsOut = new Uint8Array(t.generators.size);
    this.substationsOut = new Uint8Array(t.substations.size);
    this.stxOut = new Uint8Array(t.substation_transformers.size);
    this.sectionsOpen = new Uint8Array(t.line_sections.size);
    this.sectionsFailed = new Uint8Array(t.line_sections.size);
    this.tiesClosed = new Uint8Array(t.switches.size);
    this.tiesFailed = new Uint8Array(t.switches.size);
    this.transformersOut = new Uint8Array(t.transformers.size);
    this.metersOut = new Uint8Array(t.meters.size);
    this.feedersOff = new Uint8Array(t.feeders.size);
    this.blockedNodes = new Uint8Array(t.dist_nodes.size);
    this.pickup = new Uint8Array(t.dist_nodes.size);
    this.getaway = getawaySections(model);
  }

  hasFailed(table: TableName, index: number): boolean {
    return this.failed.has(`${table}:${index}`);
  }

  /** Marks an asset failed; false when it already was. */
  markFailed(table: TableName, index: number): boolean {
    const key = `${table}:${index}`;
    if (this.failed.has(key)) return false;
    this.failed.add(key);
    return true;
  }

  get failedCount(): number {
    return this.failed.size;
  }

  lineOut(l: number): void {
    this.linesOut[l] = 1;
    this.log.push(Change.Line, l);
  }

  generatorOut(g: number): void {
    this.generatorsOut[g] = 1;
    this.log.push(Change.Generator, g);
  }

  substationOut(s: number): void {
    this.substationsOut[s] = 1;
    this.log.push(Change.Substation, s);
  }

  /** A substation transformer lost: every feeder on it goes with it. */
  substationTransformerOut(k: number): void {
    this.stxOut[k] = 1;
    this.log.push(Change.SubstationTransformer, k);
    this.model.tables.feeders.cols.substation_transformer.forEach((kk, f) => kk === k && this.openGetaway(f));
  }

  /** A feeder switched off at its head (shed, or tripped as a whole). */
  feederOff(f: number): void {
    this.feedersOff[f] = 1;
    this.log.push(Change.Feeder, f);
    this.openGetaway(f);
  }

  openSection(s: number): void {
    this.sectionsOpen[s] = 1;
    this.log.push(Change.Section, s);
  }

  failSection(s: number): void {
    this.sectionsFailed[s] = 1;
    this.openSection(s);
  }

  blockNode(n: number): void {
    this.blockedNodes[n] = 1;
    this.log.push(Change.Node, n);
  }

  closeTie(k: number): void {
    this.tiesClosed[k] = 1;
    this.log.push(Change.Tie, k);
  }

  failTie(k: number): void {
    this.tiesFailed[k] = 1;
    this.tiesClosed[k] = 0;
    this.log.push(Change.Tie, k);
  }

  /** Node n re-energized by restoration of kind `kind`; a longer interruption (higher kind) wins. */
  pickUp(n: number, kind: number): void {
    if (kind <= this.pickup[n]) return;
    if (!this.pickup[n]) this.pickedUp.push(n);
    this.pickup[n] = kind;
    this.log.push(Change.Pickup, n);
  }

  transformerOut(x: number): void {
    this.transformersOut[x] = 1;
    this.log.push(Change.Transformer, x);
  }

  meterOut(m: number): void {
    this.metersOut[m] = 1;
    this.log.push(Change.Meter, m);
  }

  /** Back to the normal state, touching only what the log says changed. */
  reset(): void {
    const log = this.log;
    for (let i = 0; i < log.length; i += 2) {
      const k = log[i + 1];
      switch (log[i]) {
        case Change.Line:
          this.linesOut[k] = 0;
          break;
        case Change.Generator:
          this.generatorsOut[k] = 0;
          break;
        case Change.Substation:
          this.substationsOut[k] = 0;
          break;
        case Change.SubstationTransformer:
          this.stxOut[k] = 0;
          break;
        case Change.Section:
          this.sectionsOpen[k] = 0;
          this.sectionsFailed[k] = 0;
          break;
        case Change.Node:
          this.blockedNodes[k] = 0;
          break;
        case Change.Tie:
          this.tiesClosed[k] = 0;
          this.tiesFailed[k] = 0;
          break;
        case Change.Transformer:
          this.transformersOut[k] = 0;
          break;
        case Change.Meter:
          this.metersOut[k] = 0;
          break;
        case Change.Feeder:
          this.feedersOff[k] = 0;
          break;
        case Change.Pickup:
          this.pickup[k] = 0;
          break;
      }
    }
    log.length = 0;
    this.pickedUp.length = 0;
    this.failed.clear();
    this.generation++;
  }

  /** The switching state energization reads. */
  switching(): SwitchingState {
    return {
      linesOut: this.linesOut,
      generatorsOut: this.generatorsOut,
      substationsOut: this.substationsOut,
      sectionsOpen: this.sectionsOpen,
      tiesClosed: this.tiesClosed,
      transformersOut: this.transformersOut,
      metersOut: this.metersOut,
    };
  }

  private openGetaway(f: number): void {
    for (const s of this.getaway[f]) this.openSection(s);
  }
}
