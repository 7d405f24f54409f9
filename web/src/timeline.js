// The timeline: events per day, week or month (whichever gives a readable
// number of bars) as an SVG bar chart.
import { escape } from './html.js';

function periodOf(date, unit) {
  if (unit === 'month') return date.slice(0, 7);
  if (unit === 'day') return date;
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));  // the Monday of its week
  return d.toISOString().slice(0, 10);
}

export function drawTimeline(svg, events, onPeriod) {
  const dated = events.filter((e) => e.date);
  svg.innerHTML = '';
  if (!dated.length) return;
  const dates = dated.map((e) => e.date).sort();
  const days = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 86400000;
  const unit = days > 400 ? 'month' : days > 60 ? 'week' : 'day';
  const counts = new Map();
  for (const e of dated) {
    const p = periodOf(e.date, unit);
    counts.set(p, (counts.get(p) || []).concat(e));
  }
  const periods = [...counts.keys()].sort();
  const width = svg.clientWidth || 800, height = 120, base = height - 18;
  const most = Math.max(...periods.map((p) => counts.get(p).length));
  const step = width / periods.length;
  periods.forEach((p, i) => {
    const n = counts.get(p).length;
    const h = Math.max(2, (base - 4) * n / most);
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('x', i * step + 1);
    rect.setAttribute('y', base - h);
    rect.setAttribute('width', Math.max(1, step - 2));
    rect.setAttribute('height', h);
    rect.dataset.period = p;
    rect.innerHTML = `<title>${escape(p)}: ${n} events</title>`;
    rect.addEventListener('click', () => {
      svg.querySelectorAll('rect.chosen').forEach((r) => r.classList.remove('chosen'));
      rect.classList.add('chosen');
      onPeriod(p, unit, counts.get(p));
    });
    svg.appendChild(rect);
  });
  const labels = Math.min(periods.length, 8);
  for (let k = 0; k < labels; ++k) {
    const i = Math.floor(k * periods.length / labels);
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', i * step);
    t.setAttribute('y', height - 4);
    t.textContent = periods[i];
    svg.appendChild(t);
  }
}
