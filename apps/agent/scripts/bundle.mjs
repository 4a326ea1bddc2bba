// Bundles the agent and @tcpfleet/model into one CommonJS file that runs with plain node and no
// node_modules: dist/tcpfleet-agent.cjs. Run after `pnpm run build` (it bundles the compiled
// JavaScript, so the model comes from its dist like at run time). An argument names another output file.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ?? join(root, 'dist', 'tcpfleet-agent.cjs');

await build({
  entryPoints: [join(root, 'dist', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Only Node's own modules stay outside; anything else in the bundle is a mistake we want to see.
  packages: 'bundle',
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`wrote ${outfile}`);
