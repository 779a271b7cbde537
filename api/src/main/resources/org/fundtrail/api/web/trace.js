// A trace drawn as a collapsible tree (<details>): per node received, transferred, spent, returned,
// unspent and outcomes; or, for any other record, the path up to its appropriation.
import { el, link } from './dom.js';
import { getJson, money } from './api.js';

export async function render(view, id) {
  document.title = `Trace ${id} — Fundtrail`;
  const record = await getJson(`records/${encodeURIComponent(id)}`);
  const down = record.links && record.links.traceDown;
  view.append(el('h1', {}, `Trace ${down ? 'down from' : 'up from'} `, link(`/record/${id}`, id)));
  if (down) {
    const t = await getJson(`trace/${encodeURIComponent(id)}?direction=down`);
    view.append(el('p', { class: 'note' }, `${t.nodes} allocation${t.nodes === 1 ? '' : 's'}; amounts in ${t.root.currency}. `
      + 'Open or close a level with Enter or Space.'), el('div', { class: 'tree', id: 'tree' }, node(t.root, 0)));
    if (t.truncated || (t.pending && t.pending.length)) {
      view.append(el('p', { class: 'note' }, `The walk stopped at the depth limit; continue from: `,
        ...t.pending.flatMap((p, i) => [i ? ', ' : '', link(`/trace/${p}`, p)])));
    }
  } else {
    const t = await getJson(`trace/${encodeURIComponent(id)}?direction=up`);
    view.append(el('pre', { class: 'json' }, JSON.stringify(t, null, 2)));
  }
}

function node(n, depth) {
  const fields = [['received', n.received], ['transferred', n.transferred], ['spent', n.spent],
    ['returned', n.returned], ['reversed', n.reversed], ['unspent', n.available]];
  const summary = el('summary', {}, el('strong', {}, n.allocationId), ` ${n.holderOrgId} `,
    el('span', { class: 'figures' }, fields.map(([k, v]) =>
      el('span', { 'data-field': k, 'data-value': v }, `${k} ${money(v)} `))),
    n.complete === false ? el('em', {}, ' (more below the depth limit)') : '');
  const body = el('div', {}, el('p', {}, link(`/record/${n.allocationId}`, 'record'), ' · ',
    link(`/org/${n.holderOrgId}?fy=${n.fiscalYear}`, n.holderOrgId), ` · ${n.expenditures} payments`),
  n.outcomes.length ? el('ul', { class: 'outcomes' }, n.outcomes.map((o) =>
    el('li', {}, link(`/record/${o.id || o.outcomeId}`, o.indicator || o.id || 'outcome'),
      o.target !== undefined ? `: target ${o.target}, actual ${o.actual}` : ''))) : '',
  n.children.map((c) => node(c, depth + 1)));
  return el('details', { open: depth < 2, 'data-allocation': n.allocationId }, summary, body);
}
