import { z } from '@/lib/zod/mini';

/**
 * The commands the background sends to Shelf's script in a web page's tab (a blog article's, or any
 * site's while the every-site script runs): `highlight-selection`, the user chose "Highlight with
 * Shelf" in the right-click menu; `highlights-changed`, highlights were removed, recoloured or made
 * elsewhere (the side panel), and the page asks for its own to draw them anew. The script checks
 * they come from Shelf itself. (Listed in protocol.ts; Zod Mini because the page script bundles it
 * already, full Zod it does not.)
 */
export const pageCommandSchema = z.strictObject({
  target: z.literal('page'),
  type: z.enum(['highlight-selection', 'highlights-changed']),
});
export type PageCommand = z.infer<typeof pageCommandSchema>;
