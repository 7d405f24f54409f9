// The actor graph, readable at any size: the server sends the most connected
// actors; the camps lie apart on a ring, actors of no camp in the middle; the
// most connected actors are named in a column per camp, the rest as one zooms in. One can find an actor,
// expand its neighbourhood (double-click, or "expand" in its panel) and hide
// relation types. A click shows the actor in the panel.
import cytoscape from 'cytoscape';

const campPalette = ['#2b6cb0', '#c53030', '#2f855a', '#6b46c1', '#b7791f', '#00838f', '#ad1457', '#4e342e'];
export const campColour = (camp) => (camp > 0 ? campPalette[(camp - 1) % campPalette.length] : '#a0aec0');
export const relationColour = {
  supports: '#2f855a', allied_with: '#2b6cb0', part_of: '#718096', fights: '#c53030', opposes: '#dd6b20',
};

const nodeData = (n) => ({ id: n.id, label: n.name, camp: n.camp, type: n.type, degree: n.degree || 1 });
const edgeData = (e) => ({ id: `${e.type}:${e.source}:${e.target}`, source: e.source, target: e.target, type: e.type, weight: e.weight });

// The names shown at the fitted zoom: the most connected actors'. Each camp stacks them in a
// column, one row each, heaviest first, so that no two overlap whatever the zoom: a sunflower
// of labelled nodes overlapped every name in a camp at 96 actors (FA-KES dev + seeds). The
// others sit in a small sunflower under their camp's column, named as one zooms in.
const kNamed = 30;
const kFont = 14;  // model units: a name's height; its row is 1.6 of it
const kRow = 1.6 * kFont;
const kColumn = 13 * kFont;  // the width a column of names needs

function layOut(nodes) {
  const ranked = [...nodes].sort((a, b) => b.degree - a.degree);
  const named = new Set(ranked.slice(0, kNamed).map((n) => n.id));
  const byCamp = {};
  for (const n of nodes) (byCamp[n.camp] ||= []).push(n);
  const camps = Object.keys(byCamp).map(Number).filter((c) => c > 0).sort((a, b) => a - b);
  const tallest = Math.max(1, ...Object.values(byCamp).map((l) => l.filter((n) => named.has(n.id)).length));
  // Camps on a ring wide enough that neighbouring columns do not meet; actors of no camp
  // (media, monitors, persons, peoples) in the middle.
  const k = Math.max(camps.length, 1);
  const radius = Math.max(kColumn / (2 * Math.sin(Math.PI / Math.max(k, 2))), 1.15 * kColumn, tallest * kRow + 3 * kFont);
  const centres = {};
  camps.forEach((c, i) => {
    const a = (2 * Math.PI * i) / k - Math.PI / 2;
    centres[c] = k === 1 ? { x: 0, y: 0 } : { x: radius * Math.cos(a), y: radius * Math.sin(a) };
  });
  centres[0] = k > 1 ? { x: 0, y: 0 } : { x: radius * 2.1, y: 0 };
  const positions = {};
  for (const [camp, list] of Object.entries(byCamp)) {
    list.sort((a, b) => b.degree - a.degree);
    const c = centres[camp];
    const column = list.filter((n) => named.has(n.id));
    const rest = list.filter((n) => !named.has(n.id));
    const top = c.y - ((column.length - 1) * kRow) / 2;
    column.forEach((n, i) => { positions[n.id] = { x: c.x, y: top + i * kRow }; });
    const below = { x: c.x, y: top + column.length * kRow + kFont };
    rest.forEach((n, i) => {
      const r = 5 * Math.sqrt(i + 1), t = i * 2.39996;
      positions[n.id] = { x: below.x + 2.5 * r * Math.cos(t), y: below.y + Math.abs(r * Math.sin(t)) };
    });
  }
  return { positions, named };
}

export function drawGraph(container, graph, onActor) {
  const nodes = graph.nodes.map(nodeData);
  const { positions, named } = layOut(nodes);
  for (const d of nodes) d.named = named.has(d.id) ? 1 : 0;
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((d) => ({ data: d, position: positions[d.id] })),
      ...graph.edges.map((e) => ({ data: edgeData(e) })),
    ],
    style: [
      { selector: 'node', style: {
        label: 'data(label)', 'font-size': (n) => (n.data('named') ? kFont : kFont / 3),
        'min-zoomed-font-size': 7, width: (n) => 4 + 2 * Math.sqrt(n.data('degree')), height: (n) => 4 + 2 * Math.sqrt(n.data('degree')),
        'text-halign': (n) => (n.data('named') ? 'right' : 'center'), 'text-valign': (n) => (n.data('named') ? 'center' : 'bottom'),
        'background-color': (n) => campColour(n.data('camp')), 'text-margin-x': 3,
        'text-outline-color': '#fff', 'text-outline-width': 2 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1a202c' } },
      { selector: 'node.found', style: { 'border-width': 4, 'border-color': '#f6ad55' } },
      { selector: 'edge', style: {
        width: (e) => 0.8 + Math.log2(1 + e.data('weight')), 'curve-style': 'bezier', opacity: 0.7,
        'line-color': (e) => relationColour[e.data('type')] || '#a0aec0',
        'target-arrow-color': (e) => relationColour[e.data('type')] || '#a0aec0',
        'target-arrow-shape': (e) => (e.data('type') === 'allied_with' || e.data('type') === 'fights' ? 'none' : 'triangle'),
        'line-style': (e) => (e.data('type') === 'part_of' ? 'dashed' : 'solid') } },
      { selector: 'edge.hidden', style: { display: 'none' } },
    ],
    layout: { name: 'preset', fit: true, padding: 20 },
    wheelSensitivity: 0.3,
    minZoom: 0.05,
  });
  cy.on('tap', 'node', (evt) => onActor(evt.target.id()));
  return cy;
}

// Adds an actor's neighbourhood (from /api/graph?actor=) around it.
export function expand(cy, actor, neighbourhood) {
  let added = 0;
  const at = cy.getElementById(actor);
  const origin = at.nonempty() ? at.position() : { x: 0, y: 0 };
  for (const n of neighbourhood.nodes) {
    if (cy.getElementById(n.id).nonempty()) continue;
    const t = added * 2.39996, r = 60 + 12 * Math.sqrt(++added);
    cy.add({ data: nodeData(n), position: { x: origin.x + r * Math.cos(t), y: origin.y + r * Math.sin(t) } });
  }
  for (const e of neighbourhood.edges) {
    const d = edgeData(e);
    if (cy.getElementById(d.id).empty()) cy.add({ data: d });
  }
  return added;
}

// Shows or hides the edges of one relation type.
export function showType(cy, type, shown) {
  cy.edges(`[type = "${type}"]`).toggleClass('hidden', !shown);
}

export function legend(graph) {
  const camps = (graph.camps || []).map((c) =>
    `<span class="legend-swatch" style="background:${campColour(c.camp)}"></span>camp ${c.camp} (${c.actors})`).join('');
  return `${camps}<span class="legend-swatch" style="background:${campColour(0)}"></span>no camp` +
    ` · fit ${(graph.fit ?? 1).toFixed(2)} · ${graph.nodes.length} of ${graph.total_nodes ?? graph.nodes.length} actors`;
}

export function typeToggles() {
  return Object.entries(relationColour).map(([t, c]) =>
    `<label class="toggle"><input type="checkbox" name="${t}" checked><span class="legend-swatch" style="background:${c}"></span>${t}</label>`).join('');
}
