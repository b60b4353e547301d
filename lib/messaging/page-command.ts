import { z } from 'zod/mini';

/**
 * The one command the background sends to Shelf's script in a blog article's tab: the user chose
 * "Highlight with Shelf" in the right-click menu. The script checks it comes from Shelf itself.
 * (Listed in protocol.ts; Zod Mini because the page script bundles it already, full Zod it does not.)
 */
export const pageCommandSchema = z.strictObject({ target: z.literal('page'), type: z.literal('highlight-selection') });
export type PageCommand = z.infer<typeof pageCommandSchema>;
