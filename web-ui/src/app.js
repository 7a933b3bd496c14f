// Hornet's page: the header, the start and edit dialogs, the tabs, and the polls that feed them
// (like Locust's page: /stats/requests every 2 s after the previous reply; the series incrementally).
import './style.css';
import { endpoint_query, get, post_form } from './api.js';
import { charts } from './charts.js';
import { $, $$, h, set_text } from './dom.js';
import { percent, round } from './format.js';
import { series_store } from './series.js';
import { stats_table } from './stats_table.js';
import { show_exceptions, show_failures, show_ratio, show_workers } from './tables.js';

const STATS_MS = 2000;
const EXCEPTIONS_MS = 5000;

const page = {
  config: { host: '', users: 1, spawn_rate: 1, run_time: null, class_picker: false, user_classes: [], master: false, version: '', state: 'ready',
    load_model: 'closed', rate: null, stages: [] },
  state: null,
  tab: 'statistics',
  endpoint: null, // {method, name} or null for Aggregated
  endpoint_labels: new Map(), // "GET /x" -> {method, name}
  endpoint_signature: '',
  aggregated: new series_store(),
  selected: new series_store(),
  series_available: true,
};

let table, plots;

function say(text) {
  set_text($('#message'), text);
}

//------------------------------------------------------------------------------------------------
// Header

const active = state => state === 'spawning' || state === 'running';

function show_header(reply) {
  const state = reply.state ?? 'ready';
  set_text($('#status_text'), state);
  $('#status_text').dataset.state = state;
  set_text($('#userCount'), reply.user_count ?? 0);
  set_text($('#total_rps'), round(reply.total_rps ?? 0, 2));
  set_text($('#fail_ratio'), percent(reply.fail_ratio));
  // A load plan runs from its first stage to its last: there is nothing to edit midway.
  $('#edit-test').hidden = !active(state) || page.config.load_model === 'plan';
  $('#stage_box').hidden = !reply.stage;
  set_text($('#stage_text'), reply.stage ?? '');
  // Also when ready: a start dialog closed with Escape must be reachable again.
  $('#new-test').hidden = state !== 'stopped' && state !== 'ready';
  for (const box of $$('[data-running]')) box.hidden = state === 'ready';
  $('a.stop-button').hidden = !active(state);
  $('a.reset-button').hidden = !active(state);
  if (page.config.master || Array.isArray(reply.workers)) {
    const workers = reply.workers ?? [];
    $('#workers_box').hidden = false;
    $('#workers_tab').hidden = false;
    set_text($('#worker_count'), workers.filter(w => !w.missing && w.state !== 'missing').length);
  }
  if (state !== page.state) {
    page.state = state;
    if (state === 'ready' && !$('#start_dialog').open) open_start(false);
  }
}

//------------------------------------------------------------------------------------------------
// Dialogs

function form_error(form, text) {
  set_text($('.form-error', form), text);
}

// Shows the fields of the run's load model (users, a rate, or a plan's stages) and no others.
function show_model(form) {
  const model = page.config.load_model ?? 'closed';
  for (const part of $$('[data-model]', form)) {
    part.hidden = part.dataset.model !== model;
    for (const input of $$('input', part)) input.required = !part.hidden;
  }
}

// What a start or edit form sends for the load: users and spawn rate, a rate, or nothing (a plan).
function load_fields(form) {
  const model = page.config.load_model ?? 'closed';
  if (model === 'open') return { rate: form.rate.value };
  if (model === 'plan') return {};
  return { user_count: form.user_count.value, spawn_rate: form.spawn_rate.value };
}

function open_start(closable) {
  const form = $('#swarm_form');
  const c = page.config;
  show_model(form);
  form.user_count.value = c.users ?? 1;
  form.spawn_rate.value = c.spawn_rate ?? 1;
  form.rate.value = c.rate ?? '';
  $('ol.stages', form).replaceChildren(...(c.stages ?? []).map(line => h('li', {}, line)));
  form.host.value = c.host ?? '';
  form.run_time.value = c.run_time ? `${c.run_time}s` : '';
  $('.close', form).hidden = !closable;
  const picker = $('#class_picker');
  picker.hidden = !c.class_picker;
  if (c.class_picker) {
    $('.classes', picker).replaceChildren(...(c.user_classes ?? []).map(name =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'user_classes', value: name, checked: true }), name)));
  }
  form_error(form, '');
  $('#start_dialog').showModal();
}

