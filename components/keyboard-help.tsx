export const READING_LIST_KEYS: ReadonlyArray<[string, string]> = [
  ['j / k', 'next / previous item'],
  ['o or Enter', 'open the item’s card'],
  ['x', 'select / unselect the item'],
  ['e', 'archive (the selection, or the item)'],
  ['d', 'mark done (the selection, or the item)'],
  ['s', 'save / unsave (remove) the item'],
  ['/', 'search saved items'],
  ['?', 'show or hide these keys'],
];

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <section className="keyboard-help" aria-label="Keyboard shortcuts">
      <h3>Keyboard shortcuts</h3>
      <dl>
        {READING_LIST_KEYS.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
