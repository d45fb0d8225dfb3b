// Certificate verify codes: 16 Crockford base32 characters (80 random bits) shown in four groups, e.g.
// K7QM-2XRD-9PFA-H3TW. Crockford's alphabet leaves out I, L, O and U, so a code read aloud or typed
// from paper survives the usual mix-ups (O→0, I/L→1), which `normaliseCode` undoes.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newVerifyCode(bytes: Buffer = randomBytes(10)): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.slice(0, 16).replace(/(.{4})(?=.)/g, "$1-");
}

/** The stored form of what someone typed or scanned: upper case, grouped, O→0 and I/L→1; null if malformed. */
export function normaliseCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(raw)) return null;
  return raw.replace(/(.{4})(?=.)/g, "$1-");
}
