// Home: the fiscal years on the ledger, and a search over every collection.
import { el, link } from './dom.js';
import { API, getJson } from './api.js';
import { dataTable } from './table.js';

const COLUMNS = {
  allocations: ['id', 'holderOrgId', 'purpose', 'fiscalYear', 'amount'],
  transfers: ['id', 'fromAllocationId', 'toOrgId', 'purpose', 'amount', 'reversedBy'],
  expenditures: ['id', 'allocationId', 'payee', 'date', 'amount', 'reversedBy'],
  outcomes: ['id', 'indicator', 'target', 'actual', 'period'],
  organisations: ['id', 'name', 'tier', 'parentId'],
};

export async function render(view, _arg, params, navigate) {
  document.title = 'Fundtrail — follow public money';
  const summary = await getJson('summary');
  const years = [...new Set(summary.byFiscalYear.map((r) => r.fiscalYear))].sort().reverse();
  view.append(el('h1', {}, 'Follow public money'),
    el('p', { id: 'years' }, 'Year overviews: ', ...years.flatMap((y, i) => [i ? ' · ' : '', link('/fy/' + y, String(y))])));
  const type = params.get('type') || 'allocations';
  const form = el('form', { id: 'search', role: 'search' },
    el('label', {}, 'Find ', el('select', { name: 'type' }, Object.keys(COLUMNS).map((t) =>
      el('option', { value: t, selected: t === type }, t)))),
    el('label', {}, ' words ', el('input', { name: 'q', type: 'search', maxlength: 200, value: params.get('q') || '' })),
    el('label', {}, ' year ', el('input', { name: 'fiscalYear', type: 'number', min: 1900, max: 9999, value: params.get('fiscalYear') || '' })),
    el('label', {}, ' organisation ', el('input', { name: 'org', maxlength: 64, size: 12, value: params.get('org') || '' })),
    el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    navigate('/?' + p);
  });
  view.append(form);
  if (![...params.keys()].length) return;
  const q = new URLSearchParams();
  for (const k of ['q', 'fiscalYear', 'org']) {
    if (params.get(k) && !(k === 'fiscalYear' && type === 'organisations')) q.set(k, params.get(k));
  }
  if (params.get('org')) q.set('includeDescendants', 'true');
  const page = await getJson(`${API}/${type}?${q}&limit=200`);
  const rows = page.items.map((i) => Object.assign({}, i, { payee: i.payee ? i.payee.name : undefined }));
  const columns = COLUMNS[type].map((k) => ({ key: k, label: k, amount: k === 'amount',
    href: k === 'id' ? (r) => '/record/' + r.id : null }));
  view.append(dataTable(`${rows.length}${page.next ? '+' : ''} ${type}`, columns, rows, type),
    el('p', {}, el('a', { href: `${API}/${type}.csv?${q}` }, 'Every matching row as CSV (from the API)')));
}
