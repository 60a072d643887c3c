/// <reference lib="dom" />
/** The shareable URL hash (web/src/map/url-state.ts): view, selection, layers, scenario and conditions. */
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../web/src/map/url-state.ts';

describe('the URL hash', () => {
  it('keeps the scenario and the changed conditions next to the view', () => {
    const hash = formatHash({
      view: { zoom: 12, lat: 29.76, lon: -95.37 },
      asset: 'SUB-0001',
      layers: ['substations', 'feeders'],
      scenario: 'storm',
      conditions: { load_factor: 1.3, temperature_c: 43 },
    });
    expect(hash).toBe(
      '#map=12.00/29.76000/-95.37000&asset=SUB-0001&layers=substations,feeders&scenario=storm&conditions=load_factor:1.3,temperature_c:43',
    );
    expect(parseHash(hash)).toEqual({
      view: { zoom: 12, lat: 29.76, lon: -95.37 },
      asset: 'SUB-0001',
      layers: ['substations', 'feeders'],
      scenario: 'storm',
      conditions: { load_factor: 1.3, temperature_c: 43 },
    });
  });

  it('leaves both out for the default and reads their absence as nothing changed', () => {
    const hash = formatHash({ view: null, asset: null, layers: null, scenario: null, conditions: {} });
    expect(hash).toBe('#');
    expect(parseHash('#map=3/10/20')).toMatchObject({ scenario: null, conditions: {} });
  });

  it('reads conditions a person escaped by hand', () => {
    expect(
      parseHash('#scenario=hurricane&conditions=load_factor%3A1.2%2Cdate%3A2024-07-08').conditions,
    ).toEqual({
      load_factor: 1.2,
      date: '2024-07-08',
    });
  });
});
