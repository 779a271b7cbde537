// Verify a record against the ledger's signed blocks, in the browser, with WebCrypto (ECDSA P-256,
// SHA-256): a port of what the page needs of BlockVerifierImpl (ledger-client, the reference).
//   record     — the record's canonical JSON bytes are the value its transaction wrote for its key
//   block      — the transaction is in the block, marked valid, and the block's data hash is its header's
//   chain      — the block is hash-chained, header by header, to the trust anchor (block 0's header hash)
//   signatures — the orderer's block signature, the creator's and every endorser's signature are valid,
//                by identities whose certificates chain to the CAs of the channel configuration's MSPs
//   policy     — the valid endorsers (MSP and NodeOU role) satisfy the chaincode's endorsement policy,
//                which the blocks do not carry: the page is told it (its link, or the server's word)
import * as fabric from './fabric.js';
import * as policies from './policy.js';
import { certificate, concat, equal, headerBytes, hex, pemToDer, rawSignature } from './der.js';

const subtle = () => {
  if (!globalThis.crypto || !crypto.subtle) throw new Error('this browser has no WebCrypto (it needs https or localhost)');
  return crypto.subtle;
};

export async function sha256(bytes) {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

/** A failed check: what was checked, what was expected, what was found. */
class Failure extends Error {}

/**
 * The record's bytes as the chaincode wrote them (CanonicalJson): no spaces, nulls left out, members in
 * alphabetical order, except that Jackson writes a record's constructor properties first and the
 * derived `type` (a getter, not a component) after them.
 */
export function canonicalJson(value) {
  if (Array.isArray(value)) return '[' + value.map((v) => (v === null ? 'null' : canonicalJson(v))).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== null && value[k] !== undefined && k !== 'type').sort();
    if ('type' in value && value.type !== null) keys.push('type');
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/** What the API adds to a record: its place in the ledger, links, balance and reversal. */
const API_MEMBERS = ['ledger', 'links', 'balance', 'reversedBy'];

export function recordBytes(record) {
  const own = Object.fromEntries(Object.entries(record).filter(([k]) => !API_MEMBERS.includes(k)));
  return new TextEncoder().encode(canonicalJson(own));
}

/** The world-state key of a record: the composite key ft.<type> / id. */
export function recordKey(record) {
  return `\u0000ft.${String(record.type).toLowerCase()}\u0000${record.id}\u0000`;
}

/** MSP identities, each checked once: certificate chain to a CA of the MSP, then its key. */
class Identities {
  constructor(msps) {
    this.msps = msps;
    this.cache = new Map();
  }

  /** @returns {{mspId, subject, role, roleProblem, key, chain}} or throws Failure with why the identity is not valid at `when` */
  async resolve(serialized, when) {
    const cacheKey = hex(serialized);
    if (!this.cache.has(cacheKey)) this.cache.set(cacheKey, this.accept(serialized).catch((e) => ({ error: e.message })));
    const id = await this.cache.get(cacheKey);
    if (id.error) throw new Failure(id.error);
    for (const c of id.chain) {
      if (when < c.notBefore || when > c.notAfter) {
        throw new Failure(`${id.mspId}: certificate ${c.subjectName} is valid from ${c.notBefore.toISOString()} to `
          + `${c.notAfter.toISOString()}, not at ${when.toISOString()}`);
      }
    }
    return id;
  }

  async accept(serialized) {
    const { mspId, pem } = fabric.identity(serialized);
    const msp = this.msps.get(mspId);
    if (!msp) throw new Failure(`MSP '${mspId}' is not one of ${[...this.msps.keys()].join(', ')}`);
    const cert = certificate(pemToDer(pem));
    if (cert.ca) throw new Failure(`${mspId}: a CA certificate is not a valid identity`);
    const roots = msp.roots.map((p) => certificate(pemToDer(p)));
    const cas = msp.intermediates.map((p) => certificate(pemToDer(p))).concat(roots);
    const chain = [cert];
    for (let current = cert; !roots.some((r) => equal(r.der, current.der));) {
      let issuer = null;
      for (const ca of cas) {
        if (equal(ca.subject, current.issuer) && !chain.includes(ca) && await verifyCertificate(current, ca)) {
          issuer = ca;
          break;
        }
      }
      if (!issuer || chain.length > 8) throw new Failure(`${mspId}: ${cert.subjectName} is not issued by a CA of ${mspId}`);
      chain.push(issuer);
      current = issuer;
    }
    const { role, problem } = nodeOuRole(msp, cert, chain);
    return { mspId, subject: cert.subjectName, role, roleProblem: problem, key: await importKey(cert.spki), chain };
  }
}

/**
 * The role the MSP's NodeOUs give the certificate, as Msp.role (ledger-client) decides it: 'member' when
 * NodeOUs are off; else the one role whose OU the subject carries (and whose certificate, if the
 * identifier names one, is in the chain). None, or more than one, is no role (null) and why: such an
 * identity satisfies no principal of a policy.
 */
function nodeOuRole(msp, cert, chain) {
  if (!msp.nodeOus || !msp.nodeOus.size) return { role: 'member' };
  const roles = [];
  for (const [role, id] of msp.nodeOus) {
    if (!cert.subjectOUs.includes(id.ou)) continue;
    if (id.certificate.length) {
      let der;
      try {
        der = pemToDer(id.certificate);
      } catch (e) {
        continue;
      }
      if (!chain.some((c) => equal(c.der, der))) continue;
    }
    roles.push(role);
  }
  return roles.length === 1 ? { role: roles[0] }
    : { role: null, problem: `carries ${roles.length ? roles.join(' and ') : 'none'} of the NodeOUs ${[...msp.nodeOus.keys()].join(', ')}, not exactly one` };
}

function importKey(spki) {
  return subtle().importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
}

/** The CA's signature over the certificate's TBSCertificate. */
async function verifyCertificate(cert, ca) {
  if (cert.signatureAlgorithm !== 'ecdsa-with-SHA256') return false;
  const sig = rawSignature(cert.signature);
  if (!sig.raw) return false;
  try {
    return await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, await importKey(ca.spki), sig.raw, cert.tbs);
  } catch (e) {
    return false; // not a P-256 key
  }
}

