// Mosaic's page: wires the views to the API.
import { get, windowed, eventFilter, window_ } from './api.js';
import { escape, docLink, eventLine } from './html.js';
import { drawGraph, legend, expand, showType, typeToggles, campColour } from './graph.js';
import { makeMap, showEvents } from './map.js';
import { drawTimeline } from './timeline.js';
import { renderDocument } from './document.js';

const $ = (sel) => document.querySelector(sel);
const panel = $('#panel');
const state = { cy: null, map: null, events: [], names: {}, limit: 150, graph: null };
window.mosaic = state;  // for the browser tests and the curious

function showView(name) {
  document.querySelectorAll('.view').forEach((v) => v.classList.toggle('active', v.id === `view-${name}`));
  document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === name));
  if (name === 'mosaic' && state.map) state.map.map.invalidateSize();
}

async function openDocument(id) {
  showView('documents');
  const d = await get(`documents/${encodeURIComponent(id)}`);
  renderDocument($('#document'), d);
}

async function showActor(id) {
  const a = await get(`actors/${encodeURIComponent(id)}`);
  const relations = a.relations.map((r) => {
    const other = state.names[r.source === id ? r.target : r.source] || (r.source === id ? r.target : r.source);
    const arrow = r.source === id ? `${r.type} →` : `← ${r.type}`;
    const evidence = r.evidence.slice(0, 3).map((e) => `<div class="evidence">“${escape(e.text)}” ${docLink(e.doc)}</div>`).join('');
    return `<li><span class="tag">${escape(arrow)}</span> <b>${escape(other)}</b> (${r.weight} ${r.weight === 1 ? 'story' : 'stories'})${evidence}</li>`;
  }).join('');
  const events = a.events.map((e) => `<li>${eventLine(e)}<div class="evidence">“${escape(e.text)}” ${docLink(e.doc)}</div></li>`).join('');
  panel.innerHTML = `
    <h2 id="actor-name">${escape(a.name)}</h2>
    <p><button type="button" id="actor-expand" data-actor="${escape(id)}">Expand its neighbourhood in the graph</button></p>
    <p><span class="tag">${escape(a.type)}</span> ${escape(a.country || '')} · ${a.mentions} mentions in ${a.documents} documents</p>
    <p class="hint">also: ${escape(a.aliases.join(', '))}</p>
    <h2>Relations</h2><ul class="plain" id="actor-relations">${relations || '<li class="hint">none</li>'}</ul>
    <h2>Events</h2><ul class="plain" id="actor-events">${events || '<li class="hint">none</li>'}</ul>`;
}

function showPeriod(period, unit, events) {
  panel.innerHTML = `<h2>${escape(period)} (${unit})</h2><ul class="plain">${events.map((e) =>
    `<li>${eventLine(e)}<div class="evidence">“${escape(e.text)}” ${docLink(e.doc)}</div></li>`).join('')}</ul>`;
}

// The event types seen so far, by ACLED's two levels, to choose from.
const typesSeen = new Set();
function fillTypes(events) {
  const select = $('#window').type;
  for (const e of events)
    for (const t of [e.event_type, e.sub_event_type])
      if (t && !typesSeen.has(t)) {
        typesSeen.add(t);
        select.add(new Option(t === e.sub_event_type ? `  ${t}` : t, t));
      }
}

function drawActors(graph) {
  state.graph = graph;
  $('#graph-legend').innerHTML = legend(graph);
  if (state.cy) state.cy.destroy();
  state.cy = drawGraph($('#graph'), graph, showActor);
  state.cy.on('dbltap', 'node', (evt) => expandActor(evt.target.id()).catch(report));
  for (const box of document.querySelectorAll('#graph-types input')) if (!box.checked) showType(state.cy, box.name, false);
  for (const n of graph.nodes) state.names[n.id] = n.name;
  $('#actor-names').innerHTML = graph.nodes.map((n) => `<option value="${escape(n.name)}">`).join('');
}

// An actor's neighbourhood added to the graph, around it.
async function expandActor(id) {
  const around = await get('graph', windowed({ actor: id, limit: 40 }));
  if (state.cy.getElementById(id).empty() && around.nodes.length) {
    state.cy.add({ data: { id, label: around.nodes[0].name, camp: around.nodes[0].camp, degree: around.nodes[0].degree } });
  }
  expand(state.cy, id, around);
  for (const n of around.nodes) state.names[n.id] = n.name;
  for (const box of document.querySelectorAll('#graph-types input')) if (!box.checked) showType(state.cy, box.name, false);
  const node = state.cy.getElementById(id);
  state.cy.animate({ center: { eles: node }, zoom: Math.max(state.cy.zoom(), 1) }, { duration: 200 });
  node.select();
  state.expanded = (state.expanded || 0) + 1;
  return around;
}

