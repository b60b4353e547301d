/**
 * The longest address a saved item keeps (a longer one is kept cut to this). Whatever compares an
 * address with a saved item's cuts it to the same length, or a long address would never match.
 * A module of its own so that light pages (the popup's first paint) can read it without the schemas.
 */
export const MAX_ITEM_URL_LENGTH = 4096;

/** The longest note an item keeps, and a highlight's (longer ones are kept cut to these). */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_HIGHLIGHT_NOTE_LENGTH = 10_000;
