import { articleButton, createBox } from '@/lib/content/box-dom';
import { element } from '@/lib/dom/element';

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
}

export function renderReadingNowBox(container: HTMLElement, options: ReadingNowBoxOptions): HTMLElement {
  const doc = container.ownerDocument;
  const box = createBox(doc, {
    label: 'Shelf',
    brand: 'Shelf',
    closeLabel: 'Dismiss Shelf box',
    onDismiss: options.onDismiss,
  });
  box.append(
    element(doc, 'p', { className: 'shelf-box-label', text: 'You’re reading' }),
    element(doc, 'p', { className: 'shelf-box-title', text: options.title }),
  );

  const hint = element(doc, 'p', {
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

  const actions = element(doc, 'div', { className: 'shelf-box-actions' });
  if (options.resumePercent !== null) {
    const resume = element(doc, 'button', {
      className: 'shelf-box-action',
      text: `Resume where you left off (${options.resumePercent}%)`,
      attrs: { type: 'button' },
    });
    resume.addEventListener('click', () => {
      options.onResume();
      const hadFocus = doc.activeElement === resume || resume.getRootNode() === doc.activeElement?.shadowRoot;
      resume.remove();
      if (hadFocus) showCard.focus(); // keep keyboard users in the box
    });
    actions.append(resume);
  }
  const showCard = element(doc, 'button', {
    className: options.resumePercent !== null ? 'shelf-box-action secondary' : 'shelf-box-action',
    text: 'Show card in Shelf',
    attrs: { type: 'button' },
  });
  showCard.addEventListener('click', () => opening(showCard, options.onShowCard));
  actions.append(showCard);
  box.append(actions);

  if (options.related.length > 0) {
    const section = element(doc, 'section', {
      className: 'shelf-box-related',
      attrs: { 'aria-label': 'Related articles' },
    });
    section.append(element(doc, 'p', { className: 'shelf-box-label', text: 'Related articles' }));
    const list = element(doc, 'ul');
    for (const article of options.related) {
      const item = element(doc, 'li');
      const button = articleButton(doc, article.title, () => opening(button, () => options.onShowRelated(article.id)));
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
