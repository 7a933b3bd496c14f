// The live charts (uPlot): requests and failures per second, p50/p95/p99 and users over time for
// the whole run or one endpoint, and an endpoint's latency distribution by percentile.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { $ } from './dom.js';

const colors = { rps: '#2e9e44', fail: '#d9352b', p50: '#2f7ed8', p95: '#e69500', p99: '#a23fc2', users: '#2aa8a0', pct: '#2f7ed8' };
const height = 240;

function line(label, stroke, extra = {}) {
  return { label, stroke, width: 2, points: { show: false }, spanGaps: false, ...extra };
}

const time_axes = unit => [
  { stroke: '#9fb3a6', grid: { stroke: '#2b3a31' }, ticks: { stroke: '#2b3a31' } },
  { stroke: '#9fb3a6', grid: { stroke: '#2b3a31' }, ticks: { stroke: '#2b3a31' }, size: 56, label: unit, labelSize: 18 },
];

// The percentile axis counts "nines": 90% is 1, 99% 2, 99.9% 3, 99.99% 4.
const nines = p => -Math.log10(1 - p / 100);
const nines_label = ['0', '90', '99', '99.9', '99.99'];

export class charts {
  constructor(root) {
    this.root_ = root;
    this.plots_ = null;
  }

  /// Builds the plots once their panel has a width (a hidden panel has none).
  ensure_() {
    if (this.plots_) return true;
    const width = this.width_();
    if (!width) return false;
    const make = (id, series, axes, scales = {}) =>
      new uPlot({ width, height, series, axes, scales, legend: { live: true }, cursor: { drag: { x: false, y: false } } },
        [[], ...series.slice(1).map(() => [])], $(`#${id}`, this.root_));
    this.plots_ = {
      rps: make('chart_rps', [{}, line('RPS', colors.rps), line('Failures/s', colors.fail)], time_axes('per second')),
      rt: make('chart_rt', [{}, line('p50', colors.p50), line('p95', colors.p95), line('p99', colors.p99)], time_axes('ms')),
      users: make('chart_users', [{}, line('Users', colors.users)], time_axes('users')),
      pct: make('chart_pct', [{ label: 'Percentile', value: (u, v) => (v === null ? '' : `${(100 * (1 - 10 ** -v)).toFixed(2)}%`) },
        line('ms', colors.pct, { points: { show: true, size: 5 } })], [
        { stroke: '#9fb3a6', grid: { stroke: '#2b3a31' }, ticks: { stroke: '#2b3a31' }, splits: () => [0, 1, 2, 3, 4],
          values: (u, splits) => splits.map(s => nines_label[s] ?? '') , label: 'percentile', labelSize: 18 },
        { stroke: '#9fb3a6', grid: { stroke: '#2b3a31' }, ticks: { stroke: '#2b3a31' }, size: 56, label: 'ms', labelSize: 18 },
      ], { x: { time: false, range: [0, 4] } }),
    };
    return true;
  }

  width_() {
    return Math.max(0, Math.floor(($('figure.chart', this.root_)?.clientWidth ?? 0) - 2));
  }

  /// Redraws the time series from a series_store.
  show_series(store) {
    if (!this.ensure_()) return;
    const t = store.time;
    this.plots_.rps.setData([t, store.rps, store.fail_per_sec]);
    this.plots_.rt.setData([t, store.p50, store.p95, store.p99]);
    this.plots_.users.setData([t, store.users]);
    // How many points each chart holds, on its figure: what a test (or a curious user) can read.
    for (const id of ['chart_rps', 'chart_rt', 'chart_users']) $(`#${id}`, this.root_).dataset.points = String(t.length);
  }

  /// Redraws the distribution from /hornet/percentiles; returns the 100% value (not on a log axis).
  show_percentiles(reply) {
    if (!this.ensure_()) return null;
    const points = (reply?.points ?? []).filter(p => p.percentile < 100 && p.percentile <= 99.99);
    this.plots_.pct.setData([points.map(p => nines(p.percentile)), points.map(p => p.ms)]);
    $('#chart_pct', this.root_).dataset.points = String(points.length);
    return (reply?.points ?? []).find(p => p.percentile === 100)?.ms ?? null;
  }

  resize() {
    if (!this.plots_) return;
    const width = this.width_();
    if (width) for (const plot of Object.values(this.plots_)) plot.setSize({ width, height });
  }
}