/** One signature by a serialized identity of these MSPs, valid at `when`; returns who signed. */
async function checkSignature(identities, who, serialized, data, signature, when) {
  const id = await signedBy(identities, who, serialized, data, signature, when);
  return `${id.mspId} ${id.subject}`;
}

/** One signature by a serialized identity of these MSPs, valid at `when`; returns the identity. */
async function signedBy(identities, who, serialized, data, signature, when) {
  let id;
  try {
    id = await identities.resolve(serialized, when);
  } catch (e) {
    throw new Failure(`${who}: the signer is not a valid identity: ${e.message}`);
  }
  const sig = rawSignature(signature);
  if (!sig.raw) throw new Failure(`${who}: ${sig.reason}`);
  if (!await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, id.key, sig.raw, data)) {
    throw new Failure(`${who}: the signature of ${id.mspId} ${id.subject} does not verify`);
  }
  return id;
}

function parse(what, fn) {
  try {
    return fn();
  } catch (e) {
    throw new Failure(`${what} is unreadable: ${e.message}`);
  }
}

async function headerHash(b) {
  return sha256(headerBytes(b.number, b.previousHash, b.dataHash));
}

async function dataHash(b) {
  return sha256(concat(b.envelopes));
}

/** The most headers one request of /api/v1/headers returns. */
const HEADERS_PER_REQUEST = 10000;

/**
 * Runs the five checks and reports each through `report(id, ok, detail)` as it finishes.
 *
 * @param record the record as the API gives it (with ledger.txId and ledger.blockNumber)
 * @param fetchBlock n -> Promise<Uint8Array> of block n's raw bytes
 * @param fetchHeaders (first, last) -> Promise<Uint8Array> of the headers of blocks first..last, as
 *     /api/v1/headers serves them (field 1 repeating common.BlockHeader)
 * @param anchor the trusted header hash of block 0 (hex), or null to take the server's block 0 as given
 * @param getPolicy () -> Promise<{text, chaincode, source}> of the endorsement policy to check against
 *     (chaincode: the one it is for, or null when not said; source: where it comes from, shown with it);
 *     rejects when there is none
 * @returns {{verified, reason, anchor, policy}}
 */
