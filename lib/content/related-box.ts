import {
  articleButton,
  boxElement,
  createBox,
  isFromUser,
  onUserClick,
  sidePanelOpener,
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
    dismissOnEscape: true,
    fromUser,
  });

  // The panel opens only where the browser allows it: a click that opened nothing said nothing (QA pass).
  const opener = sidePanelOpener(doc);
  const list = boxElement(doc, 'ul', { className: 'shelf-box-list' });
  for (const article of articles) {
    const item = boxElement(doc, 'li');
    const button = articleButton(
      doc,
      article.title,
      () => opener.open(button, () => handlers.onOpen(article.id)),
      fromUser,
    );
    item.append(button);
    list.append(item);
  }
  box.append(list, opener.hint);

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
