import {
  articleButton,
  boxElement,
  createBox,
  isFromUser,
  onUserClick,
  onUserEscape,
  setUnavailable,
  sidePanelOpener,
  type UserEventCheck,
} from '@/lib/content/box-dom';

/**
 * The box on the blog's own article pages (inside a shadow root). It starts as a small pill —
 * the article's title, "Save to Shelf" or "Resume…" when they apply, and "Related (3)" — that
 * expands on click to its card in Shelf and the related articles. Plain DOM calls, like the
 * related box (see box-dom.ts): a framework here cost every blog page ~220 kB of script.
 */
export interface ReadingNowBoxOptions {
  title: string;
  /** The saved position to offer, as a percentage, when there is one worth resuming. */
  resumePercent: number | null;
  /** Whether the article is in the reading list already (no "Save to Shelf" then). */
  saved: boolean;
  related: ReadonlyArray<{ id: string; title: string }>;
  onShowCard: () => Promise<boolean>;
  onShowRelated: (articleId: string) => Promise<boolean>;
  onResume: () => void;
  /** Saves the article; resolves once saved (false when it could not be). */
  onSave: () => Promise<boolean>;
  onDismiss: () => void;
  /** Whether an event is the user's own (see box-dom.ts); the browser's trust flag unless a test says. */
  fromUser?: UserEventCheck;
}

/** Marks the box's "Save to Shelf" button, for `markReadingNowBoxSaved`. */
const SAVE_BUTTON = 'data-shelf-save';

function showSaveOutcome(save: HTMLButtonElement, saved: boolean): void {
  const label = saved ? 'Saved to Shelf' : 'Could not save: try the Shelf popup';
  save.setAttribute('data-text', label);
  save.setAttribute('aria-label', label);
  setUnavailable(save, saved);
}

/** The article was saved another way (a highlight saves it): the box's "Save to Shelf" says so. */
export function markReadingNowBoxSaved(box: HTMLElement): void {
  const save = box.querySelector<HTMLButtonElement>(`[${SAVE_BUTTON}]`);
  if (save) showSaveOutcome(save, true);
}

function actionButton(doc: Document, text: string, secondary = false): HTMLButtonElement {
  return boxElement(doc, 'button', {
    className: secondary ? 'shelf-box-action secondary' : 'shelf-box-action',
    text,
    attrs: { type: 'button' },
  });
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
  box.classList.add('shelf-pill');
  const header = box.firstElementChild as HTMLElement;
  header.insertBefore(
    boxElement(doc, 'p', { className: 'shelf-box-title', text: options.title, attrs: { title: options.title } }),
    header.lastElementChild,
  );

  const { hint, open: opening } = sidePanelOpener(doc);

  const more = boxElement(doc, 'div', { className: 'shelf-box-more', attrs: { id: 'shelf-box-more' } });
  more.hidden = true;
  const actions = boxElement(doc, 'div', { className: 'shelf-box-actions' });
  const keepFocusIn = (leaving: HTMLElement, next: HTMLElement) => {
    const hadFocus = (leaving.getRootNode() as Document | ShadowRoot).activeElement === leaving;
    if (hadFocus) next.focus(); // keep keyboard users in the box
  };

  if (options.resumePercent !== null) {
    const resume = actionButton(doc, `Resume where you left off (${options.resumePercent}%)`);
    onUserClick(
      resume,
      () => {
        options.onResume();
        keepFocusIn(resume, toggle);
        resume.remove();
      },
      fromUser,
    );
    actions.append(resume);
  }
  if (!options.saved) {
    const save = actionButton(doc, 'Save to Shelf');
    save.setAttribute(SAVE_BUTTON, '');
    onUserClick(
      save,
      () => {
        setUnavailable(save, true);
        void options
          .onSave()
          .catch(() => false)
          .then((saved) => showSaveOutcome(save, saved));
      },
      fromUser,
    );
    actions.append(save);
  }
  const count = options.related.length;
  const toggle = actionButton(doc, count > 0 ? `Related (${count})` : 'More', true);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'shelf-box-more');
  const setExpanded = (expanded: boolean) => {
    more.hidden = !expanded;
    toggle.setAttribute('aria-expanded', String(expanded));
    box.classList.toggle('shelf-pill', !expanded);
  };
  onUserClick(toggle, () => setExpanded(Boolean(more.hidden)), fromUser);
  // Escape folds what the toggle opened, as a disclosure does, focus back on the toggle. It does not
  // close the box: closed, it stays closed on this article, too much for one stray key.
  onUserEscape(
    box,
    () => {
      if (more.hidden) return false;
      setExpanded(false);
      toggle.focus(); // the key came from inside the box: the focus was there
      return true;
    },
    fromUser,
  );
  actions.append(toggle);
  box.append(actions);

  const showCard = actionButton(doc, 'Show card in Shelf', true);
  onUserClick(showCard, () => opening(showCard, options.onShowCard), fromUser);
  more.append(showCard);
  if (count > 0) {
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
    more.append(section);
  }
  box.append(more, hint);
  container.append(box);
  return box;
}
