// Fabric's messages (fabric-protos 2.5), read with the wire-format reader: a block, its envelopes,
// an endorser transaction, the orderer's signatures and a config block's MSPs. Field numbers are
// those of common.proto, peer/*.proto, ledger/rwset/*.proto and msp/msp_config.proto.
import { decode, MalformedError } from './protobuf.js';

export const HEADER_TYPE = { CONFIG: 1, ENDORSER_TRANSACTION: 3 };
const METADATA = { SIGNATURES: 0, TRANSACTIONS_FILTER: 2 };

/** common.Block: header {number, previous_hash, data_hash}, data {data[]}, metadata {metadata[]}. */
export function block(bytes) {
  const b = decode(bytes);
  const header = b.message(1);
  return {
    number: header.bigint(1),
    previousHash: header.bytes(2),
    dataHash: header.bytes(3),
    envelopes: b.message(2).repeated(1),
    metadata: b.message(3).repeated(1),
  };
}

/** The validation code of each transaction (TRANSACTIONS_FILTER metadata; 0 is VALID). */
export function filter(blk) {
  const f = blk.metadata[METADATA.TRANSACTIONS_FILTER];
  if (!f || f.length !== blk.envelopes.length) throw new MalformedError('the transactions filter needs one code per envelope');
  return f;
}

/** common.Envelope -> its headers, creator and signature, and for an endorser transaction its parts. */
export function envelope(bytes) {
  const env = decode(bytes);
  const payloadBytes = env.bytes(1);
  const payload = decode(payloadBytes);
  const header = payload.message(1);
  const channelHeaderBytes = header.bytes(1);
  const signatureHeaderBytes = header.bytes(2);
  const ch = decode(channelHeaderBytes);
  const sh = decode(signatureHeaderBytes);
  const ts = ch.message(3);
  const tx = {
    type: ch.int(1),
    timestamp: new Date(ts.int(1) * 1000 + Math.floor(ts.int(2) / 1e6)),
    channelId: ch.string(4),
    txId: ch.string(5),
    channelHeaderBytes,
    signatureHeaderBytes,
    creator: sh.bytes(1),
    nonce: sh.bytes(2),
    payloadBytes,
    signature: env.bytes(2),
    data: payload.bytes(2),
  };
  if (tx.type === HEADER_TYPE.ENDORSER_TRANSACTION) Object.assign(tx, endorserParts(tx, ch));
  return tx;
}

function endorserParts(tx, ch) {
  const actions = decode(tx.data).repeated(1); // peer.Transaction.actions
  if (actions.length !== 1) return { actions: actions.length };
  const cap = decode(decode(actions[0]).bytes(2)); // TransactionAction.payload: ChaincodeActionPayload
  const endorsed = cap.message(2); // ChaincodeEndorsedAction
  const prpBytes = endorsed.bytes(1);
  const prp = decode(prpBytes); // ProposalResponsePayload {proposal_hash, extension}
  const action = prp.message(2); // ChaincodeAction {results, events, response, chaincode_id}
  return {
    actions: 1,
    headerChaincode: decode(ch.bytes(7)).message(2).string(2), // ChaincodeHeaderExtension.chaincode_id.name
    chaincode: action.message(4).string(2),
    proposalPayload: cap.bytes(1),
    proposalHash: prp.bytes(1),
    proposalResponsePayload: prpBytes,
    endorsements: endorsed.repeated(2).map((e) => { const m = decode(e); return { endorser: m.bytes(1), signature: m.bytes(2) }; }),
    results: action.bytes(1),
  };
}

/** The writes of one namespace of a TxReadWriteSet: [{key, isDelete, value}]. */
export function writes(results, namespace) {
  const out = [];
  for (const ns of decode(results).repeated(2)) { // ns_rwset
    const set = decode(ns);
    if (set.string(1) !== namespace) continue;
    for (const w of decode(set.bytes(2)).repeated(3)) { // KVRWSet.writes
      const kv = decode(w);
      out.push({ key: kv.string(1), isDelete: kv.int(2) !== 0, value: kv.bytes(3) });
    }
  }
  return out;
}

/** msp.SerializedIdentity -> {mspId, pem}. */
export function identity(bytes) {
  const id = decode(bytes);
  return { mspId: id.string(1), pem: id.bytes(2) };
}

/** The orderer's signatures on a block (SIGNATURES metadata): {value, signatures: [{header, signature, creator}]}. */
export function ordererSignatures(blk) {
  const md = decode(blk.metadata[METADATA.SIGNATURES] || new Uint8Array(0));
  return {
    value: md.bytes(1),
    signatures: md.repeated(2).map((s) => {
      const m = decode(s);
      const header = m.bytes(1);
      return { header, signature: m.bytes(2), creator: decode(header).bytes(1) };
    }),
  };
}

/**
 * The index of the last config block, as the orderer signed it: SIGNATURES metadata value, an
 * OrdererBlockMetadata {last_config: LastConfig {index}, consenter_metadata}.
 */
export function lastConfig(value) {
  const md = decode(value);
  if (!md.fields.has(1)) throw new MalformedError('the signed metadata names no last config block');
  return md.message(1).bigint(1);
}

/** The answer of /api/v1/headers: a message whose field 1 repeats common.BlockHeader {number, previous_hash, data_hash}. */
export function headers(bytes) {
  return decode(bytes).repeated(1).map((h) => {
    const m = decode(h);
    return { number: m.bigint(1), previousHash: m.bytes(2), dataHash: m.bytes(3) };
  });
}

/** FabricNodeOUs {enable, client, peer, admin, orderer OU identifiers {certificate, organizational_unit_identifier}}. */
function nodeOus(m) {
  const out = new Map();
  if (m.int(1) === 0) return out;
  for (const [role, field] of [['client', 2], ['peer', 3], ['admin', 4], ['orderer', 5]]) {
    const id = m.message(field);
    if (id.string(2)) out.set(role, { ou: id.string(2), certificate: id.bytes(1) });
  }
  return out;
}

/**
 * A config envelope's channel, application and orderer MSPs: mspId -> {roots: [pem], intermediates: [pem],
 * nodeOus: role -> {ou, certificate: pem or empty} (empty when NodeOUs are off)}.
 */
export function channelConfig(tx) {
  if (tx.type !== HEADER_TYPE.CONFIG) throw new MalformedError('not a config transaction');
  const channel = decode(tx.data).message(1).message(2); // ConfigEnvelope.config.channel_group
  const groups = channel.map(2);
  const msps = (name) => {
    const out = new Map();
    const group = groups.get(name);
    if (!group) return out;
    for (const org of decode(group).map(2).values()) {
      const value = decode(org).map(3).get('MSP');
      if (!value) continue;
      const config = decode(decode(value).bytes(2)); // ConfigValue.value: MSPConfig {type, config}
      if (config.int(1) !== 0) continue; // not a FABRIC MSP
      const fabric = config.message(2); // FabricMSPConfig
      out.set(fabric.string(1), { roots: fabric.repeated(2), intermediates: fabric.repeated(3), nodeOus: nodeOus(fabric.message(11)) });
    }
    return out;
  };
  return { channelId: tx.channelId, application: msps('Application'), orderer: msps('Orderer') };
}
