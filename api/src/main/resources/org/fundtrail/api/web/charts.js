// Charts drawn as SVG: grouped horizontal bars, and a Sankey laid out by d3-sankey (vendored).
import { svg, el } from './dom.js';
import { money, num } from './api.js';

const COLOURS = ['#3a6ea5', '#e07b39', '#5a9e4b', '#b04a5a', '#7b68a6', '#8c6d31', '#2f8f8f', '#666'];

/**
 * Horizontal bars: one group per row, one bar per series.
 * series: [{key, label}]; rows: [{label, <key>: decimal string}]
 */
export function barChart(title, series, rows) {
  const barH = 14, gap = 8, labelW = 200, width = 720;
  const groupH = series.length * barH + gap;
  const height = rows.length * groupH + 24;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => num(r[s.key] || 0))));
  const scale = (v) => (num(v || 0) / max) * (width - labelW - 110);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title + ' (the table below has the numbers)', class: 'chart' });
  rows.forEach((r, i) => {
    const y = i * groupH;
    const short = r.label.length > 32 ? r.label.slice(0, 31) + '…' : r.label; // the full label in its tooltip and the table
    chart.append(svg('text', { x: labelW - 6, y: y + groupH / 2, 'text-anchor': 'end', class: 'label' }, short,
      svg('title', {}, r.label)));
    series.forEach((s, j) => {
      const w = scale(r[s.key]);
      chart.append(svg('rect', { x: labelW, y: y + j * barH, width: num(r[s.key] || 0) > 0 ? Math.max(1, w) : 0, height: barH - 2, fill: COLOURS[j],
        'data-series': s.key, 'data-value': r[s.key] },
      svg('title', {}, `${r.label} — ${s.label}: ${money(r[s.key])}`)));
      chart.append(svg('text', { x: labelW + w + 4, y: y + j * barH + barH - 4, class: 'value' }, money(r[s.key])));
    });
  });
  const legend = el('p', { class: 'legend' }, series.map((s, j) =>
    el('span', {}, el('span', { class: 'swatch', style: `background:${COLOURS[j]}` }), s.label)));
  return el('figure', {}, el('figcaption', {}, title), legend, chart);
}

/**
 * A Sankey diagram. nodes: [{id, label, href?}], links: [{source, target, value (decimal string)}].
 * Bands and nodes that have an href are links (click or Enter).
 */
export function sankey(title, nodes, links, navigate) {
  const width = 960, height = Math.max(360, nodes.length * 18);
  const layout = d3.sankey().nodeId((d) => d.id).nodeWidth(14).nodePadding(10).extent([[1, 1], [width - 160, height - 5]]);
  const graph = layout({
    nodes: nodes.map((n) => Object.assign({}, n)),
    links: links.map((l) => Object.assign({}, l, { amount: l.value, value: num(l.value) })),
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart sankey', role: 'group', 'aria-label': title + ' (the table below has the numbers)' });
  const path = d3.sankeyLinkHorizontal();
  for (const l of graph.links) {
    const go = l.target.href || null;
    const band = svg('path', {
      d: path(l), class: 'band', 'stroke-width': Math.max(1, l.width), stroke: l.target.colour || '#3a6ea5',
      'data-source': l.source.id, 'data-target': l.target.id, 'data-value': l.amount,
      tabindex: go ? 0 : null, role: go ? 'link' : null,
      'aria-label': `${l.source.label} to ${l.target.label}: ${money(l.amount)}`,
    }, svg('title', {}, `${l.source.label} → ${l.target.label}: ${money(l.amount)}`));
    if (go) activate(band, () => navigate(go));
    chart.append(band);
  }
  const labelY = labelPositions(graph.nodes);
  for (const n of graph.nodes) {
    const g = svg('g', { class: 'node', 'data-node': n.id, tabindex: n.href ? 0 : null, role: n.href ? 'link' : null,
      'aria-label': n.href ? `${n.label}: open its page` : null });
    g.append(svg('rect', { x: n.x0, y: n.y0, width: n.x1 - n.x0, height: Math.max(1, n.y1 - n.y0), fill: n.colour || '#333' }));
    g.append(svg('text', { x: n.x1 + 4, y: labelY.get(n), class: 'label' }, n.label));
    if (n.href) activate(g, () => navigate(n.href));
    chart.append(g);
  }
  return el('figure', {}, el('figcaption', {}, title), chart);
}

/** Each node's label baseline: beside its node, pushed down when it would overlap the one above in its column. */
function labelPositions(nodes, lineHeight = 12) {
  const out = new Map();
  const columns = new Map();
  for (const n of nodes) {
    if (!columns.has(n.x0)) columns.set(n.x0, []);
    columns.get(n.x0).push(n);
  }
  for (const column of columns.values()) {
    let last = -Infinity;
    for (const n of column.sort((a, b) => a.y0 - b.y0)) {
      const y = Math.max((n.y0 + n.y1) / 2 + 4, last + lineHeight);
      out.set(n, y);
      last = y;
    }
  }
  return out;
}

function activate(node, go) {
  node.addEventListener('click', go);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); }
  });
}
