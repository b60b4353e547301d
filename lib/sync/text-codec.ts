/**
 * Bytes as text that `storage.sync` stores at one byte a character: 4 bytes in 5 characters
 * (base 85), where base64 needs 5⅓. The alphabet is Z85's with `<` swapped for `~`, because
 * Chrome measures an item by its JSON, where it writes `<` as `\u003C` (six bytes); `"` and `\`
 * are not in it either. A last group of k bytes takes k + 1 characters.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&~>()[]{}@%$#';
const DIGITS = new Map([...ALPHABET].map((char, index) => [char, index]));

export function bytesToText(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const group = Math.min(4, bytes.length - i);
    let value = 0;
    for (let j = 0; j < 4; j++) value = value * 256 + (j < group ? (bytes[i + j] as number) : 0);
    const chars: string[] = [];
    for (let j = 0; j < 5; j++) {
      chars.unshift(ALPHABET[value % 85] as string);
      value = Math.floor(value / 85);
    }
    out += chars.slice(0, group + 1).join('');
  }
  return out;
}

/** The bytes back; throws on a character outside the alphabet or a length no encoding gives. */
export function textToBytes(text: string): Uint8Array {
  const remainder = text.length % 5;
  if (remainder === 1) throw new Error('not a sync text: its length is impossible');
  const out = new Uint8Array(Math.floor(text.length / 5) * 4 + (remainder ? remainder - 1 : 0));
  let written = 0;
  for (let i = 0; i < text.length; i += 5) {
    const group = Math.min(5, text.length - i);
    let value = 0;
    for (let j = 0; j < 5; j++) {
      const digit = j < group ? DIGITS.get(text[i + j] as string) : 84;
      if (digit === undefined) throw new Error('not a sync text: unknown character');
      value = value * 85 + digit;
    }
    if (value > 0xffffffff) throw new Error('not a sync text: a group out of range');
    for (let j = 0; j < group - 1; j++) out[written++] = Math.floor(value / 256 ** (3 - j)) % 256;
  }
  return out;
}
