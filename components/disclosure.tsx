import { type ReactNode, useId, useState } from 'react';

interface DisclosureProps {
  /** The button's words: the disclosure's accessible name. */
  label: ReactNode;
  children: ReactNode;
  /** Open or closed as the caller keeps it; without it, the disclosure keeps its own (closed at first). */
  open?: boolean;
  onToggle?: (open: boolean) => void;
  /** The button sits in a level-3 heading: what it opens is a section of the page (a topic's articles). */
  inHeading?: boolean;
  className?: string;
}

/**
 * A button that shows or hides what follows it (`aria-expanded`, `aria-controls`). Not
 * `<details>`/`<summary>`: a summary is no button to some screen readers and test tools, which then
 * find no control to open it by (accessibility pass).
 */
export function Disclosure({ label, children, open, onToggle, inHeading = false, className }: DisclosureProps) {
  const contentId = useId();
  const [ownOpen, setOwnOpen] = useState(false);
  const shown = open ?? ownOpen;
  const button = (
    <button
      type="button"
      className="disclosure-toggle"
      aria-expanded={shown}
      aria-controls={contentId}
      onClick={() => {
        setOwnOpen(!shown);
        onToggle?.(!shown);
      }}
    >
      {label}
    </button>
  );
  return (
    <div className={className}>
      {inHeading ? <h3 className="disclosure-heading">{button}</h3> : button}
      <div id={contentId} hidden={!shown}>
        {children}
      </div>
    </div>
  );
}
