// A record: every field, its transaction and block, its history, and how to check it against the blocks.
import { el, link } from './dom.js';
import { getJson } from './api.js';

export async function render(view, id) {
  document.title = `${id} — Fundtrail`;
  const r = await getJson(`records/${encodeURIComponent(id)}`);
  const [tx, history] = await Promise.all([getJson(`transactions/${r.ledger.txId}`).catch(() => null),
    getJson(`records/${encodeURIComponent(id)}/history`).catch(() => null)]);
  view.append(el('h1', {}, `${r.type ? r.type.toLowerCase() : 'record'} ${id}`));
  if (r.reversedBy) view.append(el('p', { class: 'warning' }, 'Reversed by ', link(`/record/${r.reversedBy}`, r.reversedBy)));
  const rows = flatten(r, '').filter(([k]) => !k.startsWith('links.'));
  view.append(el('section', {}, el('h2', {}, 'Fields'), el('table', { class: 'data', id: 'fields' },
    el('caption', {}, 'Every field as the ledger holds it'),
    el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', { 'data-field': k }, v)))))));
  const nav = [];
  if (r.links.traceDown) nav.push(link(`/trace/${id}`, 'trace down'));
  if (r.links.traceUp) nav.push(link(`/trace/${id}`, 'trace up'));
  for (const k of ['holderOrgId', 'toOrgId']) if (r[k]) nav.push(link(`/org/${r[k]}`, r[k]));
  for (const [k, v] of Object.entries(r.links)) {
    if (typeof v === 'string' && /\/api\/v1\/\w+\/[^/?]+$/.test(v) && !/(blocks|transactions|history)/.test(v) && k !== 'self') {
      nav.push(link('/record/' + v.split('/').pop(), `${k} ${v.split('/').pop()}`));
    }
  }
  view.append(el('p', {}, nav.flatMap((n, i) => [i ? ' · ' : '', n])));
  view.append(el('section', {}, el('h2', {}, 'Transaction and block'), el('dl', {},
    el('dt', {}, 'Transaction'), el('dd', { id: 'txid' }, r.ledger.txId),
    el('dt', {}, 'Block'), el('dd', { id: 'block' }, el('a', { href: `/api/v1/blocks/${r.ledger.blockNumber}` }, String(r.ledger.blockNumber))),
    tx ? [el('dt', {}, 'Submitted by'), el('dd', {}, `${tx.creatorMsp} ${tx.creatorSubject || ''}`),
      el('dt', {}, 'Time'), el('dd', {}, tx.timestamp || ''), el('dt', {}, 'Validation'), el('dd', {}, tx.validationCode)] : '')));
  if (history) {
    view.append(el('section', {}, el('h2', {}, 'History'), el('ol', { id: 'history' }, history.versions.map((v) =>
      el('li', {}, `${v.kind} at ${v.recordedAt || ''} in block ${v.ledger.blockNumber}`,
        v.balance ? ` — unspent ${v.balance.available}` : '')))));
  }
  // In-browser verification (WebCrypto over the raw blocks) is not built yet: say how to check instead.
  view.append(el('section', { id: 'verify' }, el('h2', {}, 'Check it yourself'),
    el('p', {}, 'Download the signed block ', el('a', { href: `/api/v1/blocks/${r.ledger.blockNumber}` },
      String(r.ledger.blockNumber)), ' and check it with ', el('code', {}, 'fundtrail verify'),
    ' (signatures, hash chain, and that this record is in its transaction).')));
}

function flatten(v, prefix) {
  if (v === null || typeof v !== 'object') return [[prefix, v === null ? '' : String(v)]];
  if (Array.isArray(v)) return [[prefix, v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)).join('; ')]];
  return Object.entries(v).flatMap(([k, x]) => flatten(x, prefix ? prefix + '.' + k : k));
}
