// A screenshot of the page over any store: the graph, as an analyst first
// sees it, for notes and reviews.
//   node web/test/shot.mjs <mosaic binary> <store> <web/dist folder> <out.png>
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const [mosaic, db, dist, out] = process.argv.slice(2);
if (!mosaic || !db || !dist || !out) {
  console.error('usage: shot.mjs <mosaic> <store> <web/dist> <out.png>');
  process.exit(2);
}
const started = serve(mosaic, db, dist);
const server = started.server;
const url = await started.url;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body.ready', { timeout: 60000 });
  await page.waitForTimeout(3000);  // the layout settles
  await page.locator('#graph-box').screenshot({ path: out });
  const nodes = await page.evaluate(() => window.mosaic.cy.nodes().map((n) => ({ name: n.data('label'), camp: n.data('camp') })));
  const camps = {};
  for (const n of nodes) (camps[n.camp ?? '-'] ??= []).push(n.name);
  console.log(JSON.stringify({ nodes: nodes.length, camps }, null, 1));
} finally {
  await browser.close();
  server.kill();
}
