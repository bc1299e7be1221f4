/**
 * A chart drawn by uPlot (about 20 kB gzip, canvas). Chosen over Chart.js (even with only the
 * registered parts it is about three times the size) and Recharts (SVG, pulls in d3 pieces):
 * the pages draw a histogram and a few lines over time, which uPlot does natively. It is
 * bundled (no CDN) and only loaded with the Analytics pages, which are lazy routes, so the
 * dashboard's main bundle doesn't carry it.
 *
 * The canvas is hidden from assistive technology: the figure's caption summarises it and the
 * page shows the same numbers in a table.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  /** What the chart shows, in one sentence (its text alternative). */
  summary: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
  testId?: string;
}

export function Chart({ summary, options, data, height = 240, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, el.clientWidth);
    const u = new uPlot({ ...options, width: width(), height }, data, el);
    plot.current = u;
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => u.setSize({ width: width(), height })) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [options, data, height]);

  return (
    <figure className="chart" data-testid={testId}>
      <div ref={box} className="chart-canvas" aria-hidden="true" />
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}

/** uPlot's bar path builder (a histogram or counts per day). */
export const bars = (): uPlot.Series.PathBuilder | undefined => uPlot.paths.bars?.({ size: [0.8, 64], align: 0 });
