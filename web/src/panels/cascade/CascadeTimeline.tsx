/**
 * The replay scrubber: before the failure, then each wave. Step back/forward (wrapping), play
 * from the start (one wave a second) or pause, or drag.
 */
import type { CascadeResult } from '../../api/types.ts';
import { formatNumber } from '../format.ts';

export interface CascadeTimelineProps {
  result: CascadeResult;
  position: number;
  playing: boolean;
  onPosition: (position: number) => void;
  onStep: (delta: number) => void;
  onTogglePlay: () => void;
}

/** The label of replay `position`: 'Before the failure' or 'Wave w (k/n)'. */
export function waveLabel(result: CascadeResult, position: number): string {
  if (position <= 0) return 'Before the failure';
  const wave = result.waves[position - 1];
  return `Wave ${wave?.wave ?? position - 1} (${position}/${result.waves.length})`;
}

export function CascadeTimeline(props: CascadeTimelineProps) {
  const { result, position, playing, onPosition, onStep, onTogglePlay } = props;
  const wave = position > 0 ? result.waves[position - 1] : null;
  return (
    <section className="asset-section cascade-timeline">
      <div className="timeline-controls">
        <button
          type="button"
          className="icon-button"
          data-testid="cascade-step-back"
          title="Previous wave"
          aria-label="Previous wave"
          onClick={() => onStep(-1)}
        >
          ‹
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="cascade-play"
          title={playing ? 'Pause' : 'Play the waves from the start'}
          aria-label={playing ? 'Pause' : 'Play'}
          aria-pressed={playing}
          onClick={onTogglePlay}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="cascade-step"
          title="Next wave"
          aria-label="Next wave"
          onClick={() => onStep(1)}
        >
          ›
        </button>
        <input
          type="range"
          className="scrubber"
          data-testid="cascade-scrubber"
          aria-label="Wave"
          min={0}
          max={result.waves.length}
          step={1}
          value={position}
          onChange={(e) => onPosition(Number(e.target.value))}
        />
      </div>
      <div className="timeline-caption">
        <span className="wave-label" data-testid="cascade-wave-label" aria-live="polite">
          {waveLabel(result, position)}
        </span>
        <span className="dim">
          {wave
            ? `${formatNumber(wave.failed.length, 0)} failed · ${formatNumber(wave.customers_out, 0)} customers out · ${formatNumber(wave.mw_out, 2)} MW out`
            : 'normal supply'}
        </span>
      </div>
    </section>
  );
}
