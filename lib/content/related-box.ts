import {
  articleButton,
  boxElement,
  createBox,
  isFromUser,
  onUserClick,
  type UserEventCheck,
} from '@/lib/content/box-dom';

/** The "Related articles" box of the content script on other sites (see box-dom.ts). */
export interface RelatedBoxArticle {
  id: string;
  title: string;
}

export interface RelatedBoxHandlers {
  onOpen: (articleId: string) => void;
  onDismiss: () => void;
  onHideOnSite: () => void;
  /** Whether an event is the user's own (see box-dom.ts); the browser's trust flag unless a test says. */
  fromUser?: UserEventCheck;
}

export function renderRelatedBox(
  container: HTMLElement,
  articles: readonly RelatedBoxArticle[],
  handlers: RelatedBoxHandlers,
): HTMLElement {
  const doc = container.ownerDocument;
  const fromUser = handlers.fromUser ?? isFromUser;
  const box = createBox(doc, {
    label: 'Shelf: related articles',
    brand: 'Related articles',
    closeLabel: 'Dismiss related articles',
    onDismiss: handlers.onDismiss,
    fromUser,
  });

  const list = boxElement(doc, 'ul', { className: 'shelf-box-list' });
  for (const article of articles) {
    const item = boxElement(doc, 'li');
    item.append(articleButton(doc, article.title, () => handlers.onOpen(article.id), fromUser));
    list.append(item);
  }
  box.append(list);

  const hide = boxElement(doc, 'button', {
    className: 'shelf-box-quiet',
    text: "Don't show on this site",
    attrs: { type: 'button' },
  });
  onUserClick(hide, handlers.onHideOnSite, fromUser);
  box.append(hide);
  container.append(box);
  return box;
}
