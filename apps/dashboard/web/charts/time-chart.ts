import { svg } from '../dom';
import { formatCount, formatTime } from '../format';
import type { Point } from '../history';
import { linear, niceTicks, timeTicks } from './scale';

export interface TimeChartOptions {
  points: readonly Point[];
  from: number;
  to: number;
  /** What the chart shows, for screen readers and the tooltip. */
  title: string;
  /** Picks the colour class `series-N`. */
  series: number;
  /** A sparkline for tiles: no axes, no labels. */
  compact?: boolean;
}

// About the size the chart is drawn at, so its 11px labels stay about 11px on screen.
const FULL = { width: 440, height: 160, left: 40, right: 10, top: 10, bottom: 22 };
const COMPACT = { width: 240, height: 56, left: 2, right: 2, top: 4, bottom: 2 };

/** A count over time as an SVG line with a light area under it; drawn here, no chart library. */
export function timeChart(options: TimeChartOptions): SVGSVGElement {
  const box = options.compact ? COMPACT : FULL;
  const max = Math.max(0, ...options.points.map((point) => point.value));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const x = linear([options.from, options.to], [box.left, box.width - box.right]);
  const y = linear([0, top], [box.height - box.bottom, box.top]);
  const chart = svg('svg', {
    viewBox: `0 0 ${box.width} ${box.height}`,
    class: `chart series-${options.series % 12}${options.compact ? ' compact' : ''}`,
    role: 'img',
    'aria-label': options.title,
    // The points drawn, [time, value] each, for tests and anyone inspecting the page.
    'data-points': JSON.stringify(options.points.map((point) => [point.at, point.value])),
  });
  chart.append(svg('title', {}, options.title));
  if (!options.compact) chart.append(...axes(options, ticks, x, y, box));
  if (options.points.length === 0) {
    chart.append(
      svg(
        'text',
        { x: box.width / 2, y: box.height / 2, class: 'empty', 'text-anchor': 'middle' },
        'no data',
      ),
    );
    return chart;
  }
  const coordinates = options.points.map((point) => [x(point.at), y(point.value)] as const);
  const line = coordinates.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  const base = y(0).toFixed(1);
  const first = coordinates[0][0].toFixed(1);
  const last = coordinates[coordinates.length - 1];
  chart.append(
    svg('path', { class: 'area', d: `${line.join('')}L${last[0].toFixed(1)},${base}L${first},${base}Z` }),
    svg('path', { class: 'line', d: line.join('') }),
    svg('circle', {
      class: 'dot',
      cx: last[0].toFixed(1),
      cy: last[1].toFixed(1),
      r: options.compact ? 2.5 : 3.5,
    }),
  );
  return chart;
}

function axes(
  options: TimeChartOptions,
  ticks: number[],
  x: (value: number) => number,
  y: (value: number) => number,
  box: typeof FULL,
): SVGElement[] {
  const parts: SVGElement[] = [];
  for (const tick of ticks) {
    const py = y(tick).toFixed(1);
    parts.push(
      svg('line', { class: 'grid', x1: box.left, x2: box.width - box.right, y1: py, y2: py }),
      svg(
        'text',
        { class: 'tick', x: box.left - 6, y: py, 'text-anchor': 'end', dy: '0.32em' },
        formatCount(tick, true),
      ),
    );
  }
  const withDate = options.to - options.from > 24 * 3_600_000;
  for (const at of timeTicks(options.from, options.to)) {
    parts.push(
      svg(
        'text',
        { class: 'tick', x: x(at).toFixed(1), y: box.height - 6, 'text-anchor': 'middle' },
        formatTime(at, withDate),
      ),
    );
  }
  return parts;
}
