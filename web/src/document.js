// A document with what was found in it highlighted: actors, event words,
// places, quantities and attributions. Spans arrive as UTF-8 byte offsets.
import { escape, eventLine } from './html.js';

// Byte offset -> index in the JavaScript (UTF-16) string.
function byteIndex(text) {
  const at = new Map();
  let bytes = 0, i = 0;
  for (const ch of text) {
    at.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  at.set(bytes, i);
  return (b) => at.get(b) ?? i;
}

// Overlapping spans are cut at every boundary; a piece carries every class covering it.
export function highlight(text, spans) {
  const index = byteIndex(text);
  const marks = spans.map((s) => ({ from: index(s.span[0]), to: index(s.span[1]), cls: s.cls, title: s.title }))
    .filter((m) => m.to > m.from);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.from, m.to])])].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < cuts.length; ++k) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const over = marks.filter((m) => m.from <= a && b <= m.to);
    const piece = escape(text.slice(a, b));
    if (!over.length) { html += piece; continue; }
    const classes = [...new Set(over.map((m) => m.cls))].join(' ');
    html += `<mark class="${classes}" title="${escape(over.map((m) => m.title).join('; '))}">${piece}</mark>`;
  }
  return html;
}

export function renderDocument(container, d) {
  const actorName = Object.fromEntries(d.actors.map((a) => [a.id, `${a.name} (${a.type})`]));
  const names = (ids) => ids.map((id) => (d.actors.find((a) => a.id === id) || { name: id }).name).join(', ');
  const spans = [
    ...d.mentions.map((m) => ({ span: m.span, cls: 'actor', title: actorName[m.actor] || m.actor })),
    ...d.events.map((e) => ({ span: e.trigger, cls: 'event', title: `${e.event_type} / ${e.sub_event_type}` })),
    ...d.events.filter((e) => e.location_span).map((e) => ({ span: e.location_span, cls: 'place', title: e.location ? e.location.name : 'place' })),
    ...d.quantities.map((q) => ({ span: q.span, cls: 'quantity', title: `${q.value}${q.value_max !== q.value ? '-' + q.value_max : ''} ${q.what}` })),
    ...d.claims.map((c) => ({ span: c.span, cls: 'claim', title: `${c.source} ${c.stance}` })),
  ];
  container.innerHTML = `
    <h2>${escape(d.title || d.id)}</h2>
    <p class="hint">${escape(d.source)} · ${escape(d.date || 'undated')} · ${escape(d.id)}${d.duplicate_of ? ` · copy of story ${escape(d.duplicate_of)}` : ''}</p>
    <p class="key"><mark class="actor">actor</mark><mark class="event">event</mark><mark class="place">place</mark><mark class="quantity">quantity</mark><mark class="claim">attribution</mark></p>
    <div class="text">${highlight(d.text, spans)}</div>
    <h2>Events</h2>
    <ul class="plain">${d.events.map((e) => `<li>${eventLine(e)} — ${escape(names(e.actor1))}${e.actor2.length ? ' vs ' + escape(names(e.actor2)) : ''}</li>`).join('') || '<li class="hint">none</li>'}</ul>`;
}
