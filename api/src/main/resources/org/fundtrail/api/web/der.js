// ASN.1 DER, as little as Fabric verification needs: read X.509 certificates and ECDSA signatures,
// and write a block header's bytes (SEQUENCE { INTEGER number, OCTET STRING previous_hash,
// OCTET STRING data_hash }, what the next block chains to and the orderer signs).
import { MalformedError } from './protobuf.js';

/** One DER element: tag, its content, and its whole encoding (raw). */
export function read(bytes, at = 0) {
  if (at + 2 > bytes.length) throw new MalformedError('truncated DER element');
  const tag = bytes[at];
  let length = bytes[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n < 1 || n > 4 || start + n > bytes.length) throw new MalformedError('bad DER length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[start + i];
    start += n;
  }
  const end = start + length;
  if (end > bytes.length) throw new MalformedError('DER element longer than its container');
  return { tag, content: bytes.subarray(start, end), raw: bytes.subarray(at, end), end };
}

/** The elements inside a constructed element's content. */
export function children(content) {
  const out = [];
  for (let at = 0; at < content.length;) {
    const e = read(content, at);
    out.push(e);
    at = e.end;
  }
  return out;
}

function encode(tag, content) {
  const n = content.length;
  const len = n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return concat([Uint8Array.of(tag, ...len), content]);
}

export function concat(parts) {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function integer(value) {
  const bytes = [];
  let v = BigInt(value);
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return encode(0x02, Uint8Array.from(bytes));
}

/** Fabric's block header bytes (protoutil.BlockHeaderBytes). */
export function headerBytes(number, previousHash, dataHash) {
  return encode(0x30, concat([integer(number), encode(0x04, previousHash), encode(0x04, dataHash)]));
}

/** The order of P-256, for Fabric's low-S rule. */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

function toBigInt(bytes) {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/**
 * A DER ECDSA signature (SEQUENCE { INTEGER r, INTEGER s }) as the raw r||s WebCrypto verifies,
 * or a reason it is not one Fabric accepts (it requires s in the lower half of the order).
 */
export function rawSignature(der) {
  let parts;
  try {
    const seq = read(der);
    parts = seq.tag === 0x30 && seq.end === der.length ? children(seq.content) : [];
  } catch (e) {
    return { reason: 'the signature is not DER' };
  }
  if (parts.length !== 2 || parts.some((p) => p.tag !== 0x02)) return { reason: 'the signature is not SEQUENCE { r, s }' };
  const [r, s] = parts.map((p) => toBigInt(p.content));
  if (r <= 0n || s <= 0n || r >= P256_N || s >= P256_N) return { reason: 'r or s out of range' };
  if (s > P256_N >> 1n) return { reason: 'high S (Fabric accepts low-S signatures only)' };
  const raw = new Uint8Array(64);
  for (const [i, v] of [[0, r], [32, s]]) {
    const hex = v.toString(16).padStart(64, '0');
    for (let j = 0; j < 32; j++) raw[i + j] = parseInt(hex.slice(2 * j, 2 * j + 2), 16);
  }
  return { raw };
}

const OID_ECDSA_SHA256 = '2a8648ce3d040302';
const OID_BASIC_CONSTRAINTS = '551d13';
const OID_CN = '550403';
const OID_OU = '55040b';

/** PEM text (one or more blocks) -> the DER of its first certificate. */
export function pemToDer(bytes) {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  const m = text.match(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/);
  if (!m) throw new MalformedError('no PEM certificate');
  return Uint8Array.from(atob(m[1].replace(/\s+/g, '')), (c) => c.charCodeAt(0));
}

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function time(e) {
  const s = new TextDecoder().decode(e.content);
  const full = e.tag === 0x17 ? (Number(s.slice(0, 2)) < 50 ? '20' : '19') + s : s; // UTCTime has two year digits
  const m = full.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) throw new MalformedError('unsupported certificate time ' + s);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/**
 * An X.509 certificate's parts: the signed TBSCertificate bytes, its signature, issuer and subject
 * (DER, compared byte for byte), its subject's organizational units (what NodeOUs classify), validity,
 * the public key (SubjectPublicKeyInfo DER) and whether it is a CA.
 */
export function certificate(der) {
  const cert = read(der);
  const [tbs, algorithm, signature] = children(cert.content);
  const fields = children(tbs.content);
  const i = fields[0].tag === 0xa0 ? 1 : 0; // [0] version
  const [, , issuer, validity, subject, spki] = fields.slice(i);
  const [notBefore, notAfter] = children(validity.content).map(time);
  let ca = false;
  for (const f of fields.slice(i + 6)) {
    if (f.tag !== 0xa3) continue; // [3] extensions
    for (const ext of children(children(f.content)[0].content)) {
      const [id, ...rest] = children(ext.content);
      if (hex(id.content) !== OID_BASIC_CONSTRAINTS) continue;
      const value = children(read(rest[rest.length - 1].content).content);
      ca = value.length > 0 && value[0].tag === 0x01 && value[0].content[0] !== 0;
    }
  }
  return {
    der: cert.raw,
    tbs: tbs.raw,
    signatureAlgorithm: hex(children(algorithm.content)[0].content) === OID_ECDSA_SHA256 ? 'ecdsa-with-SHA256' : 'other',
    signature: signature.content.subarray(1), // BIT STRING: skip the unused-bits byte
    issuer: issuer.raw,
    subject: subject.raw,
    subjectName: commonName(subject),
    subjectOUs: attributes(subject, OID_OU),
    notBefore,
    notAfter,
    spki: spki.raw,
    ca,
  };
}

function attributes(name, oid) {
  const out = [];
  for (const rdn of children(name.content)) {
    for (const atv of children(rdn.content)) {
      const [type, value] = children(atv.content);
      if (hex(type.content) === oid) out.push(new TextDecoder().decode(value.content));
    }
  }
  return out;
}

function commonName(name) {
  return attributes(name, OID_CN)[0] || '';
}

export function equal(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
