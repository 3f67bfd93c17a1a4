// The latency panel: the usual HdrHistogram percentile plot (x: percentile on a log 1/(1-p) axis,
// y: latency) for each engine stage, drawn with uPlot from series the server computes each second.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { micros } from './format.js';

const COLORS = ['#2a9d8f', '#e9c46a', '#f4a261', '#e4572e'];

export class LatencyChart {
  constructor(container, countEl) {
    this.container = container;
    this.countEl = countEl;
    this.view = 'interval';
    this.plot = null;
    this.stages = [];
    this.last = null;
  }

  setView(view) {
    this.view = view;
    if (this.last) this.update(this.last);
  }

  update(message) {
    this.last = message;
    const stages = message.stages;
    const tables = stages.map((s) => {
      const series = s[this.view];
      return [series.p.map((p) => 1 / (1 - p / 100)), series.us];
    });
    const data = tables.some((t) => t[0].length > 0)
      ? uPlot.join(tables.map((t) => (t[0].length > 0 ? t : [[1], [null]])))
      : [[1, 10], ...stages.map(() => [null, null])];
    const count = stages.find((s) => s.stage === 'receive_to_published')?.[this.view].count ?? 0;
    this.countEl.textContent = `${count.toLocaleString()} events`;
    this.container.dataset.points = String(data[0].length);
    this.container.dataset.count = String(count);
    const names = stages.map((s) => s.stage).join(',');
    if (!this.plot || names !== this.stages.join(',')) {
      this.stages = stages.map((s) => s.stage);
      this.create(data);
    } else {
      this.plot.setData(data);
    }
  }

  create(data) {
    if (this.plot) this.plot.destroy();
    const width = Math.max(320, this.container.clientWidth - 8);
    this.plot = new uPlot({
      width,
      height: 300,
      scales: { x: { distr: 3, log: 10 }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        {
          splits: percentileSplits,
          // uPlot's log axes label only the powers of ten by default; 2 (50%) is ours too.
          filter: (u, splits) => splits,
          values: (u, splits) => splits.map((x) => (x == null ? '' : percentileLabel(x))),
          label: 'percentile',
        },
        { values: (u, splits) => splits.map((v) => (v === 0 ? '0' : micros(v))), size: 70, label: 'latency' },
      ],
      series: [
        { label: 'percentile', value: (u, x) => (x == null ? '' : `${(100 - 100 / x).toFixed(x >= 1000 ? 4 : 2)}%`) },
        ...this.stages.map((stage, i) => ({
          label: stage.replaceAll('_', ' '),
          stroke: COLORS[i % COLORS.length],
          width: 2,
          spanGaps: true,
          points: { show: false },
          value: (u, v) => (v == null ? '' : micros(v)),
        })),
      ],
      legend: { live: true },
    }, data, this.container);
    new ResizeObserver(() => {
      const w = Math.max(320, this.container.clientWidth - 8);
      if (this.plot && Math.abs(this.plot.width - w) > 4) this.plot.setSize({ width: w, height: 300 });
    }).observe(this.container);
  }
}

// Ticks at 0%, 50%, 90%, 99%, 99.9%, ...: x = 1/(1-p) is 1, 2, 10, 100, 1000, ...
function percentileSplits(u, axis, min, max) {
  const splits = [1, 2];
  for (let x = 10; x <= max * 1.0001; x *= 10) splits.push(x);
  return splits.filter((x) => x >= min / 1.0001 && x <= max * 1.0001);
}

function percentileLabel(x) {
  const p = 100 - 100 / x;
  if (p < 0.5) return '0%';
  // As many decimals as it takes to tell 99.9% from 99%: 50%, 90%, 99%, 99.9%, 99.99%, ...
  const digits = Math.max(0, Math.ceil(-Math.log10(100 - p) - 1e-9));
  return `${p.toFixed(digits)}%`;
}
