import { describe, expect, it } from 'vitest';
import { describePageSaved } from '@/lib/popup/popup-commands';

// QA pass: saving a page already kept (marked done) said "Saved … for offline reading" as if for the first time.
describe('what "Save this page" says', () => {
  it('says the page was already in the reading list, and how it stands, when saved again', () => {
    expect(describePageSaved('WAL', false, 'unread')).toBe('Saved “WAL” for offline reading.');
    expect(describePageSaved('WAL', true, 'done')).toBe(
      'Saved again: “WAL” was already in your reading list (marked done); its copy is up to date.',
    );
    expect(describePageSaved('WAL', true, 'reading')).toContain('(being read)');
  });
});
