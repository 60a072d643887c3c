/**
 * The conditions under the scenario choice: a slider per condition with its value (editable) and
 * unit, over the range the server accepts (GET /api/cascade/scenarios), and an optional date. The
 * preset's storm shape is shown as a label. Moving anything makes the conditions "custom (from
 * <preset>)"; Reset goes back to the preset.
 */
import { useState } from 'react';
import { useScenarioList } from '../../api/cascade-scenarios.ts';
import type { ConditionRange, NumericCondition } from '../../api/types.ts';
import { isPreset, trimNumber, windFieldLabel } from './conditions.ts';
import type { ConditionsController } from './use-conditions.ts';

interface SliderSpec {
  field: NumericCondition;
  label: string;
  /** Resolution of the slider and the value box. */
  step: number;
  /** sqrt: finer at the low end, where most of the interesting values lie. */
  scale?: 'sqrt';
}

/** The conditions the panels edit, in the order shown; a field the server does not list is left out. */
export const CONDITION_SLIDERS: readonly SliderSpec[] = [
  { field: 'load_factor', label: 'Load', step: 0.01 },
  { field: 'temperature_c', label: 'Temperature', step: 0.5 },
  { field: 'hour', label: 'Hour', step: 1 },
  { field: 'wind_sustained_ms', label: 'Wind', step: 0.5 },
  { field: 'wind_gust_ms', label: 'Gusts', step: 0.5 },
  { field: 'flood_depth_m', label: 'Flood depth', step: 0.1 },
  { field: 'hours_since_interruption', label: 'Restoration after', step: 0.25, scale: 'sqrt' },
];

/** Positions of a sqrt-scaled slider. */
const POSITIONS = 1000;

/** A value rounded to the slider's step (no 1.2999999 from float steps). */
function snap(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(digits));
}

function toPosition(spec: SliderSpec, range: ConditionRange, value: number): number {
  const t = Math.min(1, Math.max(0, (value - range.min) / (range.max - range.min)));
  return spec.scale === 'sqrt' ? Math.round(POSITIONS * Math.sqrt(t)) : value;
}

function fromPosition(spec: SliderSpec, range: ConditionRange, position: number): number {
  if (spec.scale !== 'sqrt') return snap(position, spec.step);
  const t = (position / POSITIONS) ** 2;
  return Math.min(range.max, snap(range.min + t * (range.max - range.min), spec.step));
}

function ConditionSlider(props: {
  spec: SliderSpec;
  range: ConditionRange;
  value: number;
  changed: boolean;
  testId: string;
  onChange: (value: number) => void;
}) {
  const { spec, range, value, changed, testId, onChange } = props;
  // The value box commits on Enter or leaving it, so a half-typed number changes nothing.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const typed = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(typed) && typed !== value) onChange(typed);
    setDraft(null);
  };
  const sqrt = spec.scale === 'sqrt';
  const id = `${testId}-${spec.field}`;
  const title = `${range.doc}: ${range.min}–${range.max}${range.unit ? ` ${range.unit}` : ''}`;
  return (
    <div className={`condition-row${changed ? ' changed' : ''}`} title={title}>
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="range"
        data-testid={id}
        min={sqrt ? 0 : range.min}
        max={sqrt ? POSITIONS : range.max}
        step={sqrt ? 1 : spec.step}
        value={toPosition(spec, range, value)}
        aria-valuetext={`${trimNumber(value)} ${range.unit}`}
        onChange={(e) => {
          setDraft(null);
          onChange(fromPosition(spec, range, Number(e.target.value)));
        }}
      />
      <input
        type="number"
        className="condition-value"
        data-testid={`${id}-value`}
        aria-label={`${spec.label} (${range.unit || 'value'})`}
        min={range.min}
        max={range.max}
        step={spec.step}
        value={draft ?? trimNumber(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      <span className="condition-unit">{range.unit}</span>
    </div>
  );
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Saturday (weekend profiles)" for a YYYY-MM-DD date. */
function dayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return Number.isNaN(day) ? '' : `${WEEKDAYS[day]}${day === 0 || day === 6 ? ' (weekend profiles)' : ''}`;
}

export function ConditionsEditor({
  conditions,
  testId,
}: {
  conditions: ConditionsController;
  testId: string;
}) {
  const { ranges } = useScenarioList();
  const { setting, preset, conditions: c } = conditions;
  if (!preset || !c) return null;
  const custom = !isPreset(setting.changes);
  const changed = setting.changes as Record<string, unknown>;
  return (
    <div className="conditions" data-testid={`${testId}-conditions-editor`}>
      <div className="conditions-head">
        <span data-testid={`${testId}-conditions-state`}>
          Conditions: {custom ? `custom (from ${preset.title})` : preset.title}
        </span>
        {custom && (
          <button
            type="button"
            className="link"
            data-testid={`${testId}-conditions-reset`}
            title={`Back to the ${preset.title} preset's conditions`}
            onClick={conditions.reset}
          >
            Reset
          </button>
        )}
      </div>
      {CONDITION_SLIDERS.map((spec) => {
        const range = ranges[spec.field];
        return range ? (
          <ConditionSlider
            key={spec.field}
            spec={spec}
            range={range}
            value={c[spec.field]}
            changed={spec.field in changed}
            testId={`${testId}-cond`}
            onChange={(v) => conditions.set(spec.field, v)}
          />
        ) : null;
      })}
      <div className={`condition-row${'date' in changed ? ' changed' : ''}`}>
        <label htmlFor={`${testId}-cond-date`}>Date</label>
        <input
          id={`${testId}-cond-date`}
          type="date"
          data-testid={`${testId}-cond-date`}
          value={c.date ?? ''}
          onChange={(e) => conditions.setDate(e.target.value === '' ? null : e.target.value)}
        />
        <span className="dim condition-day">{c.date ? dayOf(c.date) : 'a weekday'}</span>
      </div>
      <p className="dim condition-storm" data-testid={`${testId}-conditions-storm`}>
        Storm shape: {windFieldLabel(c.wind_field)}
        {setting.changes.wind_field ? ' (changed)' : ` (${preset.title} preset)`}
      </p>
    </div>
  );
}
