import type { Ref } from 'react';

interface FileInputProps {
  accept: string;
  /** While true, choosing a file is refused (`onRefused` says why): one import at a time. */
  unavailable: boolean;
  onFile: (file: File) => void;
  onRefused?: () => void;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A file picker that stays focusable while it is unavailable (`aria-disabled`, the picker not
 * opened): `disabled`, it dropped the focus of the keyboard user who had just chosen a file to the
 * page's body for the whole import, and after it (QA pass). The same file chosen again is taken again.
 */
export function FileInput({ accept, unavailable, onFile, onRefused, describedBy, inputRef }: FileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      aria-describedby={describedBy}
      aria-disabled={unavailable || undefined}
      onClick={(event) => {
        if (!unavailable) return;
        event.preventDefault(); // no file dialog
        onRefused?.();
      }}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file && unavailable) onRefused?.();
        else if (file) onFile(file);
      }}
    />
  );
}
