// Bundles the UI into content-hashed files plus an index.html that names them:
//   node build.mjs [--modules DIR] [--out DIR]
// --modules: the node_modules folder `npm ci` filled (the CMake build keeps it in the build tree);
// --out: the folder to (re)create: index.html and assets/app-<hash>.js, .css, favicon-<hash>.svg.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
}
const modules = option('--modules', path.join(here, 'node_modules'));
const out = option('--out', path.join(here, 'dist'));
const assets = path.join(out, 'assets');

const esbuild = createRequire(path.join(modules, 'noop.js'))('esbuild');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(assets, { recursive: true });

const result = await esbuild.build({
  entryPoints: [path.join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  entryNames: 'app-[hash]',
  outdir: assets,
  nodePaths: [modules],
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const outputs = Object.keys(result.metafile.outputs).map(p => path.basename(p));
const js = outputs.find(n => n.endsWith('.js'));
const css = outputs.find(n => n.endsWith('.css'));
if (!js || !css) throw new Error(`esbuild produced ${outputs.join(', ')}: expected one .js and one .css`);

// The icon is a file of its own: an inline data: icon would break under `default-src 'self'`.
const icon = fs.readFileSync(path.join(here, 'src/favicon.svg'));
const iconName = `favicon-${createHash('sha256').update(icon).digest('hex').slice(0, 8).toUpperCase()}.svg`;
fs.writeFileSync(path.join(assets, iconName), icon);

// Relative names, so the page works under any base path and with --web-auth.
const page = fs.readFileSync(path.join(here, 'index.html'), 'utf8')
  .replaceAll('{{js}}', `assets/${js}`)
  .replaceAll('{{css}}', `assets/${css}`)
  .replaceAll('{{favicon}}', `assets/${iconName}`);
if (/\{\{\w+\}\}/.test(page)) throw new Error('index.html names a placeholder build.mjs does not fill');
fs.writeFileSync(path.join(out, 'index.html'), page);

let total = 0;
for (const f of ['index.html', ...fs.readdirSync(assets).map(n => `assets/${n}`)]) {
  const size = fs.statSync(path.join(out, f)).size;
  total += size;
  console.log(`web-ui: ${f} ${size} B`);
}
console.log(`web-ui: ${total} B in total`);
