/** Keeps the parameters of the epoch with the lowest validation loss, to restore when training ends. */
import type { Tensor } from '../tensor/index.ts';

export class BestEpoch {
  loss = Infinity;
  epoch = 0;
  private data: Float32Array[];

  constructor(private readonly params: readonly Tensor[]) {
    this.data = params.map((p) => p.data.slice());
  }

  /** Takes a copy of the parameters when `loss` is the lowest so far. */
  offer(loss: number, epoch: number): void {
    if (!(loss < this.loss)) return;
    this.loss = loss;
    this.epoch = epoch;
    this.data = this.params.map((p) => p.data.slice());
  }

  /** Puts the kept parameters back. */
  restore(): void {
    this.params.forEach((p, i) => p.data.set(this.data[i]));
  }
}
