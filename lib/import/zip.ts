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

/**
 * A file's text: UTF-8 (a byte-order mark dropped; one mostly UTF-8, its stray bytes read as "�"),
 * UTF-16 by its byte-order mark, else Windows-1252.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text;
}

/** A file's text, whether it ends inside a UTF-8 character, and the bytes in it that were not read as they are. */
export interface DecodedText {
  text: string;
  endsMidCharacter: boolean;
  /**
   * A UTF-8 file holding a few byte sequences that are not UTF-8 (a row pasted from a file in another
   * encoding): how many, each read as "�", and the lines of the first few (one more than `STRAY_LINES_NAMED`
   * when there are more).
   */
  stray?: { count: number; lines: number[] };
}

/** Lines of stray bytes the import report names (the first few: the count says how many bytes in all). */
export const STRAY_LINES_NAMED = 5;

/**
 * The same, and whether the file ends inside a UTF-8 character: valid UTF-8 up to an unfinished last
 * character is a UTF-8 file cut short (its partial character dropped), not Windows-1252, which turned
 * every non-ASCII title and tag into mojibake, and an ASCII file's cut last character into "Ã" or
 * "â‚", silently. So does an ASCII file ending in a Windows-1252 "é" (0xE9, which begins a UTF-8
 * character): the two cannot be told apart, and this reading, unlike the other, alerts the user.
 * A file with more UTF-8 characters beyond ASCII than byte sequences that are not UTF-8 is UTF-8 with
 * a few stray bytes (read as "�", and said), not Windows-1252: one stray byte garbled every other
 * title, tag and note of the file ("æ±äº¬"), silently. A Windows-1252 file's accents are nearly never
 * valid UTF-8.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  // A byte-order mark says the encoding: spreadsheets save "Unicode text" as UTF-16.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), endsMidCharacter: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), endsMidCharacter: false };
  try {
    return decodeUtf8(bytes);
  } catch {
    const mostly = decodeMostlyUtf8(bytes);
    if (mostly) return mostly;
    // Not UTF-8: a CSV saved by Excel on Windows is in its ANSI code page, Windows-1252 in the West
    // ("Café crème" read as UTF-8 is "Caf� cr�me").
    return { text: new TextDecoder('windows-1252').decode(bytes), endsMidCharacter: false };
  }
}

/**
 * Whether the character (or byte) at `at` ends a line: "\n", or "\r" not followed by one (old Mac files),
 * so that "\r\n" counts once, at its "\n". `codeAt` reads a string's character codes or a file's bytes:
 * line breaks are ASCII, alike in both.
 */
function endsLine(codeAt: (at: number) => number | undefined, at: number): boolean {
  const code = codeAt(at);
  return code === 0x0a || (code === 0x0d && codeAt(at + 1) !== 0x0a);
}

/**
 * How many times each line's bytes hold "�" itself, as UTF-8 (EF BF BD), by line number: a file may. A
 * line break is never part of a byte sequence read as "�", so the lines are the decoded text's.
 */
function replacementCharactersByLine(bytes: Uint8Array): Map<number, number> {
  const byLine = new Map<number, number>();
  const byteAt = (at: number) => bytes[at];
  let line = 1;
  let counted = 0; // bytes before it are counted in `line`
  for (let at = bytes.indexOf(0xef); at >= 0; at = bytes.indexOf(0xef, at + 1)) {
    if (bytes[at + 1] !== 0xbf || bytes[at + 2] !== 0xbd) continue;
    for (; counted < at; counted++) if (endsLine(byteAt, counted)) line++;
    byLine.set(line, (byLine.get(line) ?? 0) + 1);
  }
  return byLine;
}

/** The bytes as UTF-8 with their stray sequences read as "�", when UTF-8 characters beyond ASCII outnumber those. */
function decodeMostlyUtf8(bytes: Uint8Array): DecodedText | undefined {
  const decoder = new TextDecoder('utf-8');
  const text = decoder.decode(bytes, { stream: true }).replace(/^\ufeff/, '');
  const endsMidCharacter = decoder.decode() !== '';
  // Those written "�" in the file are no stray bytes, nor are their lines (review: they were named).
  const ownByLine = replacementCharactersByLine(bytes);
  let beyondAscii = 0;
  let replaced = 0;
  let line = 1;
  let replacedOnLine = 0;
  const lines: number[] = [];
  const endLine = () => {
    // One more than are named: it says there are more.
    if (replacedOnLine > (ownByLine.get(line) ?? 0) && lines.length <= STRAY_LINES_NAMED) lines.push(line);
    replacedOnLine = 0;
  };
  const codeAt = (at: number) => (at < text.length ? text.charCodeAt(at) : undefined);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (endsLine(codeAt, at)) {
      endLine();
      line++;
    } else if (code === 0xfffd) {
      replaced++;
      replacedOnLine++;
    } else if (code >= 0x80) beyondAscii++;
  }
  endLine();
  const own = [...ownByLine.values()].reduce((sum, n) => sum + n, 0);
  const count = replaced - own;
  if (beyondAscii + own <= count) return undefined;
  return { text, endsMidCharacter, stray: { count, lines } };
}

/**
 * UTF-8 text, and whether it ends inside a character; throws where it is not UTF-8. Decoding as a
 * stream accepts bytes that are valid UTF-8 up to a well-formed but unfinished last character,
 * which the final call then finds and drops.
 */
function decodeUtf8(bytes: Uint8Array): { text: string; endsMidCharacter: boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const text = decoder.decode(bytes, { stream: true }).replace(/^\ufeff/, '');
  try {
    decoder.decode();
    return { text, endsMidCharacter: false };
  } catch {
    return { text, endsMidCharacter: true };
  }
}
