/** Every coordinate of every asset lies inside the dataset's region. */
import { TABLE_SPECS, type GridModel } from '../model/grid-model.ts';
import { inBbox } from '../model/geo.ts';

export function checkCoordinates(model: GridModel): { name: string; ok: boolean; detail: string } {
  const region = model.meta.region;
  let total = 0;
  for (const spec of TABLE_SPECS) {
    const table = model.tables[spec.name];
    if (spec.geometry === 'point') {
      const { lon, lat } = table.cols as unknown as { lon: Float64Array; lat: Float64Array };
      for (let i = 0; i < table.size; i++) {
        total++;
        if (!inBbox(region, lon[i], lat[i])) {
          return {
            name: 'coordinates_in_region',
            ok: false,
            detail: `${table.ids[i]} at ${lon[i]},${lat[i]} is outside ${region.join(',')}`,
          };
        }
      }
    } else if (table.shapes) {
      const c = table.shapes.coords;
      for (let k = 0; k < c.length; k += 2) {
        total++;
        if (!inBbox(region, c[k], c[k + 1])) {
          const shape = table.shapes.offsets.findIndex((o) => o > k / 2) - 1;
          return {
            name: 'coordinates_in_region',
            ok: false,
            detail: `${table.ids[shape]} has a vertex outside the region`,
          };
        }
      }
    }
  }
  return {
    name: 'coordinates_in_region',
    ok: true,
    detail: `${total} coordinates inside ${region.map((v) => v.toFixed(4)).join(', ')}`,
  };
}
