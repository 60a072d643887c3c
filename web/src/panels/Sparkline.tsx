/** A small inline SVG line of a daily profile (e.g. system load by hour), with one marked point. */
export interface SparklineProps {
  values: readonly number[];
  /** Index to mark (e.g. the peak hour), or null. */
  mark: number | null;
  width?: number;
  height?: number;
}

export function Sparkline({ values, mark, width = 96, height = 22 }: SparklineProps) {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const x = (i: number): number => (i / (values.length - 1)) * (width - 2) + 1;
  const y = (v: number): number => height - 2 - ((v - min) / span) * (height - 4);
  const points = values
    .map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : min).toFixed(1)}`)
    .join(' ');
  const m = mark !== null && mark >= 0 && mark < values.length ? mark : null;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
    >
      <polyline points={points} fill="none" stroke="#36c5f0" strokeWidth="1.5" />
      {m !== null && <circle cx={x(m)} cy={y(values[m])} r="2.5" fill="#ffca28" />}
    </svg>
  );
}
