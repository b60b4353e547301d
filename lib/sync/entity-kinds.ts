import { itemStatusSchema } from '@/lib/db/schema';
import { isWebUrl } from '@/lib/net/web-url';
import type { Json } from '@/lib/sync/document';
import { z } from '@/lib/zod/classic';

/**
 * The kinds of entity sync knows and the fields each has. A saved item is `item:<its id>`, a
 * preference `pref:<its name>` with one field, `value`. Another kind (highlights: quote, selectors,
 * note, colour, per highlight id) is added by naming it here; until a version of Shelf knows a
 * kind, it keeps that kind's entities as they are and passes them on (see wire-format.ts).
 */
export const ITEM_KIND = 'item';
export const PREFERENCE_KIND = 'pref';
export const PREFERENCE_FIELD = 'value';

export const ITEM_FIELDS = ['url', 'title', 'status', 'tags', 'note', 'addedAt', 'progress'] as const;
export type ItemFieldName = (typeof ITEM_FIELDS)[number];

/** Reading progress as sync keeps it: how far, and where to return to (fraction, pixels). */
export const syncedProgressSchema = z.tuple([
  z.number().min(0).max(1),
  z.number().min(0).max(1),
  z.number().nonnegative().max(10_000_000),
]);
export type SyncedProgress = z.infer<typeof syncedProgressSchema>;

/**
 * The values a remote item may hold; the same bounds as `lib/db/schema.ts`, and the rule every
 * import and restore follows: an address is a web address (Shelf never writes another).
 */
export const ITEM_FIELD_SCHEMAS = {
  url: z.string().max(4096).refine(isWebUrl, 'not a web address').nullable(),
  title: z.string().min(1).max(1000),
  status: itemStatusSchema,
  tags: z.array(z.string().min(1).max(64)).max(50),
  note: z.string().max(20_000),
  addedAt: z.number().int().nonnegative(),
  progress: syncedProgressSchema.nullable(),
} satisfies Record<ItemFieldName, z.ZodType<Json>>;

/**
 * An item's status, tags and note when no browser chose them (`chosenAt` 0): they travel as no
 * register at all, and an entity without one reads as these.
 */
export const UNCHOSEN_ITEM_FIELDS = {
  status: { v: 'unread', t: 0 },
  tags: { v: [], t: 0 },
  note: { v: '', t: 0 },
} as const;

/**
 * A highlight is `hl:<its id>`: the item it belongs to, its selectors, creation time and, when its
 * quote has more than one line, the quote's paragraphs and code lines (`blocks`; set once, at
 * creation), its note and colour (edited), and, when a selection running into highlights joined them
 * into it, their ids (`from`; set once): those stay hidden on every browser, whatever was edited on
 * one of them meanwhile (see `localChangesFor`). `blocks` and `from` came later: a highlight without
 * them is whole, and an older Shelf keeps the registers (it keeps every field) and passes them on.
 * Values are checked against `lib/db/schema.ts` when they are stored; a highlight whose item this
 * browser does not have waits until it has it.
 */
export const HIGHLIGHT_KIND = 'hl';
export const HIGHLIGHT_FIELDS = ['item', 'sel', 'note', 'color', 'at', 'blocks', 'from'] as const;
export type HighlightFieldName = (typeof HIGHLIGHT_FIELDS)[number];

/** Kinds whose deleted entities travel as their tombstone alone, and are forgotten after a while. */
export const hasTombstones = (kind: string) => kind === ITEM_KIND || kind === HIGHLIGHT_KIND;

export const ITEM_STATUSES = itemStatusSchema.options;
/** Statuses of the reading queue, which syncs before the rest when room is short. */
export const QUEUE_STATUSES: readonly string[] = ['unread', 'reading'];