async function findActor(name) {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return;
  let node = state.cy.nodes().filter((n) => n.data('label').toLowerCase() === wanted).first();
  if (node.empty()) node = state.cy.nodes().filter((n) => n.data('label').toLowerCase().includes(wanted)).first();
  let id = node.nonempty() ? node.id() : null;
  if (!id) {
    const found = await get('actors', { name: wanted, limit: 1 });
    if (!found.length) throw new Error(`no actor named like '${name}'`);
    id = found[0].id;
    await expandActor(id);
  }
  state.cy.nodes().removeClass('found');
  const at = state.cy.getElementById(id).addClass('found');
  state.cy.animate({ center: { eles: at }, zoom: Math.max(state.cy.zoom(), 1.2) }, { duration: 200 });
  await showActor(id);
}

async function showCamps() {
  const s = await get('sides', windowed());
  panel.innerHTML = `<h2>Camps</h2><p class="hint">${s.camps.length} camps; fit ${s.fit.toFixed(2)} of the relations' weight;
    ${s.alone} actors tied to no camp. Media, monitors, agencies, civilians and persons take no side.</p>
    <ol class="plain" id="camp-list">${s.camps.map((c) => `<li><span class="legend-swatch" style="background:${campColour(c.camp)}"></span>
      <b>camp ${c.camp}</b>: ${c.actors.slice(0, 25).map((a) => escape(a.name)).join(', ')}${c.actors.length > 25 ? ', …' : ''}</li>`).join('')}</ol>
    ${s.crossing.length ? `<h2>Across camps</h2><ul class="plain">${s.crossing.map((x) => `<li>${escape(x.name)} (${x.frustrated})</li>`).join('')}</ul>` : ''}`;
}

async function loadMosaic() {
  const [graph, events, stats] = await Promise.all([get('graph', windowed({ limit: state.limit })), get('events', eventFilter({ limit: 5000 })), get('stats')]);
  fillTypes(events);
  $('#stats').textContent = `${stats.documents} documents · ${stats.stories} stories · ${stats.actors} actors · ${stats.events} events`;
  drawActors(graph);
  state.events = events;
  if (!state.map) state.map = makeMap($('#map'));
  showEvents(state.map, events);
  drawTimeline($('#timeline'), events, showPeriod);
}

async function search(q) {
  const docs = await get('documents', windowed({ q, limit: 200 }));
  $('#documents').innerHTML = docs.map((d) => `<li data-doc="${escape(d.id)}"><b>${escape(d.title || d.id)}</b><br>
    <span class="hint">${escape(d.date || 'undated')} · ${escape(d.source)}</span>
    ${d.snippet ? `<div class="snippet">${escape(d.snippet)}</div>` : ''}</li>`).join('') || '<li class="hint">nothing found</li>';
}

async function loadContradictions() {
  const list = await get('contradictions');
  $('#contradictions').innerHTML = list.map((c) => `
    <table class="side-by-side"><caption><b>${escape(c.what)}</b></caption>
      <tr>${c.values.map((v) => `<th>${v.value != null ? escape(v.value.toLocaleString()) : escape(v.stance || '')}</th>`).join('')}</tr>
      <tr>${c.values.map((v) => `<td>${escape(v.source || '')} ${docLink(v.doc)}</td>`).join('')}</tr>
    </table>`).join('') || '<p class="hint">No contradictions found.</p>';
}

function report(err) {
  panel.innerHTML = `<p class="error">${escape(err.message)}</p>`;
  console.error(err);
}

document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
$('#graph-types').innerHTML = typeToggles();
$('#graph-types').addEventListener('change', (e) => { if (state.cy) showType(state.cy, e.target.name, e.target.checked); });
$('#graph-tools').addEventListener('submit', (e) => {
  e.preventDefault();
  findActor(e.target.actor.value).catch(report);
});
$('#graph-more').addEventListener('click', () => {
  state.limit += 150;
  get('graph', windowed({ limit: state.limit })).then(drawActors).catch(report);
});
$('#graph-camps').addEventListener('click', () => showCamps().catch(report));
panel.addEventListener('click', (e) => {
  const b = e.target.closest('#actor-expand');
  if (b) expandActor(b.dataset.actor).catch(report);
});
document.body.addEventListener('click', (e) => {
  const doc = e.target.closest('[data-doc]');
  if (doc) openDocument(doc.dataset.doc).catch(report);
});
$('#window').addEventListener('submit', (e) => {
  e.preventDefault();
  window_.from = e.target.from.value;
  window_.to = e.target.to.value;
  window_.type = e.target.type.value;
  window_.place = e.target.place.value;
  Promise.all([loadMosaic(), search($('#search').q.value)]).catch(report);
});
$('#search').addEventListener('submit', (e) => {
  e.preventDefault();
  search(e.target.q.value).catch(report);
});

Promise.all([loadMosaic(), search(''), loadContradictions()])
  .then(() => document.body.classList.add('ready'))
  .catch(report);
