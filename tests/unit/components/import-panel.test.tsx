import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '@/components/import-panel';

describe('ImportPanel', () => {
  it('takes a file from the picker or from a drop', async () => {
    const onFile = vi.fn();
    render(<ImportPanel onFile={onFile} progress={null} outcome={null} />);
    const picked = new File(['url\nhttps://a.example\n'], 'links.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText(/Import a file/), picked);
    expect(onFile).toHaveBeenLastCalledWith(picked);

    const dropped = new File(['https://b.example\n'], 'urls.txt', { type: 'text/plain' });
    fireEvent.drop(screen.getByText(/Import a file/), { dataTransfer: { files: [dropped] } });
    expect(onFile).toHaveBeenLastCalledWith(dropped);
  });

  // QA pass: three CSV files of an unzipped Pocket export dropped at once imported the first, silently.
  it('imports the first of several files dropped at once and names the others, not imported', () => {
    const onFile = vi.fn();
    render(<ImportPanel onFile={onFile} progress={null} outcome={null} />);
    const files = ['part_000000.csv', 'part_000001.csv', 'part_000002.csv'].map((name) => new File(['url\n'], name));
    fireEvent.drop(screen.getByText(/Import a file/), { dataTransfer: { files } });
    expect(onFile).toHaveBeenCalledTimes(1);
    expect(onFile).toHaveBeenLastCalledWith(files[0]);
    expect(screen.getByRole('status').textContent).toBe(
      'Only part_000000.csv is imported: Shelf takes one file at a time. Not imported: part_000001.csv, part_000002.csv.',
    );
  });

  it('shows progress, and says a file dropped while an import runs is not imported', () => {
    const onFile = vi.fn();
    render(<ImportPanel onFile={onFile} progress={{ done: 4000, total: 20000 }} outcome={null} />);
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('value')).toBe('4000');
    expect(bar.getAttribute('max')).toBe('20000');
    expect(screen.getByRole('status').textContent).toContain('4,000 of 20,000');
    // Unavailable, yet still focusable: disabled, it dropped the keyboard user's focus to the body (QA pass).
    const picker = screen.getByLabelText(/Import a file/) as HTMLInputElement;
    picker.focus();
    expect(picker.disabled).toBe(false);
    expect(picker.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(picker);
    expect(fireEvent.click(picker)).toBe(false); // cancelled: no file dialog
    // A file the browser hands it all the same (dropped on the picker itself) is refused too.
    fireEvent.change(picker, { target: { files: [new File(['x'], 'y.txt')] } });
    expect(onFile).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain(
      'Another import is running: choose the file again once it ends.',
    );
    fireEvent.drop(screen.getByText(/Import a file/), { dataTransfer: { files: [new File(['x'], 'x.txt')] } });
    expect(onFile).not.toHaveBeenCalled();
    // QA pass: the drop was ignored without a word.
    expect(screen.getByRole('status').textContent).toContain(
      'x.txt was not imported: another import is running. Drop it again once it ends.',
    );
  });

  it("says when a backup's saved copies are being read, before its items are written", () => {
    const { rerender } = render(
      <ImportPanel onFile={vi.fn()} progress={{ done: 3, total: 800, counting: 'copies' }} outcome={null} />,
    );
    expect(screen.getByRole('status').textContent?.trim()).toBe('Reading saved copies… 3 of 800');
    rerender(<ImportPanel onFile={vi.fn()} progress={{ done: 0, total: 120, counting: 'items' }} outcome={null} />);
    expect(screen.getByRole('status').textContent?.trim()).toBe('Importing… 0 of 120');
  });

  // Live regions added already holding their text are often not announced: one line, there from the start.
  it('says progress and then the outcome in one status region, there before the import', () => {
    const { rerender } = render(<ImportPanel onFile={vi.fn()} progress={null} outcome={null} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(<ImportPanel onFile={vi.fn()} progress={{ done: 1, total: 2 }} outcome={null} />);
    expect(screen.getByRole('status')).toBe(region);
    rerender(<ImportPanel onFile={vi.fn()} progress={null} outcome={{ kind: 'ok', text: 'urls.txt: 2 added' }} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toContain('urls.txt: 2 added');
    rerender(<ImportPanel onFile={vi.fn()} progress={null} outcome={{ kind: 'error', text: 'bad.csv: broken' }} />);
    expect(screen.getByRole('alert').textContent).toContain('bad.csv: broken');
    expect(region.textContent).toBe('');
  });

  it('reports the outcome with every skipped record and why, as text', async () => {
    const skipped = [
      { where: 'line 3', reason: 'url: not a web address (http or https)' },
      { where: 'line 9', reason: '<img src=x onerror=alert(1)>' },
    ];
    render(
      <ImportPanel onFile={vi.fn()} progress={null} outcome={{ kind: 'ok', text: 'pocket.zip: 2 added', skipped }} />,
    );
    expect(screen.getByRole('status').textContent).toContain('pocket.zip: 2 added');
    // A disclosure button (a <summary> was none to some screen readers, accessibility pass).
    const why = screen.getByRole('button', { name: 'Why 2 were skipped', expanded: false });
    expect(screen.queryByRole('listitem')).toBeNull(); // hidden until opened
    await userEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('line 3: url: not a web address (http or https)')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull(); // reasons are text, never HTML
  });

  // #15: "Why 1 were skipped".
  it('says "was" for one skipped record', async () => {
    const skipped = [{ where: 'line 3', reason: 'url: not a web address (http or https)' }];
    render(<ImportPanel onFile={vi.fn()} progress={null} outcome={{ kind: 'ok', text: 'x.csv: 1 added', skipped }} />);
    expect(screen.getByText('Why 1 was skipped')).toBeTruthy();
  });

  it('shows an error as an alert', () => {
    render(<ImportPanel onFile={vi.fn()} progress={null} outcome={{ kind: 'error', text: 'broken.csv: line 2: …' }} />);
    expect(screen.getByRole('alert').textContent).toContain('broken.csv: line 2');
  });
});
