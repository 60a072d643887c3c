/**
 * Approximate minimum degree (AMD) fill-reducing ordering of a symmetric sparse pattern.
 *
 * Follows the algorithm of Amestoy, Davis & Duff (SIAM J. Matrix Anal. Appl. 17(4), 1996):
 * elimination on a quotient graph (eliminated pivots become "elements" holding the variables
 * they connect), approximate external degrees
 *   d_i = min(n − k − |i|, d_i_old + |L_p \ i|, |A_i \ i| + |L_p \ i| + Σ_{e ∈ E_i \ p} |L_e \ L_p|),
 * element absorption (including aggressive absorption of elements with L_e ⊆ L_p) and
 * supervariable detection by hashing (indistinguishable variables are merged and ordered
 * together). Dense-row handling and mass elimination are omitted: power-grid matrices have
 * neither dense rows nor large cliques, and supervariable detection covers the mass case.
 *
 * The ordering only affects fill and speed, never the correctness of the factorization.
 */
import type { CsrMatrix } from './csr.ts';

const VARIABLE = 0;
const ELEMENT = 1;
/** An element absorbed into a later one, or a variable merged into its supervariable. */
const DEAD = 2;

const EMPTY: number[] = [];

/**
 * Computes an AMD ordering of the pattern of the symmetric matrix A (both triangles stored;
 * the diagonal and values are ignored). Returns perm with perm[k] = original index of the k-th
 * pivot.
 *
 * @example
 * const perm = amdOrder(A); // then factor P·A·Pᵀ
 */
