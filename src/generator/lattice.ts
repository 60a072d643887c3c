/**
 * The street lattice every generated asset hangs on. Local streets run every BLOCK_KM east–west
 * and north–south; lattice points sit every half block (LATTICE_KM) along the streets, so a point
 * (i, j) is on a street when i or j is even: (even, even) is an intersection, (odd, even) the
 * middle of an east–west block face, (even, odd) the middle of a north–south one.
 */
export const BLOCK_KM = 0.2;
export const LATTICE_KM = BLOCK_KM / 2;
/** Every ARTERIAL_EVERY-th street is an arterial (about a mile apart, as in Houston). */
export const ARTERIAL_EVERY = 8;

export class Lattice {
  /** Blocks per side; block (bi, bj) spans lattice points 2bi..2bi+2, 2bj..2bj+2. */
  readonly blocksPerSide: number;
  /** Lattice points per side. */
  readonly pointsPerSide: number;
  /** Local km coordinate of lattice point 0 on both axes. */
  readonly origin_km: number;

  constructor(radius_km: number) {
    this.blocksPerSide = 2 * Math.ceil(radius_km / BLOCK_KM);
    this.pointsPerSide = 2 * this.blocksPerSide + 1;
    this.origin_km = -(this.blocksPerSide / 2) * BLOCK_KM;
  }

  get blockCount(): number {
    return this.blocksPerSide * this.blocksPerSide;
  }

  x_km(i: number): number {
    return this.origin_km + i * LATTICE_KM;
  }

  /** Nearest lattice index to a km coordinate (same formula on both axes). */
  index(v_km: number): number {
    return Math.round((v_km - this.origin_km) / LATTICE_KM);
  }

  blockIndex(bi: number, bj: number): number {
    return bj * this.blocksPerSide + bi;
  }

  /** Centre of block b in km. */
  blockCentre(b: number): [number, number] {
    const bi = b % this.blocksPerSide;
    const bj = (b - bi) / this.blocksPerSide;
    return [this.x_km(2 * bi + 1), this.x_km(2 * bj + 1)];
  }

  /** Block containing km point (x, y), or -1 outside. */
  blockAt(x_km: number, y_km: number): number {
    const bi = Math.floor((x_km - this.origin_km) / BLOCK_KM);
    const bj = Math.floor((y_km - this.origin_km) / BLOCK_KM);
    if (bi < 0 || bj < 0 || bi >= this.blocksPerSide || bj >= this.blocksPerSide) return -1;
    return this.blockIndex(bi, bj);
  }

  /** A single integer key for lattice point (i, j). */
  key(i: number, j: number): number {
    return j * this.pointsPerSide + i;
  }

  isArterialLine(streetIndex: number): boolean {
    // streetIndex is a lattice index (even); arterials every ARTERIAL_EVERY blocks.
    return (streetIndex / 2) % ARTERIAL_EVERY === 0;
  }
}
