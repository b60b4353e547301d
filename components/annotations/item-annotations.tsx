import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { HighlightList } from '@/components/annotations/highlight-list';
import { NoteEditor } from '@/components/annotations/note-editor';
import { TagEditor } from '@/components/annotations/tag-editor';
import { useAnnouncement } from '@/components/hooks/use-announcement';
import { toMarkdownItem } from '@/lib/annotations/item-markdown';
import { itemToMarkdown } from '@/lib/annotations/markdown-export';
import { getItemAnnotations, getTagCounts } from '@/lib/db/annotations';
import { setNote } from '@/lib/db/items';
import '@/components/annotations/annotations.css';

interface ItemAnnotationsProps {
  itemId: string;
  /** The article's own topic tags, offered as suggestions with the user's tags. */
  topicTags?: readonly string[];
  notFound?: ReadonlySet<string>;
  onShowHighlight?: (id: string) => void;
}

/** What the user keeps with a saved item: tags, a note, highlights, and the item as Markdown. */
export function ItemAnnotations({ itemId, topicTags = [], notFound, onShowHighlight }: ItemAnnotationsProps) {
  const data = useLiveQuery(() => getItemAnnotations(itemId), [itemId]);
  const allTags = useLiveQuery(() => getTagCounts(), []);
  // Announced on every press, a second copy too.
  const [copied, setCopied, clearCopied] = useAnnouncement();
  // What was copied: "Copied as Markdown." goes once a tag, the note or a highlight changes it (QA pass:
  // it stood on for good, also over a copy no longer of the item as shown).
  const [copiedMarkdown, setCopiedMarkdown] = useState<string | null>(null);
  if (!data) return null;
  const { item, highlights } = data;
  const markdown = () => itemToMarkdown(toMarkdownItem(item, highlights));
  if (copiedMarkdown !== null && copiedMarkdown !== markdown()) {
    setCopiedMarkdown(null);
    clearCopied();
  }

  const copy = async () => {
    const text = markdown();
    try {
      await navigator.clipboard.writeText(text);
      setCopiedMarkdown(text);
      setCopied('Copied as Markdown.');
    } catch {
      setCopiedMarkdown(null);
      setCopied('Shelf could not copy to the clipboard; use Export highlights (Markdown) in Settings.');
    }
  };

  return (
    <section className="item-annotations" aria-label="Your tags and annotations">
      {/* An editor per item: a view that goes on to another item (a card opened from a card) keeps this
          component, and a note still waiting for the pause in typing was saved into the next item's note
          (QA pass). The item's own editor closes, and saves it on its item. */}
      <TagEditor
        key={`tags ${item.id}`}
        itemId={item.id}
        tags={item.tags}
        suggestions={[...(allTags ?? []).map(({ tag }) => tag), ...topicTags]}
      />
      <NoteEditor
        key={`note ${item.id}`}
        label="Note"
        placeholder="Write a note…"
        note={item.note}
        maxLength={20_000}
        onSave={(note, base) => setNote(item.id, note, { base })}
        of={{ target: 'item', id: item.id }}
      />
      <HighlightList highlights={highlights} notFound={notFound} onShow={onShowHighlight} />
      <p>
        <button type="button" className="button secondary" onClick={() => void copy()}>
          Copy as Markdown
        </button>{' '}
        <span role="status">{copied}</span>
      </p>
    </section>
  );
}
