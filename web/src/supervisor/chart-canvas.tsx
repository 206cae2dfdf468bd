import type { Chart } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { ChartSpec } from './report-chart';

type ChartClass = typeof Chart;
let loading: Promise<ChartClass> | undefined;

/**
 * chart.js, fetched the first time a chart is drawn: a chunk of its own, so the counter screens,
 * which draw none, never download it.
 */
function loadChart(): Promise<ChartClass> {
  loading ??= import('./chart-js').then((module) => module.Chart);
  return loading;
}

/**
 * A bar chart on a canvas that is an image to assistive technology, named by its summary; the
 * report's table always stands beside it with every figure (the chart adds no figure of its own).
 */
export function ChartCanvas({ spec, label, seriesLabel }: { spec: ChartSpec; label: string; seriesLabel: (key: string) => string }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let cancelled = false;
    let chart: Chart | undefined;
    loadChart().then(
      (ChartJs) => {
        if (cancelled || !canvas.current) return;
        const style = getComputedStyle(document.documentElement);
        const text = style.getPropertyValue('--color-neutral-solid-gray-900').trim() || '#1a1a1a';
        // The page's own type (Noto Sans JP) at a readable size, for the axes and the legend.
        ChartJs.defaults.font.family = getComputedStyle(document.body).fontFamily;
        ChartJs.defaults.font.size = 14;
        chart = new ChartJs(canvas.current, {
          type: 'bar',
          data: {
            labels: [...spec.labels],
            datasets: spec.datasets.map((dataset) => ({
              label: seriesLabel(dataset.key),
              data: [...dataset.data],
              backgroundColor: style.getPropertyValue(dataset.colour).trim() || '#0017c1',
            })),
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            color: text,
            plugins: { legend: { display: spec.datasets.length > 1, position: 'bottom' } },
            scales: {
              x: { stacked: spec.stacked, ticks: { color: text } },
              y: { stacked: spec.stacked, beginAtZero: true, ticks: { color: text, precision: 0 } },
            },
          },
        });
        setState('drawn');
      },
      () => setState('failed'),
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec, seriesLabel]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
      {state === 'loading' ? <p className="chart__status">{t('reports.chartLoading')}</p> : null}
      {state === 'failed' ? <p className="chart__status">{t('reports.chartFailed')}</p> : null}
    </div>
  );
}
