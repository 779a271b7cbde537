// An organisation: money in, out, spent and returned; its allocations; its payees; outcomes against targets.
import { el, link } from './dom.js';
import { getJson, getAll, sum, sub } from './api.js';
import { dataTable } from './table.js';
import { barChart } from './charts.js';

export async function render(view, id, params, navigate) {
  const [org, all] = await Promise.all([getJson(`organisations/${encodeURIComponent(id)}`),
    getAll(`allocations?org=${encodeURIComponent(id)}`)]);
  const years = [...new Set(all.map((a) => a.fiscalYear))].sort();
  const fy = params.get('fy') || String(years[years.length - 1] || new Date().getFullYear());
  document.title = `${org.name} ${fy} — Fundtrail`;
  const allocations = all.filter((a) => String(a.fiscalYear) === fy);
  const q = `org=${encodeURIComponent(id)}&includeDescendants=true&fiscalYear=${fy}`;
  const [spending, outcomes, children] = await Promise.all([getAll(`expenditures?${q}`, 20), getAll(`outcomes?${q}`),
    getAll(`organisations?org=${encodeURIComponent(id)}&includeDescendants=true`)]);
  view.append(el('h1', {}, org.name), el('p', {}, `${org.id} · ${org.tier}`,
    org.parentId ? [' · part of ', link(`/org/${org.parentId}?fy=${fy}`, org.parentId)] : '', ' · fiscal year ',
    ...years.flatMap((y, i) => [i ? ' ' : '', String(y) === fy ? el('strong', {}, String(y)) : link(`/org/${id}?fy=${y}`, String(y))]),
    ' · ', link(`/fy/${fy}`, `overview of ${fy}`)));
  const b = (k) => sum(allocations.map((a) => a.balance[k]));
  const money = {
    label: org.name,
    in: sub(sum([b('received'), b('returnedIn')]), b('reversed')), out: b('transferred'), spent: b('spent'),
    returned: b('returnedOut'), available: b('available'),
  };
  const series = [{ key: 'in', label: 'Money in (received + returned to it − reversed)' }, { key: 'out', label: 'Transferred on' },
    { key: 'spent', label: 'Spent' }, { key: 'returned', label: 'Returned up' }, { key: 'available', label: 'Unspent' }];
  view.append(el('section', { id: 'money' }, el('h2', {}, 'Money'), barChart(`Money of ${org.name}'s own allocations in ${fy}`, series, [money]),
    dataTable('Money', series.map((s) => ({ key: s.key, label: s.label, amount: true })), [money], `money-${id}-${fy}`, { id: 'money-table' })));
  view.append(el('section', {}, el('h2', {}, 'Allocations'), dataTable(`Allocations held in ${fy}`, [
    { key: 'id', label: 'Allocation', href: (r) => `/record/${r.id}` }, { key: 'purpose', label: 'Purpose' },
    { key: 'cofog', label: 'COFOG' }, { key: 'received', label: 'Received', amount: true },
    { key: 'transferred', label: 'Transferred', amount: true }, { key: 'spent', label: 'Spent', amount: true },
    { key: 'available', label: 'Unspent', amount: true }, { key: 'trace', label: 'Trace', href: (r) => `/trace/${r.id}` }],
  allocations.map((a) => Object.assign({ cofog: a.classification.cofog, trace: 'trace' }, a.balance, { id: a.id, purpose: a.purpose })),
  `allocations-${id}-${fy}`, { id: 'allocations-table' })));
  if (children.length > 1) {
    view.append(el('section', {}, el('h2', {}, 'Organisations below'), el('ul', {}, children.filter((c) => c.id !== id)
      .map((c) => el('li', {}, link(`/org/${c.id}?fy=${fy}`, c.name), ` (${c.tier})`)))));
  }
  view.append(payees(id, fy, spending), outcomeChart(id, fy, outcomes));
}

function payees(id, fy, spending) {
  const byPayee = new Map();
  for (const e of spending.filter((x) => !x.reversedBy)) {
    const p = byPayee.get(e.payee.name) || { payee: e.payee.name, identifier: e.payee.identifier || '', payments: 0, amounts: [] };
    p.payments += 1;
    p.amounts.push(e.amount);
    byPayee.set(e.payee.name, p);
  }
  const rows = [...byPayee.values()].map((p) => ({ payee: p.payee, identifier: p.identifier, payments: p.payments, amount: sum(p.amounts) }))
    .sort((a, b) => Number(b.amount) - Number(a.amount));
  const reversed = spending.filter((x) => x.reversedBy).length;
  return el('section', { id: 'payees' }, el('h2', {}, 'Payees'),
    el('p', { class: 'note' }, `Payments by ${id} and the organisations below it in ${fy}` + (reversed ? `, without the ${reversed} reversed.` : '; none was reversed.')),
    rows.length ? barChart('Largest payees', [{ key: 'amount', label: 'Paid' }], rows.slice(0, 12).map((r) => Object.assign({ label: r.payee }, r))) : '',
    dataTable('Payees', [{ key: 'payee', label: 'Payee' }, { key: 'identifier', label: 'Identifier' },
      { key: 'payments', label: 'Payments' }, { key: 'amount', label: 'Paid', amount: true }], rows, `payees-${id}-${fy}`, { id: 'payees-table' }));
}

function outcomeChart(id, fy, outcomes) {
  const rows = outcomes.map((o) => ({ id: o.id, label: o.indicator, indicator: o.indicator, unit: o.unit, baseline: o.baseline,
    target: o.target, actual: o.actual, met: isFinite(o.target) && isFinite(o.actual) ? (Number(o.actual) >= Number(o.target) ? 'at or above target' : 'below target') : '' }));
  const numeric = rows.filter((r) => isFinite(r.baseline) && isFinite(r.target) && isFinite(r.actual));
  return el('section', { id: 'outcomes' }, el('h2', {}, 'Outcomes against targets'),
    numeric.length ? barChart('Baseline, target and actual', [{ key: 'baseline', label: 'Baseline' }, { key: 'target', label: 'Target' },
      { key: 'actual', label: 'Actual' }], numeric) : el('p', {}, 'No numeric outcome reported.'),
    dataTable('Outcomes', [{ key: 'id', label: 'Outcome', href: (r) => `/record/${r.id}` }, { key: 'indicator', label: 'Indicator' },
      { key: 'unit', label: 'Unit' }, { key: 'baseline', label: 'Baseline' }, { key: 'target', label: 'Target' },
      { key: 'actual', label: 'Actual' }, { key: 'met', label: 'Result' }], rows, `outcomes-${id}-${fy}`, { id: 'outcomes-table' }));
}
