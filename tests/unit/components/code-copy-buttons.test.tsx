import { fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCodeCopyButtons } from '@/components/hooks/use-code-copy-buttons';

const HTML = '<pre><code>npm test</code></pre><pre><code>npm run build</code></pre>';

function Copy() {
  const body = useRef<HTMLDivElement>(null);
  useCodeCopyButtons(body, HTML);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed test snippet
  return <div ref={body} dangerouslySetInnerHTML={{ __html: HTML }} />;
}

afterEach(() => vi.restoreAllMocks());

// QA pass (screen reader): a copy the clipboard refused showed "Copy failed" while the button's
// name still said "Copy code block 1 of 2": nothing told a screen reader user it had not worked.
describe('a code block’s Copy button', () => {
  it('says it failed in its name too when the clipboard refuses, still naming its block', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
    });
    render(<Copy />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code block 1 of 2' }));
    const failed = await screen.findByRole('button', { name: 'Copy code block 1 of 2 (failed)' });
    expect(failed.dataset.label).toBe('Copy failed');
    expect(screen.getByRole('button', { name: 'Copy code block 2 of 2' })).toBeTruthy();
  });
});
