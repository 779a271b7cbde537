// The journalists' page: uses only the public API (/api/v1). All data goes into the page as text.
(function () {
  'use strict';
  const api = '/api/v1';
  const $ = (id) => document.getElementById(id);
  const columns = {
    allocations: ['id', 'holderOrgId', 'purpose', 'fiscalYear', 'amount'],
    transfers: ['id', 'fromAllocationId', 'toOrgId', 'purpose', 'amount'],
    expenditures: ['id', 'allocationId', 'payee', 'date', 'amount'],
    outcomes: ['id', 'indicator', 'target', 'actual', 'period'],
    organisations: ['id', 'name', 'tier', 'parentId'],
  };
  let next = null;

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  async function get(url) {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.message || ('HTTP ' + res.status));
    return body;
  }

  function query() {
    const p = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) p.set('q', q);
    const type = $('type').value;
    if ($('fiscalYear').value && type !== 'organisations') p.set('fiscalYear', $('fiscalYear').value);
    if ($('org').value.trim()) { p.set('org', $('org').value.trim()); p.set('includeDescendants', 'true'); }
    return p;
  }

  function cell(item, name) {
    if (name === 'payee') return item.payee ? item.payee.name : '';
    const v = item[name];
    return v === undefined || v === null ? '' : v;
  }

  function showRows(type, items, append) {
    const head = $('results').tHead, body = $('results').tBodies[0];
    if (!append) {
      head.textContent = ''; body.textContent = '';
      const tr = el('tr');
      columns[type].forEach((c) => tr.appendChild(el('th', c)));
      head.appendChild(tr);
    }
    items.forEach((item) => {
      const tr = el('tr');
      columns[type].forEach((c, i) => {
        const td = el('td', null, c === 'amount' ? { class: 'amount' } : {});
        if (i === 0) {
          const a = el('a', item.id, { href: '#' + encodeURIComponent(item.id) });
          td.appendChild(a);
        } else {
          td.textContent = String(cell(item, c)) + (c === 'amount' ? ' ' + item.currency : '');
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  async function search(append) {
    const type = $('type').value;
    const params = query();
    params.set('limit', '50');
    const url = append ? next : api + '/' + type + '?' + params.toString();
    $('csv').href = api + '/' + type + '.csv?' + query().toString();
    try {
      const page = await get(url);
      showRows(type, page.items, append);
      next = page.next;
      $('more').hidden = !next;
      $('status').className = '';
      $('status').textContent = (append ? 'More ' : '') + page.items.length + ' shown'
          + (next ? ', more available' : '') + ' · ledger height ' + page.ledgerHeight;
    } catch (e) {
      $('status').className = 'error';
      $('status').textContent = e.message;
    }
  }

  function traceTree(node) {
    const li = el('li');
    const a = el('a', node.allocationId, { href: '#' + encodeURIComponent(node.allocationId) });
    li.appendChild(a);
    li.appendChild(document.createTextNode(' ' + node.holderOrgId + ': received ' + node.received + ', spent '
        + node.spent + ', available ' + node.available + ' ' + node.currency
        + (node.complete ? '' : ' (more below)')));
    if (node.children && node.children.length) {
      const ul = el('ul');
      node.children.forEach((c) => ul.appendChild(traceTree(c)));
      li.appendChild(ul);
    }
    return li;
  }

  async function show(id) {
    try {
      const r = await get(api + '/records/' + encodeURIComponent(id));
      $('detail').hidden = false;
      $('detail-title').textContent = r.type + ' ' + r.id;
      const dl = $('detail-fields');
      dl.textContent = '';
      Object.entries(r).forEach(([k, v]) => {
        if (k === 'links') return;
        dl.appendChild(el('dt', k));
        dl.appendChild(el('dd', typeof v === 'object' ? JSON.stringify(v) : v));
      });
      const ul = $('detail-links');
      ul.textContent = '';
      Object.entries(r.links).forEach(([name, target]) => {
        [].concat(target).forEach((url) => {
          const li = el('li');
          const m = /^\/api\/v1\/[a-z]+\/([A-Za-z0-9._-]+)$/.exec(url);
          const a = el('a', name + ': ' + url, { href: m && !url.includes('/blocks/') && !url.includes('/transactions/')
              ? '#' + m[1] : url });
          li.appendChild(a);
          ul.appendChild(li);
        });
      });
      $('trace').textContent = '';
      if (r.type === 'ALLOCATION') {
        const t = await get(api + '/trace/' + encodeURIComponent(id) + '?direction=down&depth=3');
        const tree = el('ul');
        tree.appendChild(traceTree(t.root));
        $('trace').appendChild(el('h3', 'Where the money went'));
        $('trace').appendChild(tree);
      } else if (r.type !== 'ORGANIZATION') {
        const t = await get(api + '/trace/' + encodeURIComponent(id) + '?direction=up');
        $('trace').appendChild(el('h3', 'Where the money came from'));
        t.paths.forEach((path) => {
          const p = el('p');
          path.forEach((step, i) => {
            if (i) p.appendChild(document.createTextNode(' ← '));
            p.appendChild(el('a', step.allocationId + ' (' + step.holderOrgId + ')',
                { href: '#' + encodeURIComponent(step.allocationId) }));
          });
          $('trace').appendChild(p);
        });
      }
      $('detail').scrollIntoView();
    } catch (e) {
      $('status').className = 'error';
      $('status').textContent = e.message;
    }
  }

  $('search').addEventListener('submit', (e) => { e.preventDefault(); search(false); });
  $('more').addEventListener('click', () => search(true));
  window.addEventListener('hashchange', () => { if (location.hash.length > 1) show(decodeURIComponent(location.hash.slice(1))); });
  search(false);
  if (location.hash.length > 1) show(decodeURIComponent(location.hash.slice(1)));
})();
