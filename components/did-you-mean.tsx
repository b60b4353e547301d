/**
 * A suggested spelling when nothing matches ("Did you mean “thundering”?"), searched for when chosen:
 * the popup's, the side panel's and the reading list's searches offer it alike.
 */
export function DidYouMean({
  suggestion,
  onChoose,
  className = 'link-button',
}: {
  suggestion: string;
  onChoose: (suggestion: string) => void;
  className?: string;
}) {
  return (
    <button type="button" className={className} onClick={() => onChoose(suggestion)}>
      Did you mean “{suggestion}”?
    </button>
  );
}
