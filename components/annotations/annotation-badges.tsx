import type { SavedItem } from '@/lib/db/schema';
import '@/components/annotations/annotations.css';

/** A row's marks for what the user added: highlights (with their count) and a note. */
export function AnnotationBadges({ item, highlights }: { item: Pick<SavedItem, 'note'>; highlights: number }) {
  return (
    <>
      {highlights > 0 && (
        <span className="annotation-badge">
          {highlights} {highlights === 1 ? 'highlight' : 'highlights'}
        </span>
      )}
      {item.note.trim() !== '' && <span className="annotation-badge">note</span>}
    </>
  );
}
