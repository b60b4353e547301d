import type { SidePanelView } from '@/lib/side-panel/view';

const NAV_VIEWS = [
  { kind: 'browse', label: 'All articles' },
  { kind: 'reading-list', label: 'Reading list' },
  { kind: 'settings', label: 'Settings' },
] as const;

/** Shelf's name and the side panel's main views. */
export function PanelHeader({ current, onShow }: { current: SidePanelView; onShow: (view: SidePanelView) => void }) {
  return (
    <header className="panel-header">
      <h1 className="brand">Shelf</h1>
      <nav aria-label="Side panel views" className="panel-nav">
        {NAV_VIEWS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="button secondary"
            aria-current={current.kind === kind ? 'page' : undefined}
            onClick={() => onShow({ kind })}
          >
            {label}
          </button>
        ))}
      </nav>
    </header>
  );
}
