/** Gradient accumulation loops shared by several ops' backward steps. */

/** acc += factor · g. */
export function accumulate(acc: Float32Array, g: Float32Array, factor: number): void {
  if (factor === 1) for (let i = 0; i < g.length; i++) acc[i] += g[i];
  else for (let i = 0; i < g.length; i++) acc[i] += factor * g[i];
}

/** acc[j] += Σ_i src[i, j] (the gradient of a bias broadcast over rows). */
export function addColumnSums(src: Float32Array, rows: number, cols: number, acc: Float32Array): void {
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) acc[j] += src[row + j];
  }
}
