import { type HighlightRange, splitAtHighlights } from '@/lib/search/highlight';

/** Text with matched words in <mark>, built from React elements (never as HTML). */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  if (ranges.length === 0) return <>{text}</>;
  return (
    <>
      {splitAtHighlights(text, ranges).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
