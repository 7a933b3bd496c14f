// The --html report of a real run, opened from disk in Debian's Chromium: it must draw its charts
// and tables with nothing but itself (no request besides the file, no console or page error),
// and show a name that is markup as text.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const BINARY = process.env.HORNET_BINARY || path.join(__dirname, '../../build/hornet');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// No name resolves except loopback, so Chromium's own background lookups go nowhere.
const ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];
const SCRIPT_NAME = '/x/<script>alert(1)</script>';

let target, browser, dir, report, run;

function startDemoTarget() {
  return new Promise((resolve, reject) => {
    const proc = spawn(BINARY, ['demo-target', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.on('error', reject);
    const lines = readline.createInterface({ input: proc.stdout });
    lines.once('line', url => resolve({ proc, url: url.trim() }));
    setTimeout(() => reject(new Error('demo target printed no URL in 10 s')), 10000).unref();
  });
}

function runHornet(args) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', d => { stderr += d; });
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`hornet did not finish:\n${stderr}`)); },
      40000);
    proc.on('error', reject);
    proc.on('exit', code => { clearTimeout(timer); resolve({ code, stderr }); });
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hornet-e2e-'));
  report = path.join(dir, 'report.html');
  target = await startDemoTarget();
  assert.match(target.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  run = await runHornet(['-f', path.join(__dirname, 'report_scenario.json'), '-H', target.url, '--headless',
    '-u', '5', '-r', '5', '-t', '4s', '--html', report]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  if (target) target.proc.kill('SIGTERM');
  if (dir && !process.env.HORNET_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

test('the HTML report opens offline with its charts and tables drawn', { timeout: 60000 }, async () => {
  // fail_ratio<1% fails (/broken always answers 500): exit code 3, and the report is still written.
  assert.equal(run.code, 3, run.stderr.slice(-3000));
  assert.ok(fs.existsSync(report), `no report at ${report}`);

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [], requests = [];
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', e => errors.push(String(e)));
  page.on('request', r => requests.push(r.url()));
  const url = pathToFileURL(report).href;
  await page.route('**/*', r => (r.request().url() === url ? r.continue() : r.abort()));
  await page.goto(url, { waitUntil: 'load' });

  const seen = await page.evaluate(() => {
    const rows = sel => [...document.querySelectorAll(sel + ' tbody tr')]
      .map(tr => [...tr.children].map(td => td.textContent.trim()));
    const charts = [...document.querySelectorAll('#charts figure.chart')].map(fig => ({
      title: fig.querySelector('figcaption').textContent,
      series: [...fig.querySelectorAll('svg g.series')].map(g => {
        const line = g.querySelector('polyline');
        const box = line.getBBox();
        return { name: g.dataset.series, points: line.points.numberOfItems, width: box.width,
                 stroke: getComputedStyle(line).stroke };
      }),
      legend: [...fig.querySelectorAll('.legend li')].map(li => li.textContent),
      width: fig.querySelector('svg').getBoundingClientRect().width,
    }));
    return {
      title: document.title,
      scripts: document.querySelectorAll('script').length,
      verdict: document.querySelector('#verdict .verdict').textContent,
      thresholds: rows('#thresholds'),
      requests: rows('#request-stats'),
      percentiles: rows('#percentile-stats'),
      failures: rows('#failure-stats'),
      kinds: rows('#failure-kinds'),
      exceptions: document.querySelector('#exceptions').textContent,
      parameters: rows('#parameters'),
      charts,
    };
  });
  if (process.env.HORNET_E2E_KEEP) await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });

  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url]);
  assert.equal(seen.scripts, 0, 'an endpoint name became a script element');

  assert.match(seen.verdict, /FAILED/);
  assert.match(seen.verdict, /exit code 3/);
  assert.deepEqual(seen.thresholds.map(r => [r[0], r[1], r[2]]),
    [['PASS', 'Aggregated', 'p95<5s'], ['FAIL', 'Aggregated', 'fail_ratio<1%']]);

  // Endpoints by name, then Aggregated; the markup name is text in every table.
  const names = seen.requests.map(r => r[0] + ' ' + r[1]);
  assert.deepEqual(names, ['GET /broken', 'GET /slow', `GET ${SCRIPT_NAME}`, ' Aggregated']);
  assert.deepEqual(seen.percentiles.map(r => r[0] + ' ' + r[1]), names);
  for (const r of seen.requests) assert.ok(Number(r[2]) > 0, `no requests on ${r[1]}`);
  const broken = seen.requests[0];
  assert.equal(broken[3], `${broken[2]} (100.00%)`);
  for (const r of seen.percentiles) {
    assert.equal(r.length, 13);
    assert.match(r[12], /^\d+$/, `no 100% value on ${r[1]}`);
  }
  assert.deepEqual(seen.failures.map(r => [r[1], r[2], r[3]]), [['GET', '/broken', 'status']]);
  assert.ok(seen.kinds.some(r => r[0] === 'GET /broken' && r[1] === 'status'));
  assert.match(seen.exceptions, /No exceptions/);
  assert.ok(seen.parameters.some(r => r[0] === 'Users' && r[1] === '5'), JSON.stringify(seen.parameters));

  // Four charts, each drawn: every series a visible line with more than one point.
  assert.deepEqual(seen.charts.map(c => c.title),
    ['Requests per second', 'Response times (ms)', 'Users', 'Response time percentiles per endpoint']);
  const expected = [['Requests/s', 'Failures/s'], ['p50', 'p95', 'p99'], ['Users'],
    ['GET /broken', 'GET /slow', `GET ${SCRIPT_NAME}`, 'Aggregated']];
  seen.charts.forEach((chart, i) => {
    assert.ok(chart.width > 300, `${chart.title}: ${chart.width} px wide`);
    assert.deepEqual(chart.series.map(s => s.name), expected[i]);
    assert.deepEqual(chart.legend, expected[i]);
    for (const s of chart.series) {
      assert.ok(s.points > 1, `${chart.title} / ${s.name}: ${s.points} points`);
      assert.ok(s.width > 0, `${chart.title} / ${s.name}: nothing drawn`);
      assert.notEqual(s.stroke, 'none');
    }
  });
  // The distribution has one point per reported percentile (50% .. 100%).
  for (const s of seen.charts[3].series) assert.equal(s.points, 11, s.name);
  await page.close();
});