export async function verifyRecord(record, fetchBlock, fetchHeaders, anchor, report, getPolicy = () => Promise.reject(new Error('no endorsement policy given'))) {
  const failures = [];
  const step = async (id, fn) => {
    try {
      report(id, true, await fn());
    } catch (e) {
      const reason = e instanceof Failure ? e.message : `${e.name}: ${e.message}`;
      report(id, false, reason);
      failures.push(reason);
    }
  };
  const n = Number(record.ledger.blockNumber);
  const txId = record.ledger.txId;
  let blk;
  let index = -1;
  let tx;
  await step('block', async () => {
    const raw = await fetchBlock(n);
    blk = parse(`block ${n}`, () => fabric.block(raw));
    if (blk.number !== BigInt(n)) throw new Failure(`the block served as ${n} says it is block ${blk.number}`);
    // the transaction first, so the record check can still say what differs when the block is not intact
    for (let i = 0; i < blk.envelopes.length && index < 0; i++) {
      let t;
      try {
        t = fabric.envelope(blk.envelopes[i]);
      } catch (e) {
        continue; // an unreadable envelope has no id: not this transaction
      }
      if (t.txId === txId) [index, tx] = [i, t];
    }
    if (index < 0) throw new Failure(`no transaction ${txId} in block ${n}`);
    const computed = await dataHash(blk);
    if (!equal(computed, blk.dataHash)) {
      throw new Failure(`block ${n}'s data hash is not the SHA-256 of its envelopes: header says ${hex(blk.dataHash)}, `
        + `the envelopes hash to ${hex(computed)}`);
    }
    const codes = parse(`block ${n}'s transactions filter`, () => fabric.filter(blk));
    if (codes[index] !== 0) throw new Failure(`the transaction is marked invalid (code ${codes[index]}): it wrote nothing`);
    return `transaction ${index + 1} of ${blk.envelopes.length} in block ${n}, marked valid; data hash ${hex(blk.dataHash).slice(0, 16)}… matches the envelopes`;
  });

  await step('record', async () => {
    if (!tx) throw new Failure('the transaction could not be found, so neither could the record');
    if (tx.type !== fabric.HEADER_TYPE.ENDORSER_TRANSACTION || tx.actions !== 1) throw new Failure('not a chaincode transaction');
    const key = recordKey(record);
    const printable = key.replaceAll('\u0000', '·');
    const expected = recordBytes(record);
    const write = parse('the read/write set', () => fabric.writes(tx.results, tx.chaincode)).filter((w) => w.key === key).pop();
    if (!write) throw new Failure(`the transaction wrote no key ${printable} of ${tx.chaincode}`);
    if (write.isDelete) throw new Failure(`the transaction deleted key ${printable}`);
    if (!equal(write.value, expected)) {
      const written = new TextDecoder().decode(write.value);
      throw new Failure(`the record shown differs from what the transaction wrote for ${printable}: `
        + `${firstDifference(new TextDecoder().decode(expected), written)}`);
    }
    return `${expected.length} bytes written by ${tx.chaincode} for key ${printable}, byte for byte the record shown`;
  });

  // The chain: headers from the record's block back to block 0. The governing channel configuration is
  // the config block the record's block names as its last (last_config in the orderer-signed metadata,
  // as Fabric's orderer writes it; the signatures check verifies that signature): that one block is
  // fetched whole (its data hash ties its content to its header), the others only as headers, whose
  // hashes the page computes itself.
  const headers = new Map();
  let config = null;
  await step('chain', async () => {
    if (!blk) throw new Failure(`block ${n} is unreadable, so it cannot be chained`);
    headers.set(n, blk);
    let configBlock = null;
    if (n === 0) {
      configBlock = { k: 0, b: blk, tx: parse('block 0\'s envelope', () => fabric.envelope(blk.envelopes[0])) };
    } else {
      const signed = parse(`block ${n}'s SIGNATURES metadata`, () => fabric.ordererSignatures(blk));
      const last = parse(`block ${n}'s signed last config index`, () => fabric.lastConfig(signed.value));
      if (last >= BigInt(n)) throw new Failure(`block ${n}'s signed metadata names block ${last}, not one below it, as the last config block`);
      const k = Number(last);
      const [b] = await Promise.all([
        fetchBlock(k).then((raw) => parse(`block ${k}`, () => fabric.block(raw))),
        (async () => {
          for (let first = 0; first < n; first += HEADERS_PER_REQUEST) {
            const lastInRange = Math.min(n - 1, first + HEADERS_PER_REQUEST - 1);
            const raw = await fetchHeaders(first, lastInRange);
            const list = parse(`the headers of blocks ${first} to ${lastInRange}`, () => fabric.headers(raw));
            if (list.length !== lastInRange - first + 1) {
              throw new Failure(`asked for the headers of blocks ${first} to ${lastInRange}, the server gave ${list.length}`);
            }
            list.forEach((h, i) => headers.set(first + i, h));
          }
        })(),
      ]);
      if (b.number !== last) throw new Failure(`the block served as ${k} says it is block ${b.number}`);
      const first = b.envelopes.length === 1 ? parse(`block ${k}'s envelope`, () => fabric.envelope(b.envelopes[0])) : null;
      if (!first || first.type !== fabric.HEADER_TYPE.CONFIG) {
        throw new Failure(`block ${k}, which block ${n}'s signed metadata names as the last config block, is not a config block`);
      }
      // the config block's own header, not a served one, is what the chain must reach
      headers.set(k, b);
      configBlock = { k, b, tx: first };
    }
    // every link, top down; the first broken one is the failure, but a config block below it stays trusted
    const broken = [];
    for (let k = n; k > 0; k--) {
      const h = headers.get(k);
      const below = await headerHash(headers.get(k - 1));
      if (h.number !== BigInt(k)) broken.push([k, `the block served as ${k} says it is block ${h.number}`]);
      else if (!equal(h.previousHash, below)) {
        broken.push([k, `block ${k}'s previous_hash ${hex(h.previousHash)} is not the hash of block ${k - 1}'s header (${hex(below)})`]);
      }
    }
    if (headers.get(0).number !== 0n) broken.push([0, `the block served as 0 says it is block ${headers.get(0).number}`]);
    const genesis = hex(await headerHash(headers.get(0)));
    if (anchor && genesis !== anchor.toLowerCase()) {
      throw new Failure(`block 0's header hash is ${genesis}, not the trust anchor ${anchor}`);
    }
    const given = Boolean(anchor);
    anchor = anchor || genesis;
    if (!equal(await dataHash(configBlock.b), configBlock.b.dataHash)) {
      throw new Failure(`config block ${configBlock.k}'s data hash does not match its envelope`);
    }
    if (!broken.some(([k]) => k <= configBlock.k)) {
      config = parse(`the channel configuration in block ${configBlock.k}`, () => fabric.channelConfig(configBlock.tx));
      config.block = configBlock.k;
    }
    if (broken.length) throw new Failure(broken[0][1]);
    return `${n + 1} block header(s) chained from block ${n} to block 0, whose header hash is the trust anchor; `
      + `config block ${configBlock.k}, named in block ${n}'s signed metadata, is one of them`
      + (given ? '' : ' — taken from this server, as no anchor was given: compare it with a published one');
  });

  await step('signatures', async () => {
    if (!config) throw new Failure('without a chained channel configuration there are no MSPs to check signatures against');
    if (!tx) throw new Failure('no transaction to check');
    if (tx.type !== fabric.HEADER_TYPE.ENDORSER_TRANSACTION || tx.actions !== 1) throw new Failure('not a chaincode transaction with one action');
    if (tx.channelId !== config.channelId) throw new Failure(`transaction of channel ${tx.channelId}, not ${config.channelId}`);
    const computedTxId = hex(await sha256(concat([tx.nonce, tx.creator])));
    if (computedTxId !== tx.txId) throw new Failure(`the transaction id is not SHA-256(nonce || creator): ${computedTxId}`);
    const proposal = await sha256(concat([tx.channelHeaderBytes, tx.signatureHeaderBytes, tx.proposalPayload]));
    if (!equal(proposal, tx.proposalHash)) throw new Failure('the endorsed proposal response is not for this transaction\'s proposal');
    if (tx.headerChaincode !== tx.chaincode) throw new Failure(`the proposal names chaincode ${tx.headerChaincode}, the action ${tx.chaincode}`);
    const orderers = new Identities(config.orderer);
    const members = new Identities(config.application);
    const when = tx.timestamp;
    const sigs = parse(`block ${n}'s SIGNATURES metadata`, () => fabric.ordererSignatures(blk));
    if (!sigs.signatures.length) throw new Failure(`block ${n} carries no orderer signature`);
    const header = headerBytes(blk.number, blk.previousHash, blk.dataHash);
    const signers = [];
    for (const [k, s] of sigs.signatures.entries()) {
      signers.push('orderer ' + await checkSignature(orderers, `orderer signature ${k}`, s.creator,
        concat([sigs.value, s.header, header]), s.signature, when));
    }
    signers.push('creator ' + await checkSignature(members, 'the creator', tx.creator, tx.payloadBytes, tx.signature, when));
    if (!tx.endorsements.length) throw new Failure('the transaction has no endorsement');
    for (const [k, e] of tx.endorsements.entries()) {
      signers.push('endorser ' + await checkSignature(members, `endorsement ${k}`, e.endorser,
        concat([tx.proposalResponsePayload, e.endorser]), e.signature, when));
    }
    return `${signers.length} signatures valid under the MSPs of config block ${config.block}: ${signers.join('; ')}`;
  });

  // The endorsement policy: every endorsement whose signature is valid counts once per identity (as
  // Fabric's cauthdsl counts them); an invalid one counts for nothing (the signatures check says why).
  let policy = null;
  await step('policy', async () => {
    let given;
    try {
      given = await getPolicy();
    } catch (e) {
      throw new Failure(`no endorsement policy to check against: ${e.message}`);
    }
    let rule;
    try {
      rule = policies.parse(given.text);
    } catch (e) {
      throw new Failure(`the endorsement policy ${given.source} is not a signature policy: ${e.message}`);
    }
    policy = { text: policies.render(rule), source: given.source };
    if (!config) throw new Failure('without a chained channel configuration there are no MSPs to know the endorsers by');
    if (!tx || tx.type !== fabric.HEADER_TYPE.ENDORSER_TRANSACTION || tx.actions !== 1) throw new Failure('no chaincode transaction to check');
    if (given.chaincode && given.chaincode !== tx.chaincode) {
      throw new Failure(`the policy ${given.source} is ${given.chaincode}'s, the transaction is of ${tx.chaincode}`);
    }
    const members = new Identities(config.application);
    const seen = new Set();
    const endorsers = [];
    const ignored = [];
    for (const [k, e] of tx.endorsements.entries()) {
      const key = hex(e.endorser);
      if (seen.has(key)) continue;
      let id;
      try {
        id = await signedBy(members, `endorsement ${k}`, e.endorser, concat([tx.proposalResponsePayload, e.endorser]), e.signature, tx.timestamp);
      } catch (err) {
        ignored.push(`endorsement ${k} (not valid)`);
        continue;
      }
      seen.add(key);
      endorsers.push(id);
      if (id.role === null) ignored.push(`${id.mspId} ${id.subject} (${id.roleProblem})`);
    }
    const named = endorsers.filter((id) => id.role !== null).map((id) => `${id.mspId}.${id.role} (${id.subject})`);
    const by = (named.length ? named.join(', ') : 'no valid endorser with a role') + (ignored.length ? `; not counted: ${ignored.join(', ')}` : '');
    if (!policies.satisfiedBy(rule, endorsers.map((id) => ({ mspId: id.mspId, role: id.role })))) {
      throw new Failure(`the endorsements do not satisfy the endorsement policy ${policy.text} (${given.source}): endorsed by ${by}`);
    }
    return `endorsed by ${by}: satisfies ${policy.text} (${given.source})`;
  });
  return { verified: failures.length === 0, reason: failures[0], anchor, policy };
}

function firstDifference(expected, written) {
  let i = 0;
  while (i < expected.length && expected[i] === written[i]) i++;
  const around = (s) => s.slice(Math.max(0, i - 30), i + 30).replace(/[\u0000-\u001f]/g, '·');
  return `at character ${i}, shown …${around(expected)}…, written …${around(written)}…`;
}
