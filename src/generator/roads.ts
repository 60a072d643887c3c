/**
 * Road centrelines for the map: every street line that borders a developed block (merged into
 * runs), arterials every mile, and freeway loops and radials like a Texas metro's.
 */
import { LATTICE_KM, type Lattice } from './lattice.ts';
import { streetName } from './names.ts';

export const ROAD_FREEWAY = 0;
export const ROAD_ARTERIAL = 1;
export const ROAD_LOCAL = 2;

export interface Roads {
  lines: number[][];
  cls: number[];
  name: string[];
}

const RADIALS = [
  'North Freeway',
  'Eastex Freeway',
  'East Freeway',
  'Gulf Freeway',
  'South Freeway',
  'Southwest Freeway',
  'Katy Freeway',
  'Northwest Freeway',
];

export function buildRoads(lattice: Lattice, developed: Uint8Array, radius_km: number): Roads {
  const roads: Roads = { lines: [], cls: [], name: [] };
  const nb = lattice.blocksPerSide;
  const isDev = (bi: number, bj: number) =>
    bi >= 0 && bj >= 0 && bi < nb && bj < nb && developed[lattice.blockIndex(bi, bj)] === 1;
  for (const horizontal of [true, false]) {
    for (let line = 0; line <= nb; line++) {
      let start = -1;
      for (let k = 0; k <= nb; k++) {
        // Street segment k of this line borders blocks on either side.
        const on =
          k < nb &&
          (horizontal ? isDev(k, line) || isDev(k, line - 1) : isDev(line, k) || isDev(line - 1, k));
        if (on && start < 0) start = k;
        if (!on && start >= 0) {
          const a = lattice.x_km(2 * start);
          const b = lattice.x_km(2 * k);
          const c = lattice.x_km(2 * line);
          roads.lines.push(horizontal ? [a, c, b, c] : [c, a, c, b]);
          const arterial = lattice.isArterialLine(2 * line);
          roads.cls.push(arterial ? ROAD_ARTERIAL : ROAD_LOCAL);
          roads.name.push(streetName(2 * line, horizontal, arterial));
          start = -1;
        }
      }
    }
  }
  const ring = (r: number, name: string) => {
    const pts: number[] = [];
    for (let k = 0; k <= 96; k++) {
      const a = (2 * Math.PI * k) / 96;
      pts.push(r * Math.cos(a), r * Math.sin(a));
    }
    roads.lines.push(pts);
    roads.cls.push(ROAD_FREEWAY);
    roads.name.push(name);
  };
  ring(0.2 * radius_km, 'Inner Loop');
  ring(0.5 * radius_km, 'Beltway');
  RADIALS.forEach((name, k) => {
    const a = (2 * Math.PI * (k + 0.5)) / RADIALS.length;
    const pts: number[] = [];
    for (let r = 0.03 * radius_km; r <= radius_km; r += Math.max(LATTICE_KM, radius_km / 40)) {
      pts.push(r * Math.cos(a), r * Math.sin(a));
    }
    if (pts.length >= 4) {
      roads.lines.push(pts);
      roads.cls.push(ROAD_FREEWAY);
      roads.name.push(name);
    }
  });
  return roads;
}
