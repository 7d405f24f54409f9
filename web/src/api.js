// The server's JSON API; every call carries the chosen time window.
// The chosen time window, and which events the map and timeline show.
export const window_ = { from: '', to: '', type: '', place: '' };

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params })) if (v !== undefined && v !== '') query.set(k, v);
  const url = `/api/${path}${query.size ? '?' + query : ''}`;
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${body.error || res.status}`);
  return body;
}

export function windowed(params = {}) {
  return { ...params, from: window_.from, to: window_.to };
}

export function eventFilter(params = {}) {
  return { ...windowed(params), type: window_.type, place: window_.place };
}
