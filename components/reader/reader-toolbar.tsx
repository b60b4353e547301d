import { type ReactNode, useState } from 'react';
import { ReaderSettingsFields } from '@/components/reader-settings';
import type { OutlineEntry } from '@/lib/reader/outline';
import type { ReaderSettings } from '@/lib/settings/reader-settings';

interface ReaderToolbarProps {
  settings: ReaderSettings;
  onSettingsChange: (patch: Partial<ReaderSettings>) => void;
  outline: { entries: readonly OutlineEntry[]; current: number };
  /** More links at the toolbar's end ("Open in a tab" in the side panel). */
  children?: ReactNode;
}

/**
 * The reader's sticky bar: the outline of a long page (with the section being read) and the reader
 * settings, each behind a button so that the text has the page.
 */
export function ReaderToolbar({ settings, onSettingsChange, outline, children }: ReaderToolbarProps) {
  const [open, setOpen] = useState<'outline' | 'settings' | null>(null);
  const toggle = (panel: 'outline' | 'settings') => setOpen((shown) => (shown === panel ? null : panel));
  const { entries, current } = outline;
  return (
    <div className="reader-toolbar" dir="ltr">
      <div className="reader-toolbar-row">
        {entries.length > 0 && (
          <button
            type="button"
            className="button secondary"
            aria-expanded={open === 'outline'}
            aria-controls="reader-outline"
            onClick={() => toggle('outline')}
          >
            Outline
          </button>
        )}
        <span className="reader-current-section muted">{current >= 0 && <bdi>{entries[current]?.text}</bdi>}</span>
        <button
          type="button"
          className="button secondary"
          aria-expanded={open === 'settings'}
          aria-controls="reader-settings-panel"
          onClick={() => toggle('settings')}
        >
          Reader settings
        </button>
        {children}
      </div>
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
                    entry.heading.scrollIntoView({ block: 'start' });
                    setOpen(null);
                  }}
                >
                  <bdi>{entry.text}</bdi>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div id="reader-settings-panel" className="reader-settings-panel" hidden={open !== 'settings'}>
        <ReaderSettingsFields settings={settings} onSettingsChange={onSettingsChange} className="reader-settings" />
      </div>
    </div>
  );
}
