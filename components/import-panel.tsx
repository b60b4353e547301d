import { type DragEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { Disclosure } from '@/components/disclosure';
import { FileInput } from '@/components/file-input';
import { focusElement } from '@/lib/dom/focus-rescue';

export interface ImportProgress {
  done: number;
  total: number;
  /** What is counted: a backup's saved copies are read before its items are written. */
  counting?: 'copies' | 'items';
}

export interface ImportOutcome {
  kind: 'ok' | 'error';
  text: string;
  skipped?: readonly { where: string; reason: string }[];
}

/** "Why 1 was skipped", "Why 2 were skipped". */
export function describeSkipped(count: number): string {
  return `Why ${count.toLocaleString('en')} ${count === 1 ? 'was' : 'were'} skipped`;
}

/** How many skip reasons to list; the count says how many there were in all. */
const SHOWN_SKIPS = 200;

/**
 * "Bring your library": a file picker that also takes a dropped file, the import's progress, and
 * its report (what was added, merged and skipped, and why). The caller does the importing.
 * `takeFocus`: scrolled into view with the focus on the file picker.
 */
export function ImportPanel({
  onFile,
  progress,
  outcome,
  takeFocus = false,
}: {
  onFile: (file: File) => void;
  progress: ImportProgress | null;
  outcome: ImportOutcome | null;
  takeFocus?: boolean;
}) {
  const [dragging, setDragging] = useState(false);
  // A file dropped while another import runs is not imported: said, not dropped silently (QA pass).
  const [notTaken, setNotTaken] = useState<string | null>(null);
  const hintId = useId();
  const busy = progress !== null;
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // QA pass: "Import in Settings" left the focus on the page, far above. A layout effect, and taken
  // whatever holds it: the button that asked went with its view, and the focus rescue put it elsewhere.
  useLayoutEffect(() => {
    const group = groupRef.current;
    const input = inputRef.current;
    if (!takeFocus || !group || !input) return;
    group.scrollIntoView?.({ block: 'start' }); // jsdom has no layout
    focusElement(input);
  }, [takeFocus]);
  const take = (file: File) => {
    setNotTaken(null);
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const [file, ...others] = event.dataTransfer.files;
    if (file && busy)
      setNotTaken(`${file.name} was not imported: another import is running. Drop it again once it ends.`);
    else if (file) {
      take(file);
      // Several at once (an unzipped export's files): said, not dropped silently (QA pass).
      if (others.length > 0)
        setNotTaken(
          `Only ${file.name} is imported: Shelf takes one file at a time. Not imported: ${others.map(({ name }) => name).join(', ')}.`,
        );
    }
  };
  return (
    <fieldset ref={groupRef} className="import-fieldset">
      <legend>Import from another app</legend>
      <p id={hintId} className="muted small">
        Pocket (HTML or the zip of CSV files), Instapaper CSV, Omnivore zip, Raindrop.io CSV, a browser bookmarks file,
        a CSV with a url column, or a list of addresses. Read in this browser only; importing the same file again adds
        nothing.
      </p>
      <label
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>Import a file (choose one, or drop it here)</span>
        <FileInput
          inputRef={inputRef}
          describedBy={hintId}
          accept=".html,.htm,.csv,.zip,.txt,.json,text/html,text/csv,application/zip,text/plain,application/json"
          unavailable={busy}
          onFile={take}
          onRefused={() => setNotTaken('Another import is running: choose the file again once it ends.')}
        />
      </label>
      {/* One status line, there from the start: the progress, then what the import did (a region added
      already holding its text is often not announced). */}
      <div role="status">
        {progress ? (
          <p>
            <progress aria-label="Import progress" value={progress.done} max={Math.max(progress.total, 1)} />{' '}
            <span>
              {progress.counting === 'copies' ? 'Reading saved copies…' : 'Importing…'}{' '}
              {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')}
            </span>
          </p>
        ) : (
          outcome?.kind === 'ok' && <OutcomeReport outcome={outcome} />
        )}
        {notTaken && <p>{notTaken}</p>}
      </div>
      {outcome?.kind === 'error' && (
        <div role="alert" className="notice">
          <OutcomeReport outcome={outcome} />
        </div>
      )}
    </fieldset>
  );
}

/** What an import did: its line, and why records were skipped. */
function OutcomeReport({ outcome }: { outcome: ImportOutcome }) {
  return (
    <>
      <p>{outcome.text}</p>
      {outcome.skipped && outcome.skipped.length > 0 && (
        <Disclosure label={describeSkipped(outcome.skipped.length)}>
          <ul className="small">
            {outcome.skipped.slice(0, SHOWN_SKIPS).map((skip) => (
              <li key={skip.where}>
                {skip.where}: {skip.reason}
              </li>
            ))}
            {outcome.skipped.length > SHOWN_SKIPS && <li>…and {outcome.skipped.length - SHOWN_SKIPS} more</li>}
          </ul>
        </Disclosure>
      )}
    </>
  );
}
