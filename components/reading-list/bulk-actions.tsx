import type { Ref } from 'react';

interface BulkActionsProps {
  shown: number;
  selected: number;
  /** Checks every row shown, or unchecks them all when all are. */
  onToggleAll: () => void;
  onDone: () => void;
  onArchive: () => void;
  onUnsave: () => void;
  onToggleHelp: () => void;
  /** Whether the keyboard help is shown (the "?" button's state). */
  helpShown: boolean;
  /** The "?" button: the focus goes back to it when the help is closed. */
  helpButtonRef?: Ref<HTMLButtonElement>;
}

/** How many rows are shown and checked, and what to do with the checked ones (nothing when none is). */
export function BulkActions({
  shown,
  selected,
  onToggleAll,
  onDone,
  onArchive,
  onUnsave,
  onToggleHelp,
  helpShown,
  helpButtonRef,
}: BulkActionsProps) {
  const none = selected === 0;
  return (
    // A group, not a toolbar: a toolbar promises arrow keys and one Tab stop (QA: arrows did nothing);
    // these few buttons are Tab stops like every other control of the panel.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's own border and padding would show here.
    <div className="list-actions" role="group" aria-label="Bulk actions">
      <input
        type="checkbox"
        aria-label="Check all shown"
        checked={shown > 0 && selected === shown}
        ref={(box) => {
          if (box) box.indeterminate = selected > 0 && selected < shown;
        }}
        disabled={shown === 0}
        onChange={onToggleAll}
      />
      <span className="muted" role="status">
        {shown} shown{selected > 0 ? `, ${selected} checked` : ''}
      </span>
      <button type="button" className="button secondary" disabled={none} onClick={onDone}>
        Mark done
      </button>
      <button type="button" className="button secondary" disabled={none} onClick={onArchive}>
        Archive
      </button>
      <button type="button" className="button secondary" disabled={none} onClick={onUnsave}>
        Unsave
      </button>
      <button
        ref={helpButtonRef}
        type="button"
        className="button secondary"
        aria-label="Keyboard shortcuts"
        aria-expanded={helpShown}
        onClick={onToggleHelp}
      >
        ?
      </button>
    </div>
  );
}
