// The year overview: totals, outcomes, the flow of money as a Sankey, and the split by COFOG function.
import { el, link } from './dom.js';
import { getJson, getAll, money } from './api.js';
import { dataTable } from './table.js';
import { barChart, sankey } from './charts.js';

export const COFOG = {
  '01': 'General public services', '02': 'Defence', '03': 'Public order and safety', '04': 'Economic affairs',
  '05': 'Environmental protection', '06': 'Housing and community amenities', '07': 'Health',
  '08': 'Recreation, culture and religion', '09': 'Education', '10': 'Social protection',
};
const TOTALS = [
  ['appropriated', 'Appropriated'], ['transferred', 'Transferred'], ['spent', 'Spent'],
  ['returned', 'Returned'], ['reversed', 'Reversed'], ['available', 'Unspent'],
];

export async function render(view, year, _params, navigate) {
  document.title = `Fiscal year ${year} — Fundtrail`;
  const [summary, orgs] = await Promise.all([getJson(`summary?fiscalYear=${year}`), getAll('organisations')]);
  const jump = el('form', { class: 'inline' }, el('label', {}, 'Another year: ',
    el('input', { name: 'year', type: 'number', min: 1900, max: 9999, value: year, size: 5 })), el('button', {}, 'Go'));
  jump.addEventListener('submit', (e) => { e.preventDefault(); navigate('/fy/' + jump.elements.year.value); });
  view.append(el('h1', {}, `Fiscal year ${year}`), jump);
  const totals = summary.byFiscalYear[0];
  if (!totals) {
    view.append(el('p', {}, `Nothing was appropriated for ${year}.`));
    return;
  }
  const cur = totals.currency;
  view.append(el('dl', { class: 'totals', id: 'totals' }, TOTALS.flatMap(([k, label]) => [
    el('dt', {}, label), el('dd', { 'data-total': k, 'data-value': totals[k] }, money(totals[k]) + ' ' + cur)])));
  view.append(el('p', { class: 'note' }, 'Transferred and spent are net of reversed transfers and payments; unspent is what ',
    'allocations still hold; returned is money sent back up (agencies returned ', money(totals.returnedIn), ' ', cur,
    ' to their departments). ', link('/?type=expenditures&fiscalYear=' + year, 'Search the payments of ' + year)));
  view.append(outcomes(summary.outcomes[0]));
  view.append(flow(year, cur, summary.flows, orgs, navigate));
  view.append(departments(year, summary.byDepartment));
  view.append(cofog(summary.byCofog));
}

function outcomes(o) {
  const section = el('section', {}, el('h2', {}, 'Outcomes against targets'));
  if (!o) {
    section.append(el('p', {}, 'No outcome reported.'));
    return section;
  }
  const met = o.actualAtOrAboveTarget, missed = o.numericTarget - met, other = o.reported - o.numericTarget;
  section.append(el('dl', { class: 'totals', id: 'outcomes' },
    el('dt', {}, 'Reported'), el('dd', { 'data-outcomes': 'reported' }, o.reported),
    el('dt', {}, 'At or above target'), el('dd', { 'data-outcomes': 'met' }, met),
    el('dt', {}, 'Below target'), el('dd', { 'data-outcomes': 'missed' }, missed),
    el('dt', {}, 'Not numeric'), el('dd', { 'data-outcomes': 'other' }, other)));
  return section;
}

/**
 * Ministry → departments → agencies → spent / unspent / returned, from the summary's `flows` (the
 * read model sums them per organisation pair: each allocation sends its holder what it kept of what
 * it received, and on to the sinks what it spent and still holds). So every node's bands in equal
 * its bands out, and the sinks add up to what was appropriated.
 */
export function flows(rows, orgs) {
  const org = new Map(orgs.map((o) => [o.id, o]));
  const links = rows.map((f) => ({ source: f.from, target: f.kind === 'transfer' ? f.to : f.kind, value: f.amount }));
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const sinks = { spent: ['Spent', '#5a9e4b'], unspent: ['Unspent', '#999'], returned: ['Returned, unspent', '#e07b39'] };
  const nodes = [...used].map((id) => (sinks[id]
    ? { id, label: sinks[id][0], colour: sinks[id][1] }
    : { id, label: org.get(id) ? org.get(id).name : id, tier: org.get(id) ? org.get(id).tier : '' }));
  return { nodes, links };
}

function flow(year, cur, summaryFlows, orgs, navigate) {
  const { nodes, links } = flows(summaryFlows.filter((f) => f.currency === cur), orgs);
  nodes.forEach((n) => { if (n.tier) n.href = `/org/${encodeURIComponent(n.id)}?fy=${year}`; });
  const label = new Map(nodes.map((n) => [n.id, n.label]));
  const section = el('section', { id: 'flow' }, el('h2', {}, `Where the money went (${cur})`));
  section.append(sankey(`Flow of ${year} money: ministry → departments → agencies → spent, unspent, returned. `
    + 'Select a band or an organisation to open its page.', nodes, links, navigate));
  const rows = links.map((l) => ({ from: label.get(l.source), to: label.get(l.target), amount: l.value }));
  section.append(dataTable('The flow as a table', [{ key: 'from', label: 'From' }, { key: 'to', label: 'To' },
    { key: 'amount', label: 'Amount (' + cur + ')', amount: true }], rows, `flow-${year}`, { id: 'flow-table' }));
  return section;
}

function departments(year, rows) {
  const section = el('section', {}, el('h2', {}, 'By department (with its agencies)'));
  section.append(barChart('Departments: received, spent, unspent', [
    { key: 'appropriated', label: 'Received from the ministry' }, { key: 'spent', label: 'Spent' },
    { key: 'available', label: 'Unspent' }], rows.map((r) => Object.assign({ label: r.name }, r))));
  section.append(dataTable('Departments', [
    { key: 'department', label: 'Department', href: (r) => `/org/${r.department}?fy=${year}` }, { key: 'name', label: 'Name' },
    ...['appropriated', 'transferred', 'spent', 'returned', 'returnedIn', 'reversed', 'available']
      .map((k) => ({ key: k, label: k === 'appropriated' ? 'received' : k, amount: true }))], rows, `departments-${year}`,
  { id: 'departments-table' }));
  return section;
}

function cofog(rows) {
  const section = el('section', {}, el('h2', {}, 'By function of government (COFOG)'));
  const named = rows.map((r) => Object.assign({ label: `${r.cofog} ${COFOG[r.cofog] || ''}`, function: COFOG[r.cofog] || '' }, r));
  section.append(barChart('By COFOG division: appropriated, spent, unspent', [
    { key: 'appropriated', label: 'Appropriated' }, { key: 'spent', label: 'Spent' }, { key: 'available', label: 'Unspent' }],
  named));
  section.append(dataTable('By COFOG division', [{ key: 'cofog', label: 'COFOG' }, { key: 'function', label: 'Function' },
    ...['appropriated', 'transferred', 'spent', 'returned', 'reversed', 'available'].map((k) => ({ key: k, label: k, amount: true }))],
  named, 'cofog', { id: 'cofog-table' }));
  return section;
}