function open_edit() {
  const form = $('#edit_form');
  show_model(form);
  form.user_count.value = $('#userCount').textContent || page.config.users;
  form.spawn_rate.value = page.last_spawn_rate ?? page.config.spawn_rate ?? 1;
  form.rate.value = page.last_rate ?? page.config.rate ?? '';
  form_error(form, '');
  $('#edit_dialog').showModal();
}

async function submit(form, dialog, fields) {
  const button = $('button[type=submit]', form);
  button.disabled = true;
  try {
    const reply = await post_form('swarm', fields);
    if (reply && reply.success === false) {
      form_error(form, reply.message || 'The server refused the test');
      return;
    }
    if (fields.spawn_rate !== undefined) page.last_spawn_rate = fields.spawn_rate;
    if (fields.rate !== undefined) page.last_rate = fields.rate;
    if (typeof reply?.host === 'string') set_text($('#host_url'), reply.host);
    dialog.close();
    say(reply?.message ?? '');
    poll_stats_now();
  } catch (error) {
    form_error(form, error.message);
  } finally {
    button.disabled = false;
  }
}

function wire_dialogs() {
  const start = $('#swarm_form');
  start.addEventListener('submit', event => {
    event.preventDefault();
    const fields = {
      ...load_fields(start),
      host: start.host.value.trim(),
      run_time: start.run_time.value.trim(),
    };
    if (page.config.class_picker) fields.user_classes = $$('input[name=user_classes]:checked', start).map(i => i.value);
    submit(start, $('#start_dialog'), fields);
  });
  const edit = $('#edit_form');
  edit.addEventListener('submit', event => {
    event.preventDefault();
    submit(edit, $('#edit_dialog'), load_fields(edit));
  });
  for (const button of $$('dialog .close')) button.addEventListener('click', () => button.closest('dialog').close());
  $('#edit-test').addEventListener('click', event => { event.preventDefault(); open_edit(); });
  $('#new-test').addEventListener('click', event => { event.preventDefault(); open_start(true); });
  $('a.stop-button').addEventListener('click', async event => {
    event.preventDefault();
    try { say((await get('stop'))?.message ?? ''); } catch (error) { say(`Stop failed: ${error.message}`); }
    poll_stats_now();
  });
  $('a.reset-button').addEventListener('click', async event => {
    event.preventDefault();
    try { await get('stats/reset'); say('Statistics reset'); } catch (error) { say(`Reset failed: ${error.message}`); }
    poll_stats_now();
  });
}

//------------------------------------------------------------------------------------------------
// Tabs

function show_tab(name) {
  page.tab = name;
  for (const a of $$('ul.tabs a')) a.classList.toggle('current', a.dataset.tab === name);
  for (const panel of $$('main .panel')) panel.hidden = panel.id !== `tab-${name}`;
  if (name === 'charts') {
    plots.resize();
    draw_series();
    poll_percentiles();
  }
  if (name === 'ratio') poll_tasks();
}

function wire_tabs() {
  for (const a of $$('ul.tabs a')) {
    a.addEventListener('click', event => { event.preventDefault(); show_tab(a.dataset.tab); });
  }
  window.addEventListener('resize', () => plots.resize());
}

//------------------------------------------------------------------------------------------------
// Endpoint picker: an input over a datalist, which the browser filters as the user types.

const label_of = e => `${e.method ?? ''} ${e.name}`.trim();

function update_picker(endpoints) {
  const signature = endpoints.length + '\n' + endpoints.map(label_of).join('\n');
  if (signature === page.endpoint_signature) return;
  page.endpoint_signature = signature;
  page.endpoint_labels = new Map(endpoints.map(e => [label_of(e), e]));
  $('#endpoints').replaceChildren(h('option', { value: 'Aggregated' }), ...endpoints.map(e => h('option', { value: label_of(e) })));
}

function pick(endpoint) {
  const same = (a, b) => (a === null && b === null) || (a && b && a.method === b.method && a.name === b.name);
  if (same(endpoint, page.endpoint)) return;
  page.endpoint = endpoint;
  page.selected.reset();
  $('#endpoint').value = endpoint ? label_of(endpoint) : '';
  set_text($('#endpoint_note'), endpoint ? `Showing ${label_of(endpoint)}` : 'Showing all endpoints (Aggregated)');
  draw_series();
  poll_series();
  poll_percentiles();
}

