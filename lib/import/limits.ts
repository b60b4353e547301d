/** The largest file an import reads (and the most a zip may unpack to). */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;
