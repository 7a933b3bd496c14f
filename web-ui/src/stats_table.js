// The statistics table (Locust's columns). Rows are kept per endpoint and only their changed
// cells are rewritten, so 1,000 endpoints polled every 2 s cost a few text updates, not a
// rebuilt table. Headers sort on click (again: reverse); Aggregated stays last.
import { $, $$, h, set_text } from './dom.js';
import { ms, round } from './format.js';

const columns = [
  ['method', v => v ?? ''],
  ['name', v => v ?? ''],
  ['num_requests', v => v],
  ['num_failures', v => v],
  ['median_response_time', ms],
  ['ninetieth_response_time', ms],
  ['ninety_ninth_response_time', ms],
  ['avg_response_time', ms],
  ['min_response_time', ms],
  ['max_response_time', ms],
  ['avg_content_length', ms],
  ['current_rps', v => round(v, 1)],
  ['current_fail_per_sec', v => round(v, 1)],
];

const key_of = row => `${row.method ?? ''} ${row.name}`;

export class stats_table {
  constructor(table, on_pick) {
    this.table_ = table;
    this.body_ = $('tbody', table);
    this.foot_ = $('tfoot', table);
    this.rows_ = new Map(); // key -> {tr, cells, data}
    this.order_ = [];
    this.sort_ = null; // {key, descending}
    this.aggregated_ = this.make_row_();
    this.aggregated_.tr.className = 'total';
    this.foot_.append(this.aggregated_.tr);
    for (const th of $$('th[data-key]', table)) {
      th.addEventListener('click', () => this.sort_by_(th.dataset.key));
    }
    this.body_.addEventListener('click', event => {
      const cell = event.target.closest('button.pick');
      if (!cell) return;
      const entry = this.rows_.get(cell.closest('tr').dataset.key);
      if (entry) on_pick({ method: entry.data.method, name: entry.data.name });
    });
  }

  make_row_() {
    const cells = columns.map(([key]) => h('td', { class: key === 'method' || key === 'name' ? '' : 'num' }));
    return { tr: h('tr', {}, cells), cells, data: null };
  }

  /// Rows as /stats/requests sends them, Aggregated last.
  update(stats) {
    const rows = stats.filter(r => r.name !== 'Aggregated' || r.method);
    const total = stats.find(r => r.name === 'Aggregated' && !r.method);
    const seen = new Set();
    for (const data of rows) {
      const key = key_of(data);
      seen.add(key);
      let entry = this.rows_.get(key);
      if (!entry) {
        entry = this.make_row_();
        entry.tr.dataset.key = key;
        entry.cells[1].append(h('button', { type: 'button', class: 'pick', title: 'Show its charts' }));
        this.rows_.set(key, entry);
      }
      this.fill_(entry, data);
    }
    for (const [key, entry] of this.rows_) {
      if (!seen.has(key)) {
        entry.tr.remove();
        this.rows_.delete(key);
      }
    }
    this.server_order_ = rows.map(key_of);
    this.arrange_();
    if (total) this.fill_(this.aggregated_, total);
    this.aggregated_.tr.hidden = !total;
  }

  fill_(entry, data) {
    entry.data = data;
    columns.forEach(([key, format], i) => {
      const target = key === 'name' && entry.cells[i].firstChild ? entry.cells[i].firstChild : entry.cells[i];
      set_text(target, format(data[key]));
    });
  }

  sort_by_(key) {
    this.sort_ = this.sort_ && this.sort_.key === key ? { key, descending: !this.sort_.descending } : { key, descending: key !== 'name' && key !== 'method' };
    for (const th of $$('th[data-key]', this.table_)) {
      th.classList.toggle('sorted', th.dataset.key === key);
      th.classList.toggle('descending', th.dataset.key === key && this.sort_.descending);
    }
    this.arrange_();
  }

  arrange_() {
    let order = this.server_order_ ?? [];
    if (this.sort_) {
      const { key, descending } = this.sort_;
      const value = k => this.rows_.get(k).data[key];
      order = [...order].sort((a, b) => {
        const x = value(a), y = value(b);
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
        return descending ? -c : c;
      });
    }
    // Moving rows re-lays the table out: only when the order really changed.
    if (order.length === this.order_.length && order.every((k, i) => k === this.order_[i])) return;
    this.order_ = order;
    this.body_.replaceChildren(...order.map(k => this.rows_.get(k).tr));
  }

  /// The endpoints in the table, for the picker.
  endpoints() {
    return this.server_order_?.map(k => ({ method: this.rows_.get(k).data.method, name: this.rows_.get(k).data.name })) ?? [];
  }
}
