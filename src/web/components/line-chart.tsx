import { useId } from 'preact/hooks';

export interface ChartSeries {
  label: string;
  /** One value per x position; null is a missing value: no point, and a gap in the line. */
  values: (number | null)[];
}

interface LineChartProps {
  /** The chart's accessible name. */
  title: string;
  /** The text alternative: what the chart shows, in words (the table beside it has the numbers). */
  description: string;
  /** One short label per x position (oldest first). */
  xLabels: string[];
  series: ChartSeries[];
  yMax: number;
  yTicks: number[];
}

// Drawn in a fixed coordinate space that the SVG scales to the card's width; small enough that
// its labels stay readable on a phone.
const WIDTH = 400;
const HEIGHT = 200;
const PAD = { top: 12, right: 16, bottom: 28, left: 36 };

/** Runs of consecutive values that are not missing, as [index, value] pairs. */
function runs(values: (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) out.push(current);
      current = [];
    } else current.push([i, v]);
  });
  if (current.length) out.push(current);
  return out;
}

/**
 * A hand-drawn line chart: one line per series over the same x positions. It is an image with
 * a text alternative; the numbers themselves are in a data table next to it.
 */
export function LineChart({ title, description, xLabels, series, yMax, yTicks }: LineChartProps) {
  const descId = useId();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = xLabels.length > 1 ? plotW / (xLabels.length - 1) : 0;
  const x = (i: number) => PAD.left + (xLabels.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (Math.min(v, yMax) / yMax) * plotH;
  // Label every x position while they fit; otherwise about eight of them.
  const every = Math.max(1, Math.ceil(xLabels.length / 8));
  return (
    <div class="chart">
      <svg
        class="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        aria-describedby={descId}
      >
        <desc id={descId}>{description}</desc>
        {yTicks.map((t) => (
          <g key={t} class="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        {xLabels.map((label, i) =>
          i % every === 0 || i === xLabels.length - 1 ? (
            <text key={i} class="chart-x" x={x(i)} y={HEIGHT - 8} text-anchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, n) => (
          <g key={s.label} class={`chart-series chart-series-${n % 5}`}>
            {runs(s.values).map((run) => (
              <polyline
                key={run[0]![0]}
                points={run.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')}
              />
            ))}
            {s.values.map((v, i) =>
              v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} />,
            )}
          </g>
        ))}
      </svg>
      {series.length > 1 ? (
        <ul class="chart-legend" aria-hidden="true">
          {series.map((s, n) => (
            <li key={s.label}>
              <span class={`chart-swatch chart-series-${n % 5}`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
