// A record: every field, its transaction and block, its history, and how to check it against the blocks.
import { el, link } from './dom.js';
import { API, getJson } from './api.js';
import { verifyRecord } from './verify.js';

const CHECKS = [
  ['record', 'The record is what its transaction wrote'],
  ['block', 'The transaction is in the block, and the block is intact'],
  ['chain', 'The block is hash-chained to the trust anchor'],
  ['signatures', 'Orderer, creator and endorser signatures are valid under the channel\'s MSPs'],
  ['policy', 'The endorsers satisfy the chaincode\'s endorsement policy'],
];

const POLICY_FROM_LINK = 'from the link you opened (?policy=)';
const POLICY_FROM_SERVER = 'as stated by this server, not by the ledger';

export async function render(view, id, params) {
  document.title = `${id} — Fundtrail`;
  const r = await getJson(`records/${encodeURIComponent(id)}`);
  const [tx, history] = await Promise.all([getJson(`transactions/${r.ledger.txId}`).catch(() => null),
    getJson(`records/${encodeURIComponent(id)}/history`).catch(() => null)]);
  view.append(el('h1', {}, `${r.type ? r.type.toLowerCase() : 'record'} ${id}`));
  if (r.reversedBy) view.append(el('p', { class: 'warning' }, 'Reversed by ', link(`/record/${r.reversedBy}`, r.reversedBy)));
  // the record's own fields (what "Verify in your browser" checks); where the ledger holds it is shown
  // under "Transaction and block", an allocation's balance (another key, other transactions) apart
  const rows = flatten(r, '').filter(([k, v]) => !/^(links|ledger|balance)\./.test(k) && !(k === 'reversedBy' && v === ''));
  view.append(el('section', {}, el('h2', {}, 'Fields'), fieldTable('fields', 'Every field as the ledger holds it', rows)));
  if (r.balance) {
    const b = r.balance;
    view.append(el('section', {}, el('h2', {}, 'Balance now'), el('p', { class: 'note' }, 'Every transfer, payment and return ',
      'changes it; the latest change is transaction ', el('code', {}, b.ledger.txId), ' in block ', String(b.ledger.blockNumber),
      '. The check below covers the fields above, not this balance.'),
    fieldTable('balance', 'The allocation\'s balance', flatten(b, '').filter(([k]) => !k.startsWith('ledger.')))));
  }
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
  view.append(verifySection(r, params.get('anchor'), params.get('policy')));
}

