// The map: countries from Natural Earth (world-atlas, bundled: no tiles, no
// network) and a marker per geocoded event.
import L from 'leaflet';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-50m.json';
import { escape, eventLine, docLink } from './html.js';

export function makeMap(container) {
  const map = L.map(container, { worldCopyJump: true, attributionControl: true }).setView([15, 30], 3);
  L.geoJSON(feature(countries, countries.objects.countries), {
    style: { color: '#a0aec0', weight: 0.6, fillColor: '#fff', fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  map.attributionControl.addAttribution('Natural Earth');
  const markers = L.layerGroup().addTo(map);
  return { map, markers };
}

export function showEvents({ map, markers }, events) {
  markers.clearLayers();
  const points = [];
  for (const e of events) {
    const l = e.location;
    if (!l || l.lat == null) continue;
    points.push([l.lat, l.lon]);
    const radius = 4 + Math.min(10, Math.sqrt(e.fatalities || 0));
    L.circleMarker([l.lat, l.lon], { radius, className: 'event-marker', color: '#c53030', weight: 1, fillOpacity: 0.5 })
      .bindPopup(`${eventLine(e)}<br><span class="evidence">${escape(e.text)}</span><br>${docLink(e.doc)}`)
      .addTo(markers);
  }
  if (points.length) map.fitBounds(bulk(points), { maxZoom: 7, padding: [20, 20] });
}

// Where the events are: with many, the box holding all but the farthest
// 2 % on each side, so that one misplaced event does not zoom the map out to a
// continent; with few, all of them.
function bulk(points) {
  if (points.length < 20) return points;
  const cut = (values) => {
    const v = [...values].sort((a, b) => a - b);
    const k = Math.floor(v.length * 0.02);
    return [v[k], v[v.length - 1 - k]];
  };
  const [south, north] = cut(points.map((p) => p[0]));
  const [west, east] = cut(points.map((p) => p[1]));
  return [[south, west], [north, east]];
}
