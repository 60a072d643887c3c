/**
 * The web app's operating-conditions helpers (web/src/panels/conditions/conditions.ts): changes
 * over a preset, gusts kept at least the sustained wind, the one-line summary and the URL text.
 */
import { describe, expect, it } from 'vitest';
import type { OperatingConditions } from '../../web/src/api/types.ts';
import {
  changesFrom,
  describeConditions,
  formatChanges,
  formatHour,
  isPreset,
  parseChanges,
  resolveConditions,
  sameConditions,
  settingKey,
  settingRequest,
  windFieldLabel,
  withChange,
  withDate,
} from '../../web/src/panels/conditions/conditions.ts';

/** The shape GET /api/cascade/scenarios gives a preset (a storm: 18 m/s, gusts 28 m/s at 18:00). */
const STORM: OperatingConditions = {
  load_factor: 1,
  hour: 18,
  date: null,
  temperature_c: 30,
  wind_sustained_ms: 18,
  wind_gust_ms: 28,
  wind_field: { kind: 'uniform', heading_deg: 90, offset_km: 0, width_km: 10, cells: 1, seed: 1 },
  flood_depth_m: 0,
  hours_since_interruption: 1,
};

describe('changes over a preset', () => {
  it('keeps only the fields that differ from the preset', () => {
    let changes = withChange(STORM, {}, 'load_factor', 1.3);
    changes = withChange(STORM, changes, 'temperature_c', 43);
    expect(changes).toEqual({ load_factor: 1.3, temperature_c: 43 });
    // Back at the preset's value: no longer a change.
    changes = withChange(STORM, changes, 'load_factor', 1);
    expect(changes).toEqual({ temperature_c: 43 });
    expect(isPreset(withChange(STORM, changes, 'temperature_c', 30))).toBe(true);
  });

  it('keeps the gusts at least the sustained wind: the field moved wins', () => {
    // Sustained raised above the gusts raises the gusts with it.
    expect(withChange(STORM, {}, 'wind_sustained_ms', 35)).toEqual({
      wind_sustained_ms: 35,
      wind_gust_ms: 35,
    });
    // Gusts lowered below the sustained wind lower it too.
    expect(withChange(STORM, {}, 'wind_gust_ms', 10)).toEqual({ wind_gust_ms: 10, wind_sustained_ms: 10 });
    // Within the order, nothing else moves.
    expect(withChange(STORM, {}, 'wind_gust_ms', 25)).toEqual({ wind_gust_ms: 25 });
  });

  it('sets and clears the date', () => {
    const dated = withDate(STORM, { load_factor: 1.2 }, '2024-07-08');
    expect(dated).toEqual({ load_factor: 1.2, date: '2024-07-08' });
    expect(withDate(STORM, dated, null)).toEqual({ load_factor: 1.2 });
  });

  it('resolves to the full conditions and back to the changes', () => {
    const changes = { load_factor: 1.2, wind_gust_ms: 30, wind_field: { kind: 'derecho', width_km: 12 } };
    const full = resolveConditions(STORM, changes);
    expect(full).toEqual({
      ...STORM,
      load_factor: 1.2,
      wind_gust_ms: 30,
      wind_field: { ...STORM.wind_field, kind: 'derecho', width_km: 12 },
    });
    expect(STORM.wind_field.kind).toBe('uniform');
    expect(changesFrom(STORM, full)).toEqual(changes);
    expect(changesFrom(STORM, STORM)).toEqual({});
    expect(sameConditions(full, resolveConditions(STORM, changesFrom(STORM, full)))).toBe(true);
    expect(sameConditions(full, STORM)).toBe(false);
  });

  it('sends the preset alone when nothing changed, else the changes', () => {
    expect(settingRequest({ scenario: 'storm', changes: {} })).toEqual({ scenario: 'storm' });
    expect(settingRequest({ scenario: 'storm', changes: { load_factor: 1.3 } })).toEqual({
      scenario: 'storm',
      conditions: { load_factor: 1.3 },
    });
  });
});

describe('the one-line summary', () => {
  it('names load, temperature and hour, wind and gusts, and restoration time', () => {
    const c = resolveConditions(STORM, { load_factor: 1.2, temperature_c: 43, hour: 16, wind_gust_ms: 25 });
    expect(describeConditions(c)).toBe(
      'load ×1.20 · 43 °C at 16:00 · wind 18, gusts 25 m/s · restoration after 1 h',
    );
  });

  it('adds the date, the storm shape and floodwater when there are any', () => {
    const c = resolveConditions(STORM, {
      date: '2024-07-08',
      flood_depth_m: 1,
      hours_since_interruption: 4.5,
      wind_field: { kind: 'hurricane' },
    });
    expect(describeConditions(c)).toBe(
      'load ×1.00 · 30 °C at 18:00 on 2024-07-08 · wind 18, gusts 28 m/s (hurricane) · flood 1 m · restoration after 4.5 h',
    );
  });

  it('writes hours as clock times and storm shapes as labels', () => {
    expect(formatHour(7.5)).toBe('07:30');
    expect(formatHour(0)).toBe('00:00');
    expect(formatHour(23.99)).toBe('23:59');
    expect(windFieldLabel(STORM.wind_field)).toBe('uniform wind');
    expect(windFieldLabel({ ...STORM.wind_field, kind: 'derecho', width_km: 10, heading_deg: 90 })).toBe(
      'derecho: 10 km swath heading 90°',
    );
    expect(windFieldLabel({ ...STORM.wind_field, kind: 'thunderstorm', cells: 12, width_km: 2.5 })).toBe(
      'thunderstorm: 12 cells of 2.5 km',
    );
  });
});

describe('changes in the URL', () => {
  it('writes sorted field:value pairs and reads them back', () => {
    const changes = {
      temperature_c: 43,
      load_factor: 1.3,
      date: '2024-07-08',
      wind_field: { kind: 'derecho', width_km: 12 },
    };
    const text = formatChanges(changes);
    expect(text).toBe(
      'date:2024-07-08,load_factor:1.3,temperature_c:43,wind_field.kind:derecho,wind_field.width_km:12',
    );
    expect(parseChanges(text)).toEqual(changes);
    expect(formatChanges({})).toBe('');
    expect(parseChanges('')).toEqual({});
  });

  it('equal settings have equal keys whatever the order of their changes', () => {
    expect(settingKey({ scenario: 'storm', changes: { load_factor: 1.3, temperature_c: 43 } })).toBe(
      settingKey({ scenario: 'storm', changes: { temperature_c: 43, load_factor: 1.3 } }),
    );
    expect(settingKey({ scenario: 'storm', changes: {} })).not.toBe(
      settingKey({ scenario: 'base', changes: {} }),
    );
  });

  it('skips malformed pairs and leaves values for the server to check', () => {
    expect(parseChanges('load_factor:1.3,,nocolon,:5,Bad-Key:1,temperature_c:')).toEqual({
      load_factor: 1.3,
    });
    // Not a number: kept as text, so the server's 400 names the field.
    expect(parseChanges('load_factor:lots')).toEqual({ load_factor: 'lots' });
    expect(parseChanges('date:8-7-2024,hour:-1')).toEqual({ hour: -1 });
    expect(parseChanges('date:none')).toEqual({ date: null });
  });
});
