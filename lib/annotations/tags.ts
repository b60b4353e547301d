import { cutToLength } from '@/lib/annotations/cut-text';
import { shownLine } from '@/lib/search/shown-line';

/**
 * The user's own tags on an item: trimmed, inner whitespace collapsed to one space, lower case (so
 * "Databases" and "databases " are one tag), at most 20 on an item and 40 characters each.
 */

export const MAX_TAGS_PER_ITEM = 20;
export const MAX_TAG_LENGTH = 40;

/** Tags an item may hold (`cleanStoredTags`): what imports keep of other apps' folders and labels. */
export const MAX_STORED_TAGS = 50;
export const MAX_STORED_TAG_LENGTH = 64;

/**
 * `separator`: the tag holds `,` or `|`, which Shelf's bookmarks and CSV exports use between tags,
 * so it would come back from them as two tags.
 */
export type TagError = 'empty' | 'too-long' | 'separator' | 'too-many';

/** What Shelf's exports put between tags: the bookmarks file `,`, the CSV `|`. */
export const TAG_SEPARATORS = /[,|]/;

export type TagResult = { ok: true; tag: string } | { ok: false; error: TagError };
export type AddTagResult = { ok: true; tags: string[]; added: boolean } | { ok: false; error: TagError };

/**
 * The form two tags are compared and kept in: one plain line (`shownLine`: no control characters, no
 * bidi overrides, which would turn a chip's text and its remove button around), lower case.
 */
export const tagKey = (input: string) => shownLine(input.normalize('NFC')).toLowerCase();

export function normalizeTag(input: string): TagResult {
  const tag = tagKey(input);
  if (!tag) return { ok: false, error: 'empty' };
  // Characters as the user counts them, not UTF-16 code units.
  if ([...tag].length > MAX_TAG_LENGTH) return { ok: false, error: 'too-long' };
  if (TAG_SEPARATORS.test(tag)) return { ok: false, error: 'separator' };
  return { ok: true, tag };
}

/**
 * A tag to remove, as typed: any tag an item may hold (`cleanStoredTags`: an import keeps longer
 * ones), compared by `tagKey`. The rules of `normalizeTag` are for
 * adding one: by them, a bulk "Remove tag" refused an imported tag the Tag filter offered.
 */
export function tagToRemove(input: string): TagResult {
  const tag = tagKey(input);
  return tag ? { ok: true, tag } : { ok: false, error: 'empty' };
}

/** `tags` with `input` added at the end; `added: false` when the item already has it. */
export function addTag(tags: readonly string[], input: string): AddTagResult {
  const normalized = normalizeTag(input);
  if (!normalized.ok) return normalized;
  if (tags.some((tag) => tagKey(tag) === normalized.tag)) return { ok: true, tags: [...tags], added: false };
  if (tags.length >= MAX_TAGS_PER_ITEM) return { ok: false, error: 'too-many' };
  return { ok: true, tags: [...tags, normalized.tag], added: true };
}

/** `tags` without `input` (compared as tags are: case and surrounding spaces do not matter). */
export function removeTag(tags: readonly string[], input: string): string[] {
  const key = tagKey(input);
  return tags.filter((tag) => tagKey(tag) !== key);
}

/** What a bulk tag change did to the checked rows, and why some did not change. */
export function describeBulkTagChange(
  tag: string,
  change: 'add' | 'remove',
  checked: number,
  changed: number,
  full: number,
): string {
  const done = `${change === 'add' ? 'Added' : 'Removed'} “${tag}” ${change === 'add' ? 'to' : 'from'} ${changed} of ${checked}.`;
  const had = checked - changed - full;
  const why = [
    had > 0 && (change === 'add' ? `${had} had it already.` : `${had} did not have it.`),
    full > 0 &&
      `${full} already ${full === 1 ? 'has' : 'have'} ${MAX_TAGS_PER_ITEM} tags or more, and ${full === 1 ? 'takes' : 'take'} no more.`,
  ].filter(Boolean);
  return [done, ...why].join(' ');
}

export const TAG_ERROR_MESSAGES: Record<TagError, string> = {
  empty: 'Type a tag first.',
  'too-long': `A tag can have at most ${MAX_TAG_LENGTH} characters.`,
  separator: 'A tag cannot contain “,” or “|”.',
  'too-many': `An item can have at most ${MAX_TAGS_PER_ITEM} tags.`,
};

/**
 * A whole list as Shelf keeps it (what an import or a bulk change brings): each tag normalized,
 * over-long ones cut to the limit, empty ones and ones holding a separator dropped, duplicates
 * removed, at most `MAX_TAGS_PER_ITEM` kept in order.
 */
export function cleanTagList(tags: readonly string[]): string[] {
  const kept: string[] = [];
  for (const input of tags) {
    const tag = [...tagKey(input)].slice(0, MAX_TAG_LENGTH).join('').trim();
    if (!tag || TAG_SEPARATORS.test(tag) || kept.includes(tag)) continue;
    kept.push(tag);
    if (kept.length === MAX_TAGS_PER_ITEM) break;
  }
  return kept;
}

/**
 * Tags from outside the tag editor (an import, another browser's library, a backup) as an item may
 * store them: one plain line in NFC (as the editor writes "café", so that the two are one tag),
 * lower-case, at most `MAX_STORED_TAGS` of `MAX_STORED_TAG_LENGTH` characters, once each. More than
 * the editor allows, but one of its rules: a tag holding `,` or `|` (another app's folder or label)
 * is kept as its parts, as Shelf's bookmarks and CSV exports would bring it back, so that importing
 * them again changes nothing.
 */
export function cleanStoredTags(tags: readonly string[]): string[] {
  return storedTagParts(tags, (tag) => cutToLength(tag, MAX_STORED_TAG_LENGTH)).slice(0, MAX_STORED_TAGS);
}

/** Whether `cleanStoredTags` cuts these: more than `MAX_STORED_TAGS`, or one longer than `MAX_STORED_TAG_LENGTH`. */
export function storedTagsCut(tags: readonly string[]): boolean {
  const whole = storedTagParts(tags, (tag) => tag);
  return whole.length > MAX_STORED_TAGS || whole.some((tag) => [...tag].length > MAX_STORED_TAG_LENGTH);
}

/** Each tag's parts between separators, as keys, `fit` (cut or not), trimmed, once each. */
function storedTagParts(tags: readonly string[], fit: (key: string) => string): string[] {
  const parts = tags
    .flatMap((tag) => tag.split(TAG_SEPARATORS))
    .map((tag) => fit(tagKey(tag)).trim())
    .filter(Boolean);
  return [...new Set(parts)];
}
