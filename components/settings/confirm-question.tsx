import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ConfirmQuestionProps {
  /** The question and what it means, one paragraph each: a screen reader reads them with the focused answer. */
  lines: readonly ReactNode[];
  confirmLabel: string;
  /** While something else runs that the answer would disturb (an import): Cancel only. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question asked in place before something that cannot be undone. The safe answer (Cancel) takes
 * the focus, and both answers are described by the question, so a screen reader says what is asked
 * (QA: it said only "Delete everything, group, Cancel, button"). Escape cancels; once answered and
 * gone, the page's focus rescue (lib/dom/focus-rescue.ts) gives the focus to the control that replaced it.
 */
export function ConfirmQuestion({ lines, confirmLabel, confirmDisabled, onConfirm, onCancel }: ConfirmQuestionProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const describedBy = lines.map((_, at) => `${id}-${at}`).join(' ');
  const cancelOnEscape = (event: { key: string }) => {
    if (event.key === 'Escape') onCancel();
  };
  return (
    <div>
      {lines.map((line, at) => (
        // Keyed by place: a line that comes or goes (sync's, once its setting is read) is drawn again, harmlessly.
        <p key={at} id={`${id}-${at}`}>
          {line}
        </p>
      ))}
      <button
        type="button"
        className="button danger"
        disabled={confirmDisabled}
        onClick={onConfirm}
        onKeyDown={cancelOnEscape}
        aria-describedby={describedBy}
      >
        {confirmLabel}
      </button>{' '}
      <button
        type="button"
        className="button secondary"
        onClick={onCancel}
        onKeyDown={cancelOnEscape}
        ref={cancelRef}
        aria-describedby={describedBy}
      >
        Cancel
      </button>
    </div>
  );
}
