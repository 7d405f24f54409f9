// Builds the page into dist/: one bundle of our modules and the npm
// packages they use, the page, its styles and Leaflet's.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
rmSync(`${here}dist`, { recursive: true, force: true });
mkdirSync(`${here}dist`, { recursive: true });
await build({
  entryPoints: [`${here}src/main.js`],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: 'es2020',
  loader: { '.json': 'json' },
  outfile: `${here}dist/app.js`,
  logLevel: 'warning',
});
cpSync(`${here}src/index.html`, `${here}dist/index.html`);
cpSync(`${here}src/style.css`, `${here}dist/style.css`);
cpSync(`${here}node_modules/leaflet/dist/leaflet.css`, `${here}dist/leaflet.css`);
cpSync(`${here}node_modules/leaflet/dist/images`, `${here}dist/images`, { recursive: true });
