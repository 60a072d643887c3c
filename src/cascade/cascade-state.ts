/** The mutable state of one cascade run: what has failed, what is open, which ties are closed. */
import type { GridModel, TableName } from '../model/grid-model.ts';
import type { SwitchingState } from '../topology/energization.ts';

export class CascadeState {
  readonly linesOut: Uint8Array;
  readonly generatorsOut: Uint8Array;
  readonly substationsOut: Uint8Array;
  readonly stxOut: Uint8Array;
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
  private readonly failed = new Set<string>();

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

  /** The switching state energization reads: feeders off open their getaway section. */
  switching(): SwitchingState {
    const t = this.model.tables;
    const sectionsOpen = Uint8Array.from(this.sectionsOpen);
    const heads = t.feeders.cols.head_node;
    const fromNode = t.line_sections.cols.from_node;
    const feederOffHead = new Set<number>();
    t.feeders.cols.substation_transformer.forEach((k, f) => {
      if (this.feedersOff[f] || this.stxOut[k]) feederOffHead.add(heads[f]);
    });
    if (feederOffHead.size)
      for (let s = 0; s < sectionsOpen.length; s++) if (feederOffHead.has(fromNode[s])) sectionsOpen[s] = 1;
    return {
      linesOut: this.linesOut,
      generatorsOut: this.generatorsOut,
      substationsOut: this.substationsOut,
      sectionsOpen,
      tiesClosed: this.tiesClosed,
      transformersOut: this.transformersOut,
      metersOut: this.metersOut,
    };
  }
}
