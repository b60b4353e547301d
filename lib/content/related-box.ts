import { articleButton, createBox } from '@/lib/content/box-dom';
import { element } from '@/lib/dom/element';

/** The "Related articles" box of the content script on other sites (see box-dom.ts). */
export interface RelatedBoxArticle {
  id: string;
  title: string;
}

export interface RelatedBoxHandlers {
  onOpen: (articleId: string) => void;
  onDismiss: () => void;
  onHideOnSite: () => void;
}

export function renderRelatedBox(
  container: HTMLElement,
  articles: readonly RelatedBoxArticle[],
  handlers: RelatedBoxHandlers,
): HTMLElement {
  const doc = container.ownerDocument;
  const box = createBox(doc, {
    label: 'Shelf: related articles',
    brand: 'Related articles',
    closeLabel: 'Dismiss related articles',
    onDismiss: handlers.onDismiss,
  });

  const list = element(doc, 'ul', { className: 'shelf-box-list' });
  for (const article of articles) {
    const item = element(doc, 'li');
    item.append(articleButton(doc, article.title, () => handlers.onOpen(article.id)));
    list.append(item);
  }
  box.append(list);

  const hide = element(doc, 'button', {
    className: 'shelf-box-quiet',
    text: 'Don’t show on this site',
    attrs: { type: 'button' },
  });
  hide.addEventListener('click', handlers.onHideOnSite);
  box.append(hide);
  container.append(box);
  return box;
}
