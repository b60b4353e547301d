import { type ReactNode, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ReaderSettingsFields } from '@/components/reader-settings';
import { visitPlace } from '@/lib/capture/reader-links';
import { focusElement } from '@/lib/dom/focus-rescue';
import type { OutlineEntry } from '@/lib/reader/outline';
import { keepMeasuringToolbar, measureToolbar } from '@/lib/reader/toolbar-height';
import type { ReaderSettings } from '@/lib/settings/reader-settings';

interface ReaderToolbarProps {
  settings: ReaderSettings;
  onSettingsChange: (patch: Partial<ReaderSettings>) => void;
  outline: { entries: readonly OutlineEntry[]; current: number };
  /**
   * The id of the user's tags, note and highlights after the text: "Tags and notes" goes there, a
   * visit that leaves the reading position as it was, and a skip over a page's every link.
   */
  annotationsId?: string;
  /** More links at the toolbar's end ("Open in a tab" in the side panel). */
  children?: ReactNode;
}

/**
 * The reader's sticky bar: the outline of a long page (with the section being read) and the reader
 * settings, each behind a button so that the text has the page. Each panel comes right after its
 * button in the DOM, so Tab goes from the button into it (the CSS draws it under the row).
 */
export function ReaderToolbar({ settings, onSettingsChange, outline, annotationsId, children }: ReaderToolbarProps) {
  const [open, setOpen] = useState<'outline' | 'settings' | null>(null);
  const toggle = (panel: 'outline' | 'settings') => setOpen((shown) => (shown === panel ? null : panel));
  const toolbar = useRef<HTMLDivElement>(null);
  const outlineButton = useRef<HTMLButtonElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const { entries, current } = outline;
  useEffect(() => (toolbar.current ? keepMeasuringToolbar(toolbar.current) : undefined), []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape bubbles up from the panels' own controls; the bar takes no focus.
    <div
      ref={toolbar}
      className="reader-toolbar"
      dir="ltr"
      onKeyDown={(event) => {
        // Escape closes the open panel, the focus back on the button that opened it.
        if (event.key !== 'Escape' || open === null) return;
        event.preventDefault();
        (open === 'outline' ? outlineButton : settingsButton).current?.focus();
        setOpen(null);
      }}
    >
      <div className="reader-toolbar-row">
        {entries.length > 0 && (
          <button
            ref={outlineButton}
            type="button"
            className="button secondary"
            aria-expanded={open === 'outline'}
            aria-controls="reader-outline"
            onClick={() => toggle('outline')}
          >
            Outline
          </button>
        )}
        {entries.length > 0 && (
          <nav id="reader-outline" className="reader-outline" aria-label="Outline" hidden={open !== 'outline'}>
            <ol>
              {entries.map((entry, index) => (
                <li key={`${index}-${entry.text}`} className={`outline-level-${entry.level}`}>
                  <button
                    type="button"
                    className="link-button"
                    aria-current={index === current ? 'location' : undefined}
                    onClick={() => {
                      // Closed first, so that the heading lands below the toolbar as it will be.
                      flushSync(() => setOpen(null));
                      if (toolbar.current) measureToolbar(toolbar.current);
                      entry.heading.scrollIntoView({ block: 'start' });
                      // The outline closes under the focus: it goes to the section, where reading goes on.
                      focusElement(entry.heading);
                    }}
                  >
                    <bdi>{entry.text}</bdi>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <span className="reader-current-section muted">{current >= 0 && <bdi>{entries[current]?.text}</bdi>}</span>
        <button
          ref={settingsButton}
          type="button"
          className="button secondary"
          aria-expanded={open === 'settings'}
          aria-controls="reader-settings-panel"
          onClick={() => toggle('settings')}
        >
          Reader settings
        </button>
        <div id="reader-settings-panel" className="reader-settings-panel" hidden={open !== 'settings'}>
          <ReaderSettingsFields settings={settings} onSettingsChange={onSettingsChange} className="reader-settings" />
        </div>
        {annotationsId && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              const annotations = document.getElementById(annotationsId);
              // The first of its controls ("Add tag"), where the user goes on from.
              if (annotations) visitPlace(annotations, annotations.querySelector<HTMLElement>('input') ?? annotations);
            }}
          >
            Tags and notes
          </button>
        )}
        {children}
      </div>
    </div>
  );
}
