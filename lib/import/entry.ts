import { cutToLength } from '@/lib/annotations/cut-text';
import { selectorSetSchema } from '@/lib/annotations/selectors';
import { cleanStoredTags, storedTagsCut } from '@/lib/annotations/tags';
import { MAX_HIGHLIGHT_NOTE_LENGTH, MAX_ITEM_URL_LENGTH, MAX_NOTE_LENGTH } from '@/lib/db/limits';
import { HIGHLIGHT_COLORS, type ItemStatus, itemStatusSchema } from '@/lib/db/schema';
import { addressWithoutTracking } from '@/lib/net/tracking-parameters';
import { isWebUrl } from '@/lib/net/web-url';
import { shownLine } from '@/lib/search/shown-line';
import { z } from '@/lib/zod/classic';

/** The formats Shelf imports, as named to the user. */
export const IMPORT_FORMAT_NAMES = {
  'pocket-html': 'Pocket export (HTML)',
  'pocket-csv': 'Pocket export (CSV)',
  instapaper: 'Instapaper export (CSV)',
  omnivore: 'Omnivore export',
  raindrop: 'Raindrop.io export (CSV)',
  'csv-links': 'CSV file of links',
  bookmarks: 'Bookmarks file (HTML)',
  'url-list': 'List of addresses',
} as const;
export type ImportFormat = keyof typeof IMPORT_FORMAT_NAMES;

/**
 * One item read from an import file, before it meets the database. Every format maps its records
 * to this shape and validates them with this schema, so a bad record is skipped with Zod's reason.
 */
export const importEntrySchema = z.object({
  /** Where in the file it came from ("line 12", "metadata_0_to_20.json, item 3"). */
  where: z.string(),
  url: z
    .string()
    .trim()
    .min(1, 'no address')
    .max(MAX_ITEM_URL_LENGTH, `the address is longer than ${MAX_ITEM_URL_LENGTH} characters`)
    .refine((url) => isWebUrl(url), 'not a web address (http or https)')
    // Kept, and opened by "Open original", without where the link was shared (`utm_source`…).
    .transform(addressWithoutTracking),
  title: z.string().transform((title) => shownLine(title).slice(0, 1000)),
  tags: z.array(z.string()).transform(cleanStoredTags),
  /** Null when the format (or record) states none: it then never changes a saved item's status. */
  status: itemStatusSchema.nullable(),
  /** Epoch milliseconds, when the format has them. */
  addedAt: z.number().int().nonnegative().nullable(),
  updatedAt: z.number().int().nonnegative().nullable(),
  note: z.string().transform((note) => cutToLength(note.trim(), MAX_NOTE_LENGTH)),
  /** How far it was read (0–1), when the format has it. */
  progress: z.number().min(0).max(1).nullable(),
  /** A readable copy that came with the file (already captured and sanitized). */
  content: z.unknown().nullable(),
  /** Highlights the other tool kept (Omnivore), found in the copy where there is one. */
  highlights: z
    .array(
      z.object({
        selectors: selectorSetSchema,
        note: z.string().transform((note) => cutToLength(note.trim(), MAX_HIGHLIGHT_NOTE_LENGTH)),
        color: z.enum(HIGHLIGHT_COLORS),
      }),
    )
    .max(5000)
    .default([]),
});
export type ImportEntry = z.output<typeof importEntrySchema> & {
  /**
   * The address as the file gave it, when it held tracking parameters (`url` leaves them out): a page
   * saved from it before version 12 kept what it left under the id that address gave it then.
   */
  urlWithTracking?: string;
};
export type ImportEntryInput = z.input<typeof importEntrySchema>;
export type ImportedHighlight = ImportEntry['highlights'][number];

export interface SkippedRecord {
  where: string;
  reason: string;
}

export interface ParsedImport {
  format: ImportFormat;
  entries: ImportEntry[];
  skipped: SkippedRecord[];
  /** Why the file may hold less than it was meant to (see `PreparedImport.cutShort`). */
  cutShort?: string;
  /** Bytes of a UTF-8 file that were not UTF-8, read as "�" (see `PreparedImport.strayBytes`). */
  strayBytes?: string;
  /** Files of a zip left out as no export (see `PreparedImport.filesLeftOut`). */
  filesLeftOut?: string;
  /** Notes (an item's or a highlight's) longer than Shelf keeps, kept cut to its limit. */
  notesCut: number;
  /** Records with more tags, or longer ones, than an item keeps (cut to fit); absent when none. */
  tagsCut?: number;
}

/** Folder and state names of other apps → Shelf's statuses. Unknown names are unread. */
export function statusFromName(name: string | undefined | null): ItemStatus | null {
  const key = (name ?? '').trim().toLowerCase();
  if (['unread', 'new', 'inbox', 'to read', 'my list', 'succeeded', 'active'].includes(key)) return 'unread';
  if (['reading', 'in progress', 'started'].includes(key)) return 'reading';
  if (['done', 'read', 'finished', 'completed'].includes(key)) return 'done';
  if (['archive', 'archived', 'read archive'].includes(key)) return 'archived';
  return null;
}

