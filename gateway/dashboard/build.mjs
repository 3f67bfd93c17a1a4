// Bundles the dashboard into one script and one stylesheet, with uPlot inside: the page loads
// nothing from outside the gateway. Usage: node build.mjs OUTDIR
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs OUTDIR');
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir,
  loader: { '.css': 'css' },
  legalComments: 'eof',
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(outdir, 'index.html'));
copyFileSync('src/favicon.svg', join(outdir, 'favicon.svg'));
console.log(`dashboard built into ${outdir}`);
