// The web UI served by the real binary, driven in Debian's Chromium as a user would: start a swarm
// from the form against the demo target, watch the statistics and charts fill, pick an endpoint,
// change the user count, stop, download the statistics CSV. Nothing may leave 127.0.0.1 and the
// page may log no error. Screenshots go to HORNET_E2E_ARTIFACTS (scripts/e2e.sh sets it).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { chromium } = require('playwright-core');

const BINARY = process.env.HORNET_BINARY || path.join(__dirname, '../../build/hornet');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = process.env.HORNET_E2E_ARTIFACTS || path.join(__dirname, '../../build/e2e-artifacts');
const ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];
const LOCUST_STATS_HEADER = 'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,' +
  'Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,' +
  '50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%';
const WAIT = 20000; // every wait is bounded; a run that needs longer is broken

let target, ui, browser;

/// Starts `args` and resolves with the first line of `stream` matching `pattern` (and the process).
function start(args, stream, pattern, what) {
  return new Promise((resolve, reject) => {
    const stdio = ['ignore', stream === 'stdout' ? 'pipe' : 'inherit', stream === 'stderr' ? 'pipe' : 'inherit'];
    const proc = spawn(BINARY, args, { stdio });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 15 s:\n${seen.slice(-3000)}`)), 15000);
    proc.on('error', reject);
    proc.on('exit', code => reject(new Error(`${what} exited with ${code}:\n${seen.slice(-3000)}`)));
    readline.createInterface({ input: proc[stream] }).on('line', line => {
      seen += line + '\n';
      const match = line.match(pattern);
      if (match) { clearTimeout(timer); resolve({ proc, match, log: () => seen }); }
    });
  });
}

function stop(proc) {
  if (!proc || proc.exitCode !== null) return Promise.resolve();
  return new Promise(resolve => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); resolve(); }, 10000);
    proc.on('exit', () => { clearTimeout(timer); resolve(); });
    proc.kill('SIGTERM');
  });
}

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  target = await start(['demo-target', '--port', '0'], 'stdout', /^(http:\/\/127\.0\.0\.1:\d+)$/, 'demo target');
  // -H only prefills the form; the test types the host in anyway, as a user would.
  ui = await start(['-f', path.join(__dirname, 'web_ui_scenario.json'), '-H', target.match[1],
    '--web-host', '127.0.0.1', '--web-port', '0'],
    'stderr', /Starting web interface at http:\/\/[^\s:]+:(\d+)/, 'hornet --web-port 0');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await stop(ui?.proc);
  await stop(target?.proc);
});

test('drive a load test from the web UI', { timeout: 120000 }, async () => {
  const base = `http://127.0.0.1:${ui.match[1]}`;
  const demo = target.match[1];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true,
    locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const errors = [], off_host = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', e => errors.push(String(e)));
  // The UI is embedded: it may talk to its own server only (the demo target is hit by hornet, not the page).
  await page.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.origin === base) return route.continue();
    off_host.push(url.href);
    return route.abort();
  });
  const shot = name => page.screenshot({ path: path.join(ARTIFACTS, `web-ui-${name}.png`), fullPage: true });

  await page.goto(base + '/');
  // Ready: the start form opens by itself.
  await page.waitForSelector('#start_dialog[open] #swarm_form');
  // The first load (the page and the files it names) stays under 300 KB.
  const loaded = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter(e => !/\/(stats|hornet|exceptions|tasks)\b/.test(new URL(e.name).pathname))
    .map(e => ({ url: e.name, bytes: e.encodedBodySize })));
  const first_load = loaded.reduce((sum, e) => sum + e.bytes, 0);
  console.log(`first load: ${first_load} bytes in ${loaded.length} files`);
  assert.ok(loaded.length >= 3 && first_load > 20000, JSON.stringify(loaded));
  assert.ok(first_load < 300 * 1024, `first load ${first_load} bytes`);
  await shot('1-start-form');
  await page.fill('#swarm_form [name=user_count]', '3');
  await page.fill('#swarm_form [name=spawn_rate]', '3');
  await page.fill('#swarm_form [name=host]', demo);
  await page.click('#swarm_form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#status_text').dataset.state === 'running');
  assert.equal(await page.textContent('#host_url'), demo);

  // Statistics: a row per endpoint with requests, and the Aggregated total.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#stats tbody tr')];
    return rows.length === 3 && rows.every(r => Number(r.children[2].textContent) > 0);
  });
  const names = await page.$$eval('#stats tbody tr', rows => rows.map(r => r.children[0].textContent + ' ' + r.children[1].textContent));
  assert.deepEqual([...names].sort(), ['GET /api/users', 'GET /broken', 'GET /slow']);
  assert.equal(await page.textContent('#stats tfoot tr td:nth-child(2)'), 'Aggregated');
  assert.equal(await page.textContent('#userCount'), '3');
  // Sorting by # Requests (descending first) puts the busiest endpoint (/slow, weight 3) on top.
  await page.click('#stats th[data-key=num_requests]');
  await page.waitForFunction(() => {
    const counts = [...document.querySelectorAll('#stats tbody tr')].map(r => Number(r.children[2].textContent));
    return counts.every((c, i) => i === 0 || counts[i - 1] >= c);
  });
  await shot('2-statistics');
  // /broken always answers 500: the failures tab lists it.
  await page.click('ul.tabs a[data-tab=failures]');
  await page.waitForFunction(() => [...document.querySelectorAll('#errors tbody tr')].some(r => r.children[2]?.textContent === '/broken'));
  await shot('3-failures');

  // Charts of the whole run: more than one point, and ink on the canvas.
  await page.click('ul.tabs a[data-tab=charts]');
  await page.waitForFunction(() => ['chart_rps', 'chart_rt', 'chart_users'].every(id => Number(document.getElementById(id).dataset.points) > 1));
  const painted = await page.evaluate(() => ['chart_rps', 'chart_rt', 'chart_users', 'chart_pct'].map(id => {
    const canvas = document.querySelector(`#${id} canvas`);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
    return n;
  }));
  painted.forEach((n, i) => assert.ok(n > 500, `chart ${i} looks blank (${n} px)`));

  // One endpoint: typed into the searchable picker, its own series and latency distribution.
  await page.fill('#endpoint', 'GET /slow');
  await page.waitForFunction(() => document.querySelector('#tab-charts').dataset.endpoint === 'GET /slow' &&
    Number(document.getElementById('chart_rps').dataset.points) > 1);
  await page.waitForFunction(() => /GET \/slow/.test(document.querySelector('#chart_pct figcaption').textContent) &&
    Number(document.getElementById('chart_pct').dataset.points) >= 10);
  const caption = await page.textContent('#chart_pct figcaption');
  assert.match(caption, /: [1-9]\d* requests/);
  await shot('4-charts-endpoint');

  // Edit the running test: the header follows the new user count.
  await page.click('#edit-test');
  await page.waitForSelector('#edit_dialog[open]');
  await page.fill('#edit_form [name=user_count]', '5');
  await page.fill('#edit_form [name=spawn_rate]', '5');
  await page.click('#edit_form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#userCount').textContent === '5' &&
    document.querySelector('#status_text').dataset.state === 'running');
  await shot('5-edited');

  // Stop; then a new test can be started again from the header.
  await page.click('a.stop-button');
  await page.waitForFunction(() => document.querySelector('#status_text').dataset.state === 'stopped');
  assert.equal(await page.isVisible('#new-test'), true);
  assert.equal(await page.isVisible('a.stop-button'), false);

  // The statistics CSV as Locust writes it.
  await page.click('ul.tabs a[data-tab=downloads]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download request statistics CSV')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(csv.split(/\r?\n/)[0], LOCUST_STATS_HEADER);
  assert.match(csv, /\r?\n,Aggregated,[1-9]/);
  await shot('6-stopped');

  assert.deepEqual(off_host, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// A run whose load is a plan or a rate: the start form asks for what drives it (the stages are
// listed, a rate replaces the users), the header shows the running stage, and the plan ends the
// test by itself after its last stage.
test('start a load plan and a rate from the web UI', { timeout: 120000 }, async () => {
  const demo = target.match[1];
  const scenario = path.join(__dirname, 'web_ui_scenario.json');
  const plan = path.join(ARTIFACTS, 'web-ui-plan.json');
  fs.writeFileSync(plan, JSON.stringify([{ duration: '2s', users: 2, spawn_rate: 10 }, { duration: '3s', users: 3, spawn_rate: 10 }]));
  const runs = [];
  const open_ui = async args => {
    const run = await start(['-f', scenario, '-H', demo, '--web-host', '127.0.0.1', '--web-port', '0', ...args],
      'stderr', /Starting web interface at http:\/\/[^\s:]+:(\d+)/, `hornet ${args.join(' ')}`);
    runs.push(run);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${run.match[1]}/`);
    await page.waitForSelector('#start_dialog[open] #swarm_form');
    return { page, context, errors };
  };
  try {
    // A plan: its stages instead of the users; the stage in the header; stopped by itself.
    const p = await open_ui(['--shape', plan]);
    assert.equal(await p.page.isVisible('#swarm_form [name=user_count]'), false);
    assert.equal(await p.page.isVisible('#swarm_form [name=rate]'), false);
    assert.deepEqual(await p.page.$$eval('#swarm_form ol.stages li', items => items.map(li => li.textContent)),
      ['2s: 2 users at 10.00/s', '3s: 3 users at 10.00/s']);
    await p.page.click('#swarm_form button[type=submit]');
    await p.page.waitForFunction(() => /^Stage 1\/2: 2 users/.test(document.querySelector('#stage_text').textContent));
    await p.page.waitForFunction(() => /^Stage 2\/2: 3 users/.test(document.querySelector('#stage_text').textContent));
    assert.equal(await p.page.isVisible('#edit-test'), false);
    await p.page.screenshot({ path: path.join(ARTIFACTS, 'web-ui-7-plan.png'), fullPage: true });
    await p.page.waitForFunction(() => document.querySelector('#status_text').dataset.state === 'stopped');
    assert.equal(await p.page.isVisible('#stage_box'), false);
    assert.deepEqual(p.errors, []);
    await p.context.close();

    // A rate: the form asks for it, and the edit dialog changes it.
    const r = await open_ui(['--rate', '5']);
    assert.equal(await r.page.isVisible('#swarm_form [name=user_count]'), false);
    assert.equal(await r.page.inputValue('#swarm_form [name=rate]'), '5');
    await r.page.fill('#swarm_form [name=rate]', '20');
    await r.page.click('#swarm_form button[type=submit]');
    await r.page.waitForFunction(() => document.querySelector('#status_text').dataset.state === 'running');
    await r.page.click('#edit-test');
    await r.page.waitForSelector('#edit_dialog[open]');
    assert.equal(await r.page.inputValue('#edit_form [name=rate]'), '20');
    await r.page.fill('#edit_form [name=rate]', '30');
    await r.page.click('#edit_form button[type=submit]');
    await r.page.waitForFunction(() => !document.querySelector('#edit_dialog').open);
    await r.page.click('a.stop-button');
    await r.page.waitForFunction(() => document.querySelector('#status_text').dataset.state === 'stopped');
    assert.deepEqual(r.errors, []);
    await r.context.close();
    assert.match(runs[1].log(), /Starting 20\.00 iterations\/s[\s\S]*Starting 30\.00 iterations\/s/);
  } finally {
    for (const run of runs) await stop(run.proc);
  }
});
