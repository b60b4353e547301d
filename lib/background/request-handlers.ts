import { openSidePanel } from '@/lib/background/side-panel';
import { getArticleById, getArticleByUrl } from '@/lib/corpus/catalog';
import type { RequestHandlers } from '@/lib/messaging/protocol';
import { setSidePanelView } from '@/lib/side-panel/view';

export const requestHandlers: RequestHandlers = {
  'article-for-page': ({ url }) => {
    const article = getArticleByUrl(url);
    return { article: article ? { id: article.id, title: article.title } : null };
  },
  'open-article-card': async ({ articleId }, sender) => {
    if (!getArticleById(articleId)) throw new Error(`unknown article "${articleId}"`);
    const opening = openSidePanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId });
    await setSidePanelView({ kind: 'article', articleId });
    try {
      await opening;
      return { opened: true };
    } catch {
      // Without a usable gesture the browser refuses; the card still shows when the user opens the panel.
      return { opened: false };
    }
  },
};
