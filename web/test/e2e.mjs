// The page end to end in headless Chromium (Debian's, driven by
// playwright-core): a store of the bundled sample, `mosaic serve` over it,
// and what an analyst would do. Screenshots go to the folder given.
//   node web/test/e2e.mjs <mosaic binary> <repository> <screenshot folder>
// The stores are SQLite files in a temporary folder unless MOSAIC_E2E_DB (the
// sample's) and MOSAIC_E2E_BENCH_DB (the bench's) name empty stores, e.g. two
// PostgreSQL databases (`scripts/pg url e2e`, `scripts/pg url e2e_bench`).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { serve } from './serve.mjs';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const [mosaic, repo, shots] = process.argv.slice(2);
if (!mosaic || !repo || !shots) {
  console.error('usage: e2e.mjs <mosaic> <repository> <screenshot folder>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'mosaic-e2e-'));
const db = process.env.MOSAIC_E2E_DB || join(work, 'sample.db');
execFileSync(mosaic, ['ingest', '--db', db, '-q', join(repo, 'corpus/sample')], { stdio: 'inherit' });

const started = serve(mosaic, db, join(repo, 'web/dist'));
const server = started.server;
const url = await started.url;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const checks = [];
async function check(name, fn) {
  await fn();
  checks.push(name);
  console.log(`ok - ${name}`);
}
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(url)) errors.push(`request outside the server: ${r.url()}`); });

  await check('the page loads with no errors and no outside requests', async () => {
    await page.goto(url);
    await page.waitForSelector('body.ready', { timeout: 30000 });
    assert.match(await page.textContent('#stats'), /14 documents/);
    assert.deepEqual(errors, []);
  });

  await check("the graph shows the sample's actors, coloured by camp", async () => {
    const nodes = await page.evaluate(() => window.mosaic.cy.nodes().map((n) => ({ name: n.data('label'), camp: n.data('camp') })));
    const names = nodes.map((n) => n.name);
    assert.ok(names.includes('RSF: Rapid Support Forces'), names.join(', '));
    assert.ok(names.includes('Military Forces of Sudan'), names.join(', '));
    assert.ok(new Set(nodes.map((n) => n.camp)).size >= 2, 'two camps');
    await page.locator('#graph-box').screenshot({ path: join(shots, 'graph.png') });
  });

  await check("clicking an actor shows its relations and events", async () => {
    const at = await page.evaluate(() => {
      const n = window.mosaic.cy.getElementById('rsf-rapid-support-forces');
      const box = document.querySelector('#graph').getBoundingClientRect();
      const p = n.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#actor-name');
    assert.equal(await page.textContent('#actor-name'), 'RSF: Rapid Support Forces');
    assert.ok(await page.locator('#actor-events li').count() >= 3);
    assert.ok(await page.locator('#actor-relations li').count() >= 1);
    await page.screenshot({ path: join(shots, 'actor.png') });
  });

  await check('the map has a marker per geocoded event', async () => {
    const markers = await page.locator('path.event-marker').count();
    const geocoded = await page.evaluate(() => window.mosaic.events.filter((e) => e.location && e.location.lat != null).length);
    assert.ok(markers > 0);
    assert.equal(markers, geocoded);
    await page.locator('#map-box').screenshot({ path: join(shots, 'map.png') });
  });

  await check('filtering events by type and place redraws the map and the timeline', async () => {
    const all = await page.evaluate(() => window.mosaic.events.length);
    await page.selectOption('#window select[name=type]', 'Air/drone strike');
    await page.click('#window button[type=submit]');
    await page.waitForFunction((n) => window.mosaic.events.length < n, all);
    const types = await page.evaluate(() => [...new Set(window.mosaic.events.map((e) => e.sub_event_type))]);
    assert.deepEqual(types, ['Air/drone strike']);
    await page.fill('#window input[name=place]', 'Port Sudan');
    await page.click('#window button[type=submit]');
    await page.waitForFunction(() => window.mosaic.events.every((e) => e.location && e.location.name.includes('Port Sudan')));
    assert.ok(await page.locator('path.event-marker').count() >= 1);
    await page.selectOption('#window select[name=type]', '');
    await page.fill('#window input[name=place]', '');
    await page.click('#window button[type=submit]');
    await page.waitForFunction((n) => window.mosaic.events.length === n, all);
  });

  await check('a bar of the timeline lists its events', async () => {
    const bars = page.locator('#timeline rect');
    assert.ok(await bars.count() >= 3);
    await bars.first().click();
    assert.ok(await page.locator('#panel li').count() >= 1);
  });

  await check('the document view highlights actors, events, places and quantities', async () => {
    await page.locator('#actor-events a.doc').first().click().catch(async () => {
      await page.click('nav button[data-view="documents"]');
      await page.locator('#documents li').first().click();
    });
    await page.waitForSelector('#document .text');
    for (const kind of ['actor', 'event']) assert.ok(await page.locator(`#document mark.${kind}`).count() > 0, kind);
    await page.click('nav button[data-view="documents"]');
    await page.fill('#search input[name=q]', 'Darfur');
    await page.click('#search button');
    await page.waitForFunction(() => document.querySelectorAll('#documents li[data-doc]').length > 0);
    await page.locator('#documents li[data-doc="sd-2023-06-16-geneina"]').click();
    await page.waitForFunction(() => document.querySelector('#document h2')?.textContent.includes('Geneina'));
    for (const kind of ['actor', 'event', 'place', 'quantity', 'claim'])
      assert.ok(await page.locator(`#document mark.${kind}`).count() > 0, kind);
    await page.screenshot({ path: join(shots, 'document.png') });
  });

  await check('contradictions show their sources side by side', async () => {
    await page.click('nav button[data-view="contradictions"]');
    await page.waitForSelector('#contradictions');
    await page.screenshot({ path: join(shots, 'contradictions.png') });
    assert.deepEqual(errors, []);
  });
} finally {
  server.kill('SIGTERM');
}

// A store of hundreds of documents (built by `mosaic bench` from the sample,
// or the one MOSAIC_E2E_STORE names): the graph stays readable and its answer small.
// (`bench --db` names the store it ingests into.)
let big = process.env.MOSAIC_E2E_STORE;
if (!big) {
  big = process.env.MOSAIC_E2E_BENCH_DB || join(work, 'bench.db');
  execFileSync(mosaic, ['bench', join(repo, 'corpus/sample'), '--documents', '400', '--db', big],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}
const started2 = serve(mosaic, big, join(repo, 'web/dist'));
const server2 = started2.server;
try {
  const url2 = await started2.url;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await check('on hundreds of documents the graph answer is bounded and the page loads', async () => {
    const res = await fetch(`${url2}api/graph`);
    const body = await res.text();
    assert.ok(body.length < 200 * 1024, `${body.length} bytes`);
    const g = JSON.parse(body);
    assert.ok(g.nodes.length <= 150 && g.edges.length <= 450, `${g.nodes.length} nodes, ${g.edges.length} edges`);
    await page.goto(url2);
    await page.waitForSelector('body.ready', { timeout: 60000 });
    assert.match(await page.textContent('#stats'), /\d{3,} documents/);
    assert.match(await page.textContent('#graph-legend'), /camp 1/);
    const campsApart = await page.evaluate(() => {
      // Each camp's actors lie closer to their own camp's centre than to another's.
      const byCamp = {};
      for (const n of window.mosaic.cy.nodes()) (byCamp[n.data('camp')] ||= []).push(n.position());
      const centre = (ps) => ({ x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length });
      const camps = Object.keys(byCamp).filter((c) => c !== '0');
      const centres = Object.fromEntries(camps.map((c) => [c, centre(byCamp[c])]));
      let apart = true;
      for (const c of camps)
        for (const p of byCamp[c])
          for (const d of camps)
            if (d !== c && Math.hypot(p.x - centres[d].x, p.y - centres[d].y) < Math.hypot(p.x - centres[c].x, p.y - centres[c].y)) apart = false;
      return { camps: camps.length, apart };
    });
    assert.ok(campsApart.camps >= 2 && campsApart.apart, JSON.stringify(campsApart));
    await page.locator('#graph-box').screenshot({ path: join(shots, 'graph-large-overview.png') });
    assert.deepEqual(errors, []);
  });

  await check('one finds an actor, expands its neighbourhood and hides a relation type', async () => {
    const name = await page.evaluate(() => window.mosaic.cy.nodes().sort((a, b) => b.data('degree') - a.data('degree'))[0].data('label'));
    await page.fill('#graph-tools input[name=actor]', name);
    await page.click('#graph-tools button[type=submit]');
    await page.waitForFunction((n) => document.querySelector('#actor-name')?.textContent === n, name);
    assert.equal(await page.evaluate(() => window.mosaic.cy.nodes('.found').length), 1);
    const expanded = await page.evaluate(() => window.mosaic.expanded || 0);
    await page.click('#actor-expand');
    await page.waitForFunction((n) => (window.mosaic.expanded || 0) > n, expanded);
    await page.uncheck('#graph-types input[name=fights]');
    await page.waitForFunction(() => window.mosaic.cy.edges('[type = "fights"]').filter((e) => !e.hasClass('hidden')).length === 0);
    await page.check('#graph-types input[name=fights]');
    await page.click('#graph-camps');
    await page.waitForSelector('#camp-list li');
    await page.locator('#graph-box').screenshot({ path: join(shots, 'graph-large.png') });
    await page.screenshot({ path: join(shots, 'page-large.png') });
  });

  await check('the map is fitted to the events', async () => {
    const inside = await page.evaluate(() => {
      const { map } = window.mosaic.map;
      const b = map.getBounds();
      const placed = window.mosaic.events.filter((e) => e.location && e.location.lat != null);
      return placed.filter((e) => b.contains([e.location.lat, e.location.lon])).length / Math.max(1, placed.length);
    });
    assert.ok(inside > 0.9, `${inside} of the events in view`);
    assert.deepEqual(errors, []);
  });
} finally {
  await browser.close();
  server2.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(`${checks.length} checks passed; screenshots in ${shots}`);
