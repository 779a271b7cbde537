// Accessible data tables (caption, column headers) with a "Download CSV" link of exactly what is shown.
import { el, link } from './dom.js';
import { money } from './api.js';

/**
 * columns: [{key, label, amount?: true, href?: (row) => url}]; rows: plain objects.
 * Returns a <div> holding the table and its CSV link.
 */
export function dataTable(caption, columns, rows, filename, attrs) {
  const head = el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.amount ? 'amount' : null }, c.label)));
  const body = rows.map((r) => el('tr', {}, columns.map((c, i) => {
    const v = r[c.key] ?? '';
    const content = c.href && v !== '' ? link(c.href(r), String(v)) : (c.amount && v !== '' ? money(v) : String(v));
    const cell = el(i === 0 ? 'th' : 'td', {
      scope: i === 0 ? 'row' : null, class: c.amount ? 'amount' : null, 'data-key': c.key,
      'data-value': c.amount ? v : null,
    }, content);
    return cell;
  })));
  const table = el('table', Object.assign({ class: 'data' }, attrs || {}), el('caption', {}, caption),
    el('thead', {}, head), el('tbody', {}, body));
  const csv = el('a', { href: '#', class: 'csv', download: filename + '.csv' }, 'Download this table as CSV');
  csv.addEventListener('click', () => {
    csv.href = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv' }));
  });
  return el('div', { class: 'table' }, table, csv);
}

export function toCsv(columns, rows) {
  const q = (v) => {
    const s = String(v ?? '');
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return [columns.map((c) => q(c.key)).join(','), ...rows.map((r) => columns.map((c) => q(r[c.key])).join(','))]
    .join('\r\n') + '\r\n';
}
