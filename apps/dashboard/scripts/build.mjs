// Bundles the dashboard into dist/: index.html, app.js and app.css, nothing loaded from elsewhere.
// Each file is written beside its place and renamed over it, so a running API never serves half a file
// (and two builds at once, as parallel test files do, cannot mix).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

function put(name, contents) {
  const temporary = join(dist, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, contents);
  renameSync(temporary, join(dist, name));
}

async function bundle(entry, name, options = {}) {
  const result = await build({
    entryPoints: [join(web, entry)],
    outfile: join(dist, name),
    bundle: true,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    ...options,
  });
  put(name, result.outputFiles[0].contents);
}

await bundle('main.ts', 'app.js', {
  format: 'iife',
  platform: 'browser',
  // Browsers of the last few years: what an operator's laptop and a wall screen run.
  target: ['chrome100', 'firefox100', 'safari15'],
});
await bundle('app.css', 'app.css');
for (const name of ['index.html', 'favicon.svg']) put(name, readFileSync(join(web, name)));

const sizes = ['index.html', 'app.js', 'app.css', 'favicon.svg'].map(
  (name) => `${name} ${(statSync(join(dist, name)).size / 1024).toFixed(1)} KiB`,
);
console.log(`dashboard built in ${dist}: ${sizes.join(', ')}`);