function wire_picker() {
  const input = $('#endpoint');
  const choose = () => {
    const text = input.value.trim();
    if (!text || text === 'Aggregated') return pick(null);
    const endpoint = page.endpoint_labels.get(text);
    if (endpoint) pick(endpoint);
  };
  input.addEventListener('change', choose);
  input.addEventListener('input', choose);
  $('#endpoint_clear').addEventListener('click', () => pick(null));
}

//------------------------------------------------------------------------------------------------
// Polls. Each one schedules its next run after its reply, so a slow server is never queued up.

let stats_timer = null;
async function poll_stats() {
  clearTimeout(stats_timer);
  try {
    const reply = await get('stats/requests');
    show_header(reply);
    table.update(reply.stats ?? []);
    update_picker(table.endpoints());
    show_failures($('#errors tbody'), reply.errors ?? []);
    if (Array.isArray(reply.workers)) show_workers($('#workers tbody'), reply.workers);
    if ($('#message').dataset.lost) { delete $('#message').dataset.lost; say(''); }
  } catch (error) {
    $('#message').dataset.lost = '1';
    say(`No statistics from the server: ${error.message}`);
  }
  await poll_series();
  if (page.tab === 'charts') await poll_percentiles();
  stats_timer = setTimeout(poll_stats, STATS_MS);
}
function poll_stats_now() {
  clearTimeout(stats_timer);
  stats_timer = setTimeout(poll_stats, 200);
}

async function fetch_series(store, endpoint) {
  const query = endpoint ? `&${endpoint_query(endpoint)}` : '';
  const reply = await get(`hornet/series?since=${store.since()}${query}`);
  return store.append(reply.points ?? []);
}

async function poll_series() {
  if (!page.series_available) return;
  const endpoint = page.endpoint;
  try {
    let added = await fetch_series(page.aggregated, null);
    if (endpoint) added += await fetch_series(page.selected, endpoint);
    if (added) draw_series();
  } catch (error) {
    if (error.status === 404 && !endpoint) page.series_available = false; // a server without Hornet's routes
    else if (error.status === 404) set_text($('#endpoint_note'), `${label_of(endpoint)}: ${error.message}`);
  }
}

function draw_series() {
  if (page.tab !== 'charts') return;
  plots.show_series(page.endpoint ? page.selected : page.aggregated);
  $('#tab-charts').dataset.endpoint = page.endpoint ? label_of(page.endpoint) : 'Aggregated';
}

async function poll_percentiles() {
  if (page.tab !== 'charts') return;
  const endpoint = page.endpoint;
  try {
    const reply = await get(`hornet/percentiles${endpoint ? `?${endpoint_query(endpoint)}` : ''}`);
    if (endpoint !== page.endpoint) return; // picked another one meanwhile
    const max = plots.show_percentiles(reply);
    set_text($('#chart_pct figcaption'),
      `Latency distribution of ${reply.method ? `${reply.method} ` : ''}${reply.name}: ${reply.count} requests` +
      (max !== null ? `, max ${round(max, 1)} ms` : ''));
  } catch (error) {
    set_text($('#chart_pct figcaption'), `Latency distribution: ${error.message}`);
  }
}

async function poll_exceptions() {
  try {
    const reply = await get('exceptions');
    show_exceptions($('#exceptions tbody'), reply.exceptions ?? []);
  } catch {
    // shown by the stats poll's message when the server is gone
  }
  setTimeout(poll_exceptions, EXCEPTIONS_MS);
}

let tasks_timer = null;
async function poll_tasks() {
  clearTimeout(tasks_timer);
  if (page.tab !== 'ratio') return;
  try {
    show_ratio($('#ratio_per_class'), $('#ratio_total'), await get('tasks'));
  } catch {
    // as above
  }
  tasks_timer = setTimeout(poll_tasks, STATS_MS);
}

//------------------------------------------------------------------------------------------------

async function main() {
  try {
    page.config = { ...page.config, ...(await get('hornet/config')) };
  } catch {
    // Locust's routes only: the start form keeps its plain defaults.
  }
  set_text($('#host_url'), page.config.host || '');
  set_text($('#version'), page.config.version ? `Hornet ${page.config.version}` : 'Hornet');
  if (page.config.master) { $('#workers_box').hidden = false; $('#workers_tab').hidden = false; }
  table = new stats_table($('#stats'), endpoint => { pick(endpoint); show_tab('charts'); });
  plots = new charts($('#tab-charts'));
  wire_dialogs();
  wire_tabs();
  wire_picker();
  show_tab('statistics');
  set_text($('#endpoint_note'), 'Showing all endpoints (Aggregated)');
  poll_stats();
  poll_exceptions();
}

main();
