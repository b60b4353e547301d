import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSnippets } from '@/components/hooks/use-library-search';
import { createLibraryIndex } from '@/lib/search/library-index';
import { getSnippetSources } from '@/lib/search/library-live';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';
import { popupResponse } from '@/tests/unit/helpers/popup-response';

vi.mock('@/lib/search/library-live', () => ({ getSnippetSources: vi.fn() }));

const text = `Regions 11 non-unitary regions 5 unitary regions 67 regional councils. ${'The weather was mild. '.repeat(30)}Painters began a distinctive style of regionalism. ${'More of it. '.repeat(10)}`;
const page = savedPageDocument({ id: 'page:nz', title: 'New Zealand', text });

// QA pass: the popup's snippet of "regionalism" (and where the reader then opened) was a table of
// "regions", its stem's words, far from the one place the page writes it.
describe('the popup’s snippet of a saved page', () => {
  it('is the passage writing the word as typed, not one of its stem’s other forms', async () => {
    vi.mocked(getSnippetSources).mockResolvedValue({ texts: new Map([[page.id, text]]), notes: new Map() });
    const library = createLibraryIndex();
    library.put(page);
    const query = 'regionalism';
    const response = popupResponse(library, query);
    const { result } = renderHook(() => useSnippets(response));
    await waitFor(() => expect(result.current.snippets.get(page.id)).toBeDefined(), { timeout: 20_000 });
    expect(result.current.snippets.get(page.id)?.passage).toContain('style of regionalism');
  }, 60_000);
});
