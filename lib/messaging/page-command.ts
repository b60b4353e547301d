import { z } from '@/lib/zod/mini';

/** The most of the right-clicked text a command carries: enough to tell it apart, cut where longer. */
export const MAX_MENU_SELECTION = 10_000;

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
  /**
   * `highlight-selection`: the text the user right-clicked, as the browser's menu read it. The page
   * highlights its selection only while it is still that text (red team: a page that changed the
   * selection after the right-click had its own sentence highlighted and saved as the user's).
   */
  selectionText: z.optional(z.string().check(z.maxLength(MAX_MENU_SELECTION))),
});
export type PageCommand = z.infer<typeof pageCommandSchema>;
