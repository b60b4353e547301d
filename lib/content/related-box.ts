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
  /** Opens the article's card in the side panel; false when the browser would not open the panel. */
  onOpen: (articleId: string) => Promise<boolean>;
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

  // The panel opens only where the browser allows it: a click that opened nothing said nothing (QA pass).
  const hint = boxElement(doc, 'p', {
    className: 'shelf-box-hint',
    text: 'Open Shelf’s side panel from the toolbar to see the card.',
    attrs: { role: 'status' },
  });
  hint.hidden = true;
  const open = (articleId: string) =>
    void handlers
      .onOpen(articleId)
      .catch(() => false)
      .then((opened) => {
        hint.hidden = opened;
      });
  const list = boxElement(doc, 'ul', { className: 'shelf-box-list' });
  for (const article of articles) {
    const item = boxElement(doc, 'li');
    item.append(articleButton(doc, article.title, () => open(article.id), fromUser));
    list.append(item);
  }
  box.append(list, hint);

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
