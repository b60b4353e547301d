import {
  articleButton,
  boxElement,
  createBox,
  isFromUser,
  onUserClick,
  type UserEventCheck,
} from '@/lib/content/box-dom';

/**
 * The box on the blog's own article pages (inside a shadow root): the article being read, a way
 * to resume a saved position, its card in Shelf and related articles. Plain DOM calls, like the
 * related box (see box-dom.ts): a framework here cost every blog page ~220 kB of script.
 */
export interface ReadingNowBoxOptions {
  title: string;
  /** The saved position to offer, as a percentage, when there is one worth resuming. */
  resumePercent: number | null;
  related: ReadonlyArray<{ id: string; title: string }>;
  onShowCard: () => Promise<boolean>;
  onShowRelated: (articleId: string) => Promise<boolean>;
  onResume: () => void;
  onDismiss: () => void;
  /** Whether an event is the user's own (see box-dom.ts); the browser's trust flag unless a test says. */
  fromUser?: UserEventCheck;
}

export function renderReadingNowBox(container: HTMLElement, options: ReadingNowBoxOptions): HTMLElement {
  const doc = container.ownerDocument;
  const fromUser = options.fromUser ?? isFromUser;
  const box = createBox(doc, {
    label: 'Shelf',
    brand: 'Shelf',
    closeLabel: 'Dismiss Shelf box',
    onDismiss: options.onDismiss,
    fromUser,
  });
  box.append(
    boxElement(doc, 'p', { className: 'shelf-box-label', text: 'You’re reading' }),
    boxElement(doc, 'p', { className: 'shelf-box-title', text: options.title }),
  );

  const hint = boxElement(doc, 'p', {
    className: 'shelf-box-hint',
    text: 'Open Shelf’s side panel from the toolbar to see the card.',
    attrs: { role: 'status' },
  });
  hint.hidden = true;
  /** Runs an "open in the side panel" action; says how to get there when the browser refused. */
  const opening = (button: HTMLButtonElement, open: () => Promise<boolean>) => {
    button.disabled = true;
    void open()
      .catch(() => false)
      .then((opened) => {
        button.disabled = false;
        hint.hidden = opened;
      });
  };

  const actions = boxElement(doc, 'div', { className: 'shelf-box-actions' });
  if (options.resumePercent !== null) {
    const resume = boxElement(doc, 'button', {
      className: 'shelf-box-action',
      text: `Resume where you left off (${options.resumePercent}%)`,
      attrs: { type: 'button' },
    });
    onUserClick(
      resume,
      () => {
        options.onResume();
        const hadFocus = (resume.getRootNode() as Document | ShadowRoot).activeElement === resume;
        resume.remove();
        if (hadFocus) showCard.focus(); // keep keyboard users in the box
      },
      fromUser,
    );
    actions.append(resume);
  }
  const showCard = boxElement(doc, 'button', {
    className: options.resumePercent !== null ? 'shelf-box-action secondary' : 'shelf-box-action',
    text: 'Show card in Shelf',
    attrs: { type: 'button' },
  });
  onUserClick(showCard, () => opening(showCard, options.onShowCard), fromUser);
  actions.append(showCard);
  box.append(actions);

  if (options.related.length > 0) {
    const section = boxElement(doc, 'section', {
      className: 'shelf-box-related',
      attrs: { 'aria-label': 'Related articles' },
    });
    section.append(boxElement(doc, 'p', { className: 'shelf-box-label', text: 'Related articles' }));
    const list = boxElement(doc, 'ul');
    for (const article of options.related) {
      const item = boxElement(doc, 'li');
      const button = articleButton(
        doc,
        article.title,
        () => opening(button, () => options.onShowRelated(article.id)),
        fromUser,
      );
      item.append(button);
      list.append(item);
    }
    section.append(list);
    box.append(section);
  }
  box.append(hint);
  container.append(box);
  return box;
}