/** The last moment a JavaScript Date can hold, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/** A time a saved item can keep, else null: a corrupt timestamp past the safe integers cost its whole record. */
const knownTime = (ms: number) => (Number.isSafeInteger(ms) && ms > 0 && ms <= MAX_DATE_MS ? ms : null);

/**
 * A date in any of the forms exports use: Unix seconds (Pocket, Instapaper), milliseconds, or an ISO
 * string (Omnivore, Raindrop). Null when absent or unreadable (the import then uses "now").
 */
export function parseDate(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).trim();
  // Signed numbers too: Date.parse's legacy parser read "-1" as 1 January 2001 and "-5" as 1 May.
  if (typeof value === 'number' || /^[-+]?\d+(\.\d+)?$/.test(text)) {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) return null;
    // Seconds until the year 5138, milliseconds after that, and microseconds (some bookmark files)
    // beyond the year 5138 in milliseconds.
    const ms = number < 1e11 ? number * 1000 : number < 1e14 ? number : number / 1000;
    return knownTime(Math.round(ms));
  }
  return knownTime(Date.parse(text));
}

/** Validates one mapped record: the entry, or why it was skipped. */
export function toEntry(input: ImportEntryInput): ImportEntry | SkippedRecord {
  const result = importEntrySchema.safeParse(input);
  if (result.success) {
    const given = input.url.trim();
    return given === result.data.url ? result.data : { ...result.data, urlWithTracking: given };
  }
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return { where: input.where, reason: `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid record'}` };
}

/**
 * A file read but not yet validated: its records mapped to entry shape, or skipped already (a row
 * with too many fields, say). Validation is separate so that a large import can do it in slices.
 */
/** A record read from a file, or one whose reading is costly (capturing a saved copy) and left for later. */
export type PreparedRecord = ImportEntryInput | SkippedRecord | (() => ImportEntryInput | SkippedRecord);

export interface PreparedImport {
  format: ImportFormat;
  records: PreparedRecord[];
  /** The file ends mid-way (a download or copy cut short): what it holds is imported, and the user told. */
  cutShort?: string;
  /** A UTF-8 file with a few bytes that are not UTF-8 (`decodeTextFile`): where, said to the user. */
  strayBytes?: string;
  /** A zip's files that are no export Shelf reads, beside those that are: which, and why, said to the user. */
  filesLeftOut?: string;
}

/** A file's import before any record is validated: its format, why it may hold less, and bytes not read as they are. */
function nothingValidatedYet({ format, cutShort, strayBytes, filesLeftOut }: PreparedImport): ParsedImport {
  return {
    format,
    entries: [],
    skipped: [],
    notesCut: 0,
    ...(cutShort ? { cutShort } : {}),
    ...(strayBytes ? { strayBytes } : {}),
    ...(filesLeftOut ? { filesLeftOut } : {}),
  };
}

/** How many of a record's notes are longer than Shelf keeps (the schema cuts them). */
function notesTooLong(record: ImportEntryInput): number {
  const long = (note: string, limit: number) => (note.trim().length > limit ? 1 : 0);
  return (record.highlights ?? []).reduce(
    (count, { note }) => count + long(note, MAX_HIGHLIGHT_NOTE_LENGTH),
    long(record.note, MAX_NOTE_LENGTH),
  );
}

function validateOne(parsed: ParsedImport, prepared: PreparedRecord): void {
  const record = typeof prepared === 'function' ? prepared() : prepared;
  const result = 'reason' in record ? record : toEntry(record);
  if ('reason' in result) return void parsed.skipped.push(result);
  parsed.entries.push(result);
  parsed.notesCut += notesTooLong(record as ImportEntryInput);
  if (storedTagsCut((record as ImportEntryInput).tags ?? [])) parsed.tagsCut = (parsed.tagsCut ?? 0) + 1;
}

export function validateImport(prepared: PreparedImport): ParsedImport {
  const parsed = nothingValidatedYet(prepared);
  for (const record of prepared.records) validateOne(parsed, record);
  return parsed;
}

/** Gives the page a turn (input, rendering) between slices of a long job. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long a slice of reading records may hold the page before it gets a turn. */
const SLICE_MS = 8;

/**
 * The same, a slice at a time with a pause for the page between slices: up to `sliceSize` records,
 * or fewer when they take longer than a few milliseconds (an Omnivore export's saved copies are each
 * captured here, up to tens of milliseconds apiece), so 20,000 rows or 4,000 copies stay smooth.
 */
export async function validateImportInSlices(prepared: PreparedImport, sliceSize = 2000): Promise<ParsedImport> {
  const parsed = nothingValidatedYet(prepared);
  let start = 0;
  while (start < prepared.records.length) {
    const began = performance.now();
    const end = Math.min(start + sliceSize, prepared.records.length);
    let at = start;
    while (at < end && (at === start || performance.now() - began < SLICE_MS)) {
      validateOne(parsed, prepared.records[at] as PreparedRecord);
      at++;
    }
    start = at;
    await yieldToPage();
  }
  return parsed;
}
