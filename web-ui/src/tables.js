// The smaller tables: failures, exceptions, workers and the class/task ratio trees. They hold a
// few hundred rows at most (the server truncates at 500), so each poll rebuilds them.
import { h, unescape_html } from './dom.js';
import { bytes, round } from './format.js';

function fill(tbody, rows, empty_text, columns) {
  if (!rows.length) {
    tbody.replaceChildren(h('tr', { class: 'empty' }, h('td', { colspan: String(columns) }, empty_text)));
    return;
  }
  tbody.replaceChildren(...rows);
}

export function show_failures(tbody, errors) {
  const rows = [...errors].sort((a, b) => b.occurrences - a.occurrences).map(e =>
    h('tr', {}, h('td', { class: 'num' }, e.occurrences), h('td', {}, e.method ?? ''), h('td', {}, unescape_html(e.name)),
      h('td', { class: 'message' }, unescape_html(e.error))));
  fill(tbody, rows, 'No failures', 4);
}

export function show_exceptions(tbody, exceptions) {
  const rows = exceptions.map(e =>
    h('tr', {}, h('td', { class: 'num' }, e.count), h('td', {}, unescape_html(e.msg)),
      h('td', {}, h('pre', {}, unescape_html(e.traceback))), h('td', {}, e.nodes ?? '')));
  fill(tbody, rows, 'No exceptions', 4);
}

export function show_workers(tbody, workers) {
  const rows = workers.map(w =>
    h('tr', { class: w.missing || w.state === 'missing' ? 'missing' : '' }, h('td', {}, w.id), h('td', {}, w.state),
      h('td', { class: 'num' }, w.user_count), h('td', { class: 'num' }, round(w.cpu_usage, 1)),
      h('td', { class: 'num' }, bytes(w.memory_usage)), h('td', {}, w.missing ? 'yes' : 'no')));
  fill(tbody, rows, 'No workers connected', 6);
}

function tree(entries) {
  return Object.entries(entries ?? {})
    .sort((a, b) => (b[1]?.ratio ?? 0) - (a[1]?.ratio ?? 0))
    .map(([name, node]) => h('li', {}, h('span', { class: 'ratio' }, `${round((node?.ratio ?? 0) * 100, 1)}%`), ' ', name,
      node?.tasks && Object.keys(node.tasks).length ? h('ul', {}, tree(node.tasks)) : null));
}

export function show_ratio(per_class, total, reply) {
  per_class.replaceChildren(...tree(reply?.per_class));
  total.replaceChildren(...tree(reply?.total));
}
