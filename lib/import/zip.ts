import { unzipSync } from 'fflate';
import { ImportFileError } from '@/lib/import/import-error';

/** Refuse archives that would unpack to more than a file Shelf imports may be (a zip bomb, or not an export). */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The files of a zip archive by path (folders and macOS `__MACOSX` metadata left out). */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES)
          throw new ImportFileError('The zip file unpacks to more than 300 MB; it is not an export Shelf knows.');
        return !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/');
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`The zip file is damaged or incomplete (${(error as Error).message}).`);
  }
  return new Map(Object.entries(files));
}

/** A file's text: UTF-8 (a byte-order mark dropped), UTF-16 by its byte-order mark, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text;
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character they do not finish (0 when none): a
 * file cut short mid-character ends so.
 */
function unfinishedUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the character began earlier
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');

/**
 * The same, and whether the file ends inside a UTF-8 character: valid UTF-8 up to an unfinished last
 * character is a UTF-8 file cut short (its partial character dropped), not Windows-1252, which turned
 * every non-ASCII title and tag into mojibake. Only when non-ASCII text before it shows the file is
 * UTF-8: an ASCII file ending in "é" (0xE9) is Windows-1252 as before.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; endsMidCharacter: boolean } {
  // A byte-order mark says the encoding: spreadsheets save "Unicode text" as UTF-16.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), endsMidCharacter: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), endsMidCharacter: false };
  try {
    return { text: utf8(bytes), endsMidCharacter: false };
  } catch {
    const tail = unfinishedUtf8Tail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    if (tail > 0 && whole.some((byte) => byte >= 0x80)) {
      try {
        return { text: utf8(whole), endsMidCharacter: true };
      } catch {
        // Invalid before its end too: not UTF-8.
      }
    }
    // Not UTF-8: a CSV saved by Excel on Windows is in its ANSI code page, Windows-1252 in the West
    // ("Café crème" read as UTF-8 is "Caf� cr�me").
    return { text: new TextDecoder('windows-1252').decode(bytes), endsMidCharacter: false };
  }
}
