/**
 * Bytes of a response as text, in the encoding it declares: a byte-order mark first, then the
 * Content-Type charset, then the XML declaration or an HTML `<meta charset>` in its first bytes,
 * else UTF-8. An encoding the platform does not know falls back to UTF-8 (bad bytes become U+FFFD).
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  return decoderFor(sniffEncoding(bytes, contentType)).decode(bytes);
}

export function sniffEncoding(bytes: Uint8Array, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const declared = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (declared) return declared.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const inDocument =
    /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return inDocument?.toLowerCase() ?? 'utf-8';
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}
