// Chaincode endorsement policies in Fabric's signature-policy syntax: AND(...), OR(...) and
// OutOf(n, ...) over 'MSPID.role' principals (role: member, admin, client, peer, orderer), parsed as
// Fabric's policydsl parses them and evaluated as its cauthdsl does: rules in order, each signer used
// for at most one principal. A port of EndorsementPolicy (ledger-client), the reference.

export const ROLES = ['member', 'admin', 'client', 'peer', 'orderer'];

/** Text that is not a signature policy. */
export class PolicyError extends Error {}

/**
 * @param text e.g. "AND('FinanceMSP.peer','AuditMSP.peer')" or "OutOf(2, 'A.peer', 'B.peer', 'C.peer')"
 * @returns the rule tree: {n, rules: [...]} or {msp, role}
 */
export function parse(text) {
  const s = String(text);
  let pos = 0;
  const spaces = () => { while (pos < s.length && /\s/.test(s[pos])) pos++; };
  const error = (what) => new PolicyError(`${what} at ${pos} in policy ${s}`);
  const principal = () => {
    const quote = s[pos++];
    const end = s.indexOf(quote, pos);
    if (end < 0) throw error('unterminated principal');
    const p = s.slice(pos, end);
    pos = end + 1;
    const dot = p.lastIndexOf('.');
    const role = dot > 0 ? p.slice(dot + 1) : '';
    if (!ROLES.includes(role)) throw error(`principal must be 'MSPID.role' with role one of ${ROLES.join(', ')}, not '${p}'`);
    return { msp: p.slice(0, dot), role };
  };
  const expression = () => {
    spaces();
    if (s[pos] === '\'' || s[pos] === '"') return principal();
    const open = s.indexOf('(', pos);
    if (open < 0) throw error('expected AND, OR or OutOf');
    const op = s.slice(pos, open).trim().toLowerCase();
    pos = open + 1;
    let n = null;
    if (op === 'outof') {
      const comma = s.indexOf(',', pos);
      if (comma < 0) throw error('expected OutOf(n, ...)');
      const count = s.slice(pos, comma).trim().replace(/['"]/g, '');
      if (!/^\d+$/.test(count)) throw error(`OutOf needs a number, not '${count}'`);
      n = Number(count);
      pos = comma + 1;
    } else if (op !== 'and' && op !== 'or') {
      throw error(`unknown operator '${op}'`);
    }
    const rules = [];
    for (;;) {
      rules.push(expression());
      spaces();
      if (pos >= s.length) throw error('expected , or )');
      const c = s[pos++];
      if (c === ')') break;
      if (c !== ',') throw error('expected , or )');
    }
    const required = n !== null ? n : op === 'and' ? rules.length : 1;
    if (required > rules.length) throw error(`OutOf(${required}, ...) with ${rules.length} rule(s)`);
    return { n: required, rules };
  };
  const rule = expression();
  spaces();
  if (pos !== s.length) throw error('unexpected text');
  return rule;
}

/** The rule in Fabric's syntax, as EndorsementPolicy.toString() writes it. */
export function render(rule) {
  if (!rule.rules) return `'${rule.msp}.${rule.role}'`;
  const args = rule.rules.map(render).join(', ');
  if (rule.n === 1) return `OR(${args})`;
  return rule.n === rule.rules.length ? `AND(${args})` : `OutOf(${rule.n}, ${args})`;
}

/**
 * Whether a signer {mspId, role} is the principal {msp, role}: 'member' is any identity of the MSP with a
 * role; an identity its MSP gives no role (NodeOUs on, not exactly one) is no valid identity of it.
 */
function satisfies(signer, principal) {
  if (!signer.role || signer.mspId !== principal.msp) return false;
  return principal.role === 'member' || signer.role === principal.role;
}

/**
 * @param rule a rule tree from parse()
 * @param signers distinct valid signers [{mspId, role}] (role null when the MSP gave it none)
 * @returns whether they satisfy the rule, each used for at most one principal
 */
export function satisfiedBy(rule, signers) {
  const evaluate = (r, used) => {
    if (r.rules) {
      let verified = 0;
      for (const sub of r.rules) {
        const attempt = used.slice();
        if (evaluate(sub, attempt)) {
          verified++;
          attempt.forEach((u, i) => { used[i] = u; });
        }
      }
      return verified >= r.n;
    }
    for (let i = 0; i < signers.length; i++) {
      if (!used[i] && satisfies(signers[i], r)) {
        used[i] = true;
        return true;
      }
    }
    return false;
  };
  return evaluate(rule, signers.map(() => false));
}
