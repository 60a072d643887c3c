/**
 * Code lists for the model's small-integer (u8) columns. The index in each list is the stored
 * value; the string is what the API, CLI and map show.
 */
export const CODES = {
  bus_kind: ['pq', 'pv', 'ref'],
  branch_kind: ['line', 'autotransformer'],
  fuel: ['gas', 'coal', 'nuclear', 'wind', 'solar', 'other'],
  device_kind: ['breaker', 'recloser', 'fuse'],
  switch_kind: ['sectionalizer', 'tie'],
  conductor: ['1/0 AAC', '4/0 AAC', '336 AAC', '477 AAC', '795 AAC', '1/0 AL UG', '500 AL UG', '1000 CU UG'],
  transformer_mount: ['pole', 'pad'],
  pole_material: ['wood', 'steel', 'concrete'],
  customer_class: ['residential', 'commercial', 'industrial'],
  critical_kind: ['none', 'hospital', 'water_plant', 'emergency_services', 'life_support'],
  building_kind: ['residential', 'commercial', 'industrial', 'accessory'],
  water_kind: ['bayou', 'pond', 'lake'],
  flood_zone: ['AE_100yr', 'X_500yr'],
  road_class: ['freeway', 'arterial', 'local'],
  tree_species: ['live_oak', 'pine', 'pecan', 'sweetgum', 'crape_myrtle', 'magnolia'],
} as const;

export type CodeList = keyof typeof CODES;

/** Index of `name` in code list `list`; throws on an unknown name so typos fail loudly. */
export function code<L extends CodeList>(list: L, name: (typeof CODES)[L][number]): number {
  const i = (CODES[list] as readonly string[]).indexOf(name);
  if (i < 0) throw new Error(`codes: '${name}' is not in ${list}`);
  return i;
}

/** Name of stored value `value` in code list `list`, or 'unknown'. */
export function codeName(list: CodeList, value: number): string {
  return (CODES[list] as readonly string[])[value] ?? 'unknown';
}
