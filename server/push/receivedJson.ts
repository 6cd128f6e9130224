// A push body as it came over the wire, so that its events' payloads can go to PostgreSQL as
// those bytes rather than be serialised again from the parsed objects: re-serialising them, and
// sending the larger result, was about a tenth of each push (bench: sync.push.*.rate).
//
// The bytes may go as they are only if jsonb reads them as JSON.parse did: valid UTF-8 (Node
// replaces bad bytes with U+FFFD, PostgreSQL refuses them), no byte-order mark (JSON.parse was
// given the text without it), and nothing jsonb refuses anywhere in the body: every event passed
// its content checks (plan.ts), so none holds U+0000, a lone surrogate or deep nesting (the
// payload schemas are shallow). Numbers jsonb keeps as written ("1.0" stays "1.0"), so SQL
// reading an integer out of a payload goes through numeric.
import { isUtf8 } from 'node:buffer';

export interface ReceivedJson {
  bytes: Buffer;
  text: string;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The body as received, if jsonb would read it as JSON.parse read `text`: `eventsPassed`, every event passed its content checks. */
export function verbatim(received: ReceivedJson | null, eventsPassed: boolean): ReceivedJson | null {
  if (!received || !eventsPassed) return null;
  const { bytes } = received;
  return isUtf8(bytes) && !bytes.subarray(0, 3).equals(BOM) ? received : null;
}

/**
 * Whether JSON text might hold U+0000 or a lone surrogate once parsed. Text decoded from bytes
 * holds neither itself (Node decodes bad bytes as U+FFFD, and JSON forbids raw control
 * characters), so either can only be spelled as a \u escape; an escaped backslash or a proper
 * surrogate pair only makes this answer yes in vain.
 */
export function mayEscapeUnstorable(text: string): boolean {
  return /\\u(?:0000|[dD][89a-fA-F])/.test(text);
}

/** JSON written out from a parsed value, for a body that cannot go as it was received. */
export function rewritten(value: unknown): ReceivedJson {
  const text = JSON.stringify(value);
  return { text, bytes: Buffer.from(text) };
}

// node-postgres sends a Buffer parameter in binary format; jsonb's binary input is a version
// byte (1) and then the JSON text.
const OPEN = Buffer.from([1, 0x5b]);
const COMMA = Buffer.from([0x2c]);
const CLOSE = Buffer.from([0x5d]);

/**
 * One jsonb parameter holding the bodies as a JSON array, for `bytes` drivers (node-postgres) as
 * binary, else as text (PGlite serialises parameters itself, from text).
 */
export function jsonbArray(bodies: ReceivedJson[], bytes: boolean): Buffer | string {
  if (!bytes) return `[${bodies.map((b) => b.text).join(',')}]`;
  return Buffer.concat([OPEN, ...bodies.flatMap((b, k) => (k === 0 ? [b.bytes] : [COMMA, b.bytes])), CLOSE]);
}
