import type { SidePanelView } from '@/lib/side-panel/view';

const NAV_VIEWS = [
  { kind: 'browse', label: 'All articles' },
  { kind: 'reading-list', label: 'Reading list' },
  { kind: 'settings', label: 'Settings' },
] as const;

interface PanelHeaderProps {
  current: SidePanelView;
  onShow: (view: SidePanelView) => void;
  /** Goes to the view shown before; absent when there is none. */
  onBack?: () => void;
  /** The view has a level-1 heading of its own (the reader's title): the brand is then none, not a second. */
  viewHasTitle: boolean;
}

/** Back, Shelf's name and the side panel's main views. */
export function PanelHeader({ current, onShow, onBack, viewHasTitle }: PanelHeaderProps) {
  return (
    <header className="panel-header">
      <div className="panel-title">
        {onBack && (
          <button type="button" className="button secondary back-button" onClick={onBack}>
            <span aria-hidden="true">←</span> Back
          </button>
        )}
        {viewHasTitle ? <p className="brand">Shelf</p> : <h1 className="brand">Shelf</h1>}
      </div>
      <nav aria-label="Side panel views" className="panel-nav">
        {NAV_VIEWS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="button secondary"
            aria-current={current.kind === kind && !('tag' in current && current.tag) ? 'page' : undefined}
            onClick={() => onShow({ kind })}
          >
            {label}
          </button>
        ))}
      </nav>
    </header>
  );
}
