// The public API (/api/v1) and exact decimal arithmetic on its amounts (strings, never floats).
export const API = '/api/v1';

export async function getJson(path) {
  const res = await fetch(path.startsWith('/') ? path : API + '/' + path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message || ('HTTP ' + res.status + ' for ' + path));
  return body;
}

/** Every item of a list, following `next` (at most maxPages pages of 1000). */
export async function getAll(path, maxPages = 50) {
  let url = API + '/' + path + (path.includes('?') ? '&' : '?') + 'limit=1000';
  const items = [];
  for (let i = 0; url && i < maxPages; i++) {
    const page = await getJson(url);
    items.push(...page.items);
    url = page.next;
  }
  return items;
}

/** A decimal string as [BigInt minor units, fraction digits]. */
function parse(dec) {
  const s = String(dec ?? '0');
  const neg = s.startsWith('-');
  const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(i + f);
  return [neg ? -v : v, f.length];
}

function scale(v, from, to) {
  return v * 10n ** BigInt(to - from);
}

/** Exact sum of decimal strings, as a decimal string. */
export function sum(decs) {
  let digits = 0;
  const parsed = decs.map((d) => { const p = parse(d); digits = Math.max(digits, p[1]); return p; });
  let total = 0n;
  for (const [v, f] of parsed) total += scale(v, f, digits);
  return format(total, digits);
}

/** a - b exactly. */
export function sub(a, b) {
  return sum([a, neg(b)]);
}

function neg(d) {
  const s = String(d);
  return s.startsWith('-') ? s.slice(1) : '-' + s;
}

function format(v, digits) {
  const negative = v < 0n;
  let s = (negative ? -v : v).toString().padStart(digits + 1, '0');
  if (digits > 0) s = s.slice(0, s.length - digits) + '.' + s.slice(s.length - digits);
  return (negative ? '-' : '') + s;
}

/** As a number, for drawing only (never for totals shown). */
export function num(d) {
  return Number(d);
}

/** 1234567.5 -> "1,234,567.50" (exact: the string is grouped, not converted). */
export function money(dec) {
  const s = String(dec ?? '0');
  const negative = s.startsWith('-');
  const [i, f] = (negative ? s.slice(1) : s).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '−' : '') + grouped + (f !== undefined ? '.' + f : '');
}
