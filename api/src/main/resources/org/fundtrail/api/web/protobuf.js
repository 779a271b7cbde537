// A minimal protobuf wire-format reader: enough to walk Fabric's messages without their schemas.
// A message is read into its fields by number; length-delimited values stay views on the original
// bytes (no copy), so the exact bytes that were hashed or signed can be hashed or verified again.

/** Thrown for bytes that are not a well-formed message. */
export class MalformedError extends Error {}

/**
 * Reads a message: field number -> list of values, in order. A varint is a BigInt, a
 * length-delimited value a Uint8Array view, a fixed32/fixed64 value its bytes.
 */
export function decode(bytes) {
  const fields = new Map();
  let at = 0;
  while (at < bytes.length) {
    const [key, next] = varint(bytes, at);
    at = next;
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (number < 1) throw new MalformedError(`field number ${number} at byte ${at}`);
    let value;
    if (wire === 0) {
      [value, at] = varint(bytes, at);
    } else if (wire === 2) {
      const [length, start] = varint(bytes, at);
      const end = start + Number(length);
      if (length > BigInt(bytes.length) || end > bytes.length) {
        throw new MalformedError(`field ${number}: ${length} bytes announced, ${bytes.length - start} left`);
      }
      value = bytes.subarray(start, end);
      at = end;
    } else if (wire === 1 || wire === 5) {
      const end = at + (wire === 1 ? 8 : 4);
      if (end > bytes.length) throw new MalformedError(`field ${number}: truncated fixed value`);
      value = bytes.subarray(at, end);
      at = end;
    } else {
      throw new MalformedError(`field ${number}: unsupported wire type ${wire}`);
    }
    if (!fields.has(number)) fields.set(number, []);
    fields.get(number).push(value);
  }
  return new Message(fields);
}

function varint(bytes, at) {
  let value = 0n;
  for (let shift = 0n; shift < 70n; shift += 7n) {
    if (at >= bytes.length) throw new MalformedError('truncated varint');
    const b = bytes[at++];
    value |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) return [value, at];
  }
  throw new MalformedError('varint longer than 10 bytes');
}

const EMPTY = new Uint8Array(0);

/** The fields of one message, with typed accessors (proto3 defaults when absent). */
export class Message {
  constructor(fields) {
    this.fields = fields;
  }

  /** The last value of a bytes/string/message field, or empty bytes. */
  bytes(number) {
    const v = this.fields.get(number);
    if (!v) return EMPTY;
    const last = v[v.length - 1];
    if (!(last instanceof Uint8Array)) throw new MalformedError(`field ${number} is not bytes`);
    return last;
  }

  /** Every value of a repeated bytes/message field. */
  repeated(number) {
    return (this.fields.get(number) || []).filter((v) => v instanceof Uint8Array);
  }

  /** A nested message. */
  message(number) {
    return decode(this.bytes(number));
  }

  /** A UTF-8 string field. */
  string(number) {
    return new TextDecoder('utf-8', { fatal: false }).decode(this.bytes(number));
  }

  /** A varint field as a BigInt (0n when absent). */
  bigint(number) {
    const v = this.fields.get(number);
    const last = v ? v[v.length - 1] : 0n;
    if (typeof last !== 'bigint') throw new MalformedError(`field ${number} is not a varint`);
    return last;
  }

  /** A varint field as a Number (for small values: types, counts, seconds). */
  int(number) {
    return Number(this.bigint(number));
  }

  /** A map<string, bytes/message> field: entries key (1) -> value (2). */
  map(number) {
    const out = new Map();
    for (const entry of this.repeated(number)) {
      const e = decode(entry);
      out.set(e.string(1), e.bytes(2));
    }
    return out;
  }
}
