// The actor graph: nodes coloured by the camp the relations put them in,
// edges by relation type; a click shows the actor in the panel.
import cytoscape from 'cytoscape';

const campColour = { 1: '#2b6cb0', 2: '#c53030' };
export const relationColour = {
  supports: '#2f855a', allied_with: '#2b6cb0', part_of: '#718096', fights: '#c53030', opposes: '#dd6b20',
};

export function drawGraph(container, graph, onActor) {
  const degree = {};
  for (const e of graph.edges) {
    degree[e.source] = (degree[e.source] || 0) + e.weight;
    degree[e.target] = (degree[e.target] || 0) + e.weight;
  }
  const cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.name, camp: n.camp, type: n.type, size: 14 + 6 * Math.sqrt(degree[n.id] || 1) } })),
      ...graph.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, type: e.type, weight: e.weight } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, width: 'data(size)', height: 'data(size)',
        'background-color': (n) => campColour[n.data('camp')] || '#718096', 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1a202c' } },
      { selector: 'edge', style: { width: (e) => 1 + Math.log2(1 + e.data('weight')), 'curve-style': 'bezier',
        'line-color': (e) => relationColour[e.data('type')] || '#a0aec0',
        'target-arrow-color': (e) => relationColour[e.data('type')] || '#a0aec0',
        'target-arrow-shape': (e) => (e.data('type') === 'allied_with' || e.data('type') === 'fights' ? 'none' : 'triangle'),
        'line-style': (e) => (e.data('type') === 'part_of' ? 'dashed' : 'solid') } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (evt) => onActor(evt.target.id()));
  return cy;
}

export function legend() {
  const camps = `<span class="legend-swatch" style="background:${campColour[1]}"></span>camp 1` +
    `<span class="legend-swatch" style="background:${campColour[2]}"></span>camp 2`;
  const types = Object.entries(relationColour)
    .map(([t, c]) => `<span class="legend-swatch" style="background:${c}"></span>${t}`).join('');
  return camps + ' | ' + types;
}
