/** Small, pure SVG chart builders for the HTML reports: strings in, strings out, no DOM. */

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One series of a bar chart: a value per category. */
export interface Series {
  key: string;
  label: string;
  color: string;
  values: readonly number[];
}

/** A stacked bar chart. */
export interface BarChart {
  /** Names the chart for tests and styles: `data-chart="…"`. */
  id: string;
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  /** Show every n-th category label (1 = all). */
  labelEvery?: number;
  width?: number;
  height?: number;
}

/** A round step for axis ticks so that about `count` ticks cover `max`. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A stacked vertical bar chart with a y axis, category labels and a legend. */
export function stackedBarChart(chart: BarChart): string {
  const width = chart.width ?? 960;
  const height = chart.height ?? 320;
  const margin = { top: 16, right: 16, bottom: 48, left: 48 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const step = niceStep(Math.max(0, ...totals), 5);
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / Math.max(1, chart.categories.length);
  const barWidth = Math.max(1, band * 0.72);
  const parts: string[] = [];
  for (let tick = 0; tick <= top; tick += step) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(tick))}" y2="${round(y(tick))}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${round(y(tick) + 4)}" text-anchor="end">${tick}</text>`);
  }
  const every = chart.labelEvery ?? 1;
  chart.categories.forEach((category, i) => {
    const x = margin.left + i * band + (band - barWidth) / 2;
    let base = 0;
    for (const series of chart.series) {
      const value = series.values[i] ?? 0;
      if (value > 0) {
        const y0 = y(base);
        const y1 = y(base + value);
        parts.push(
          `<rect class="bar" data-series="${escapeHtml(series.key)}" x="${round(x)}" y="${round(y1)}" width="${round(barWidth)}" height="${round(y0 - y1)}" fill="${series.color}"><title>${escapeHtml(`${category}: ${value} ${series.label}`)}</title></rect>`,
        );
      }
      base += value;
    }
    if (i % every === 0) parts.push(`<text class="label" x="${round(x + barWidth / 2)}" y="${height - margin.bottom + 16}" text-anchor="middle">${escapeHtml(category)}</text>`);
  });
  parts.push(`<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${margin.top + plotHeight}" y2="${margin.top + plotHeight}"/>`);
  const legend = chart.series
    .map((s) => `<span class="key"><span class="swatch" style="background:${s.color}"></span>${escapeHtml(s.label)}</span>`)
    .join('');
  return `<figure class="chart-figure"><figcaption>${escapeHtml(chart.title)}</figcaption><svg class="chart" data-chart="${escapeHtml(chart.id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(chart.title)}">${parts.join('')}</svg><div class="legend">${legend}</div></figure>`;
}
