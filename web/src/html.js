// Small DOM helpers: text is always escaped.
export function escape(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function docLink(id) {
  return `<a class="doc" data-doc="${escape(id)}">${escape(id)}</a>`;
}

export function eventLine(e) {
  const place = e.location ? e.location.name : 'unknown place';
  const dead = e.fatalities == null ? '' : `, ${e.fatalities} killed`;
  return `<span class="tag">${escape(e.sub_event_type)}</span> ${escape(e.date || 'undated')}, ${escape(place)}${escape(dead)}`;
}
