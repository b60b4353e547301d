/**
 * The longest address a saved item keeps (a longer one is kept cut to this). Whatever compares an
 * address with a saved item's cuts it to the same length, or a long address would never match.
 * A module of its own so that light pages (the popup's first paint) can read it without the schemas.
 */
export const MAX_ITEM_URL_LENGTH = 4096;