/** "Verify in your browser": runs after the page is shown; the section says when it is done. */
function verifySection(r, anchor, policyParam) {
  const valid = anchor && /^[0-9a-fA-F]{64}$/.test(anchor) ? anchor.toLowerCase() : null;
  const items = new Map(CHECKS.map(([id, label]) => [id, el('li', { 'data-check': id },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, '…'), ' ', el('strong', {}, label), el('br'),
    el('span', { class: 'detail note' }, 'checking…'))]));
  const anchorText = el('code', { id: 'anchor' }, valid || 'taken from this server\'s block 0');
  const verdict = el('p', { id: 'verdict', role: 'status' }, 'Verifying…');
  const policyText = el('code', { id: 'policy' }, policyParam || 'asking this server…');
  const policyNote = el('span', { class: 'note', id: 'policy-note', 'data-source': policyParam ? 'link' : 'server' },
    policyParam ? POLICY_FROM_LINK + '.' : 'the blocks do not carry it: taken from this server (' + API + '/endorsement-policy).');
  const section = el('section', { id: 'verify', 'data-state': 'running' }, el('h2', {}, 'Verify in your browser'),
    el('p', {}, 'This page downloads the signed block ', String(r.ledger.blockNumber), r.ledger.blockNumber > 0
      ? [', the config block it names, and the headers of blocks 0 to ', String(r.ledger.blockNumber - 1), ' from ',
        el('code', {}, `${API}/blocks/{n}`), ' and ', el('code', {}, `${API}/headers`)] : [' from ', el('code', {}, `${API}/blocks/{n}`)],
      ' and checks them itself with WebCrypto (ECDSA P-256, SHA-256); ',
      'it takes nothing on the server\'s word but the blocks and, unless the link gives one, the endorsement policy.'),
    el('p', {}, 'Trust anchor (header hash of the genesis block): ', anchorText, el('br'), el('span', { class: 'note', id: 'anchor-note' },
      valid ? 'from the link you opened (?anchor=).'
        : 'no anchor given: compare this hash with one published elsewhere, or open the page with ?anchor=HASH.')),
    el('p', {}, 'Endorsement policy: ', policyText, el('br'), policyNote),
    el('ol', { class: 'checks' }, [...items.values()]), verdict,
    el('form', { method: 'get', action: `/record/${encodeURIComponent(r.id)}`, class: 'anchor-form' },
      el('label', { for: 'anchor-input' }, 'Check against another trust anchor: '),
      el('input', { id: 'anchor-input', name: 'anchor', required: true, pattern: '[0-9a-fA-F]{64}', size: 66,
        placeholder: '64 hex digits', value: valid || '' }),
      policyParam ? el('input', { type: 'hidden', name: 'policy', value: policyParam }) : '',
      el('button', { type: 'submit' }, 'Verify')));
  const anchorNote = section.querySelector('#anchor-note');
  const fetchBlock = async (n) => {
    const res = await fetch(`${API}/blocks/${n}`);
    if (!res.ok) {
      // The server checks its stored copy against the chain first: a damaged block is a 500 that says so.
      const said = await res.json().then((b) => b.message, () => null);
      throw new Error(said || `block ${n}: HTTP ${res.status}`);
    }
    return new Uint8Array(await res.arrayBuffer());
  };
  const fetchHeaders = async (first, last) => {
    const res = await fetch(`${API}/headers?first=${first}&last=${last}`);
    if (!res.ok) {
      const said = await res.json().then((b) => b.message, () => null);
      throw new Error(said || `headers ${first} to ${last}: HTTP ${res.status}`);
    }
    return new Uint8Array(await res.arrayBuffer());
  };
  // The chaincode's endorsement policy: the blocks of this ledger do not carry it (no _lifecycle
  // definitions), so it is the link's, or else the server's word, and the page says which.
  const getPolicy = async () => {
    if (policyParam) return { text: policyParam, chaincode: null, source: POLICY_FROM_LINK };
    let p;
    try {
      p = await getJson('endorsement-policy');
    } catch (e) {
      policyText.textContent = 'none';
      policyNote.textContent = `this server states none (${e.message}): open the page with ?policy=POLICY.`;
      throw e;
    }
    policyText.textContent = p.policy;
    policyNote.textContent = `${POLICY_FROM_SERVER} (${API}/endorsement-policy, for chaincode ${p.chaincode}): the blocks `
      + 'do not carry it, so this is weaker than the trust anchor. To check against a policy published elsewhere, open '
      + 'the page with ?policy=POLICY.';
    return { text: p.policy, chaincode: p.chaincode, source: POLICY_FROM_SERVER };
  };
  const report = (id, ok, detail) => {
    const li = items.get(id);
    li.dataset.ok = ok;
    li.querySelector('.mark').className = 'mark ' + (ok ? 'verified' : 'not-verified');
    li.querySelector('.mark').textContent = ok ? '✓' : '✗';
    li.querySelector('.detail').textContent = detail;
  };
  if (anchor && !valid) {
    section.dataset.state = 'done';
    verdict.className = 'not-verified';
    verdict.textContent = 'NOT verified: the anchor in the link is not a 64-digit hex SHA-256';
    return section;
  }
  // every request stays countable in the Resource Timing buffer (250 entries by default)
  performance.setResourceTimingBufferSize(500);
  verifyRecord(r, fetchBlock, fetchHeaders, valid, report, getPolicy).then((result) => {
    if (!valid && result.anchor) {
      anchorText.textContent = result.anchor;
      const pinned = `/record/${encodeURIComponent(r.id)}?anchor=${result.anchor}`
        + (policyParam ? `&policy=${encodeURIComponent(policyParam)}` : '');
      anchorNote.append(' ', el('a', { id: 'pin-anchor', href: pinned }, 'A link to this page with this anchor'),
        ' checks against it next time, whatever the server says then.');
    }
    verdict.className = result.verified ? 'verified' : 'not-verified';
    verdict.textContent = !result.verified ? `NOT verified: ${result.reason}`
      : valid ? 'Verified' : 'Verified against this server\'s own genesis block (no trust anchor given)';
  }, (e) => {
    verdict.className = 'not-verified';
    verdict.textContent = `NOT verified: ${e.message}`;
  }).finally(() => {
    section.dataset.state = 'done';
    section.dataset.verified = verdict.className === 'verified';
    performance.mark('fundtrail-verified');
  });
  return section;
}

function fieldTable(id, caption, rows) {
  return el('table', { class: 'data', id }, el('caption', {}, caption),
    el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', { 'data-field': k }, v)))));
}

function flatten(v, prefix) {
  if (v === null || typeof v !== 'object') return [[prefix, v === null ? '' : String(v)]];
  if (Array.isArray(v)) return [[prefix, v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)).join('; ')]];
  return Object.entries(v).flatMap(([k, x]) => flatten(x, prefix ? prefix + '.' + k : k));
}
