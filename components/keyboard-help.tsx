import { describeKeys, READING_LIST_KEYS } from '@/lib/reading-list/keys';

/** The reading list's keys, from the same table that the key handler runs; Escape or Close hides them. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <section
      className="keyboard-help"
      aria-label="Keyboard shortcuts"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault(); // handled: the list's keys leave it alone
        onClose();
      }}
    >
      <h3>Keyboard shortcuts</h3>
      <dl>
        {READING_LIST_KEYS.map((entry) => (
          <div key={entry.command}>
            <dt>
              <kbd>{describeKeys(entry)}</kbd>
            </dt>
            <dd>{entry.description}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
