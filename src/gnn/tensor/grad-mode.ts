/**
 * Whether ops record the graph for backward. Inference runs under `noGrad`, which builds no graph
 * and keeps no intermediate tensors alive.
 */
let gradEnabled = true;

export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs `fn` with gradient recording off, restoring the previous mode even if it throws. */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}