export function amdOrder(A: CsrMatrix): Int32Array {
  const n = A.n;
  const { rowPtr, colIdx } = A;
  const adjVars: number[][] = new Array(n); // A_i: variables still adjacent through original edges
  const adjElems: number[][] = new Array(n); // E_i: elements adjacent to variable i
  const elemVars: number[][] = new Array(n); // L_e: variables of element e
  const elemWeight = new Int32Array(n); // Σ nv over L_e (invariant while e lives)
  const nv = new Int32Array(n).fill(1); // supervariable sizes (0 for merged variables)
  const status = new Uint8Array(n);
  const degree = new Int32Array(n);
  const extDeg = new Int32Array(n);
  const head = new Int32Array(n + 1).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const inLp = new Int32Array(n).fill(-1); // == step when the node is p or in L_p
  const wStep = new Int32Array(n).fill(-1);
  const w = new Int32Array(n); // |L_e \ L_p| for elements touched in this step
  const tag = new Int32Array(n).fill(-1);
  let tagCounter = 0;
  const chainNext = new Int32Array(n).fill(-1);
  const chainTail = new Int32Array(n);
  const perm = new Int32Array(n);

  const insert = (i: number, d: number): void => {
    degree[i] = d;
    prev[i] = -1;
    next[i] = head[d];
    if (head[d] >= 0) prev[head[d]] = i;
    head[d] = i;
  };
  const remove = (i: number): void => {
    if (prev[i] >= 0) next[prev[i]] = next[i];
    else head[degree[i]] = next[i];
    if (next[i] >= 0) prev[next[i]] = prev[i];
  };

  for (let i = 0; i < n; i++) {
    const adj: number[] = [];
    for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) if (colIdx[q] !== i) adj.push(colIdx[q]);
    adjVars[i] = adj;
    adjElems[i] = [];
    elemVars[i] = EMPTY;
    chainTail[i] = i;
    insert(i, adj.length);
  }

  let minDeg = 0;
  let k = 0; // number of variables eliminated (weighted)
  let out = 0;
  for (let step = 0; k < n; step++) {
    while (head[minDeg] < 0) minDeg++;
    const p = head[minDeg];
    remove(p);

    // Form L_p = (A_p ∪ ⋃_{e ∈ E_p} L_e) \ p and absorb the elements of E_p.
    inLp[p] = step;
    const Lp: number[] = [];
    let degLp = 0;
    for (const j of adjVars[p]) {
      if (status[j] === VARIABLE && inLp[j] !== step) {
        inLp[j] = step;
        Lp.push(j);
        degLp += nv[j];
      }
    }
    for (const e of adjElems[p]) {
      if (status[e] !== ELEMENT) continue;
      for (const j of elemVars[e]) {
        if (status[j] === VARIABLE && inLp[j] !== step) {
          inLp[j] = step;
          Lp.push(j);
          degLp += nv[j];
        }
      }
      status[e] = DEAD;
      elemVars[e] = EMPTY;
    }
    status[p] = ELEMENT;
    elemVars[p] = Lp;
    elemWeight[p] = degLp;
    adjVars[p] = EMPTY;
    adjElems[p] = EMPTY;
    for (let j = p; j >= 0; j = chainNext[j]) perm[out++] = j;
    k += nv[p];

    // |L_e \ L_p| for every live element adjacent to L_p.
    for (const i of Lp) {
      remove(i);
      for (const e of adjElems[i]) {
        if (status[e] !== ELEMENT) continue;
        if (wStep[e] !== step) {
          wStep[e] = step;
          w[e] = elemWeight[e];
        }
        w[e] -= nv[i];
      }
    }

    // Prune A_i and E_i, absorb covered elements, hash the lists for supervariable detection.
    const buckets = new Map<number, number[]>();
    for (const i of Lp) {
      const elems: number[] = [];
      let hash = p;
      let extE = 0;
      for (const e of adjElems[i]) {
        if (status[e] !== ELEMENT) continue;
        if (w[e] <= 0) {
          status[e] = DEAD; // aggressive absorption: L_e ⊆ L_p
          elemVars[e] = EMPTY;
          continue;
        }
        elems.push(e);
        hash += e;
        extE += w[e];
      }
      elems.push(p);
      const vars: number[] = [];
      let sumA = 0;
      for (const j of adjVars[i]) {
        if (status[j] === VARIABLE && inLp[j] !== step) {
          vars.push(j);
          hash += j;
          sumA += nv[j];
        }
      }
      adjElems[i] = elems;
      adjVars[i] = vars;
      extDeg[i] = sumA + extE;
      hash = hash % 1_000_003;
      const bucket = buckets.get(hash);
      if (bucket) bucket.push(i);
      else buckets.set(hash, [i]);
    }

    // Merge indistinguishable variables (same A and E after pruning).
    for (const bucket of buckets.values()) {
      for (let a = 0; a < bucket.length; a++) {
        const i = bucket[a];
        if (status[i] !== VARIABLE || bucket.length === 1) continue;
        tagCounter++;
        for (const x of adjVars[i]) tag[x] = tagCounter;
        for (const x of adjElems[i]) tag[x] = tagCounter;
        for (let b = a + 1; b < bucket.length; b++) {
          const j = bucket[b];
          if (status[j] !== VARIABLE) continue;
          if (adjVars[j].length !== adjVars[i].length || adjElems[j].length !== adjElems[i].length) continue;
          let same = true;
          for (const x of adjVars[j]) if (tag[x] !== tagCounter) same = false;
          for (const x of adjElems[j]) if (tag[x] !== tagCounter) same = false;
          if (!same) continue;
          nv[i] += nv[j];
          nv[j] = 0;
          status[j] = DEAD;
          adjVars[j] = EMPTY;
          adjElems[j] = EMPTY;
          chainNext[chainTail[i]] = j;
          chainTail[i] = chainTail[j];
        }
      }
    }

    // Approximate external degrees of the surviving variables of L_p.
    for (const i of Lp) {
      if (status[i] !== VARIABLE) continue;
      const others = degLp - nv[i];
      let d = Math.min(extDeg[i] + others, degree[i] + others, n - k - nv[i]);
      if (d < 0) d = 0;
      insert(i, d);
      if (d < minDeg) minDeg = d;
    }
  }
  return perm;
}

/** Inverse of a permutation: inv[perm[k]] = k. Throws if perm is not a permutation of 0..n-1. */
export function invertPermutation(perm: Int32Array): Int32Array {
  const n = perm.length;
  const inv = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = perm[k];
    if (i < 0 || i >= n || inv[i] !== -1) throw new Error(`amd: not a permutation (entry ${k} = ${i})`);
    inv[i] = k;
  }
  return inv;
}
