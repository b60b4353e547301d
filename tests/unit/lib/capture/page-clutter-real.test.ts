import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { capturePage } from '@/lib/capture/capture-page';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';

// Capturing a real page takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const available = realPageNames();
const line = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A shared real page's copy, as saving it makes it: its HTML and its text on one line. */
function captureRealPage(name: string) {
  const url = 'http://fakehost/test/page.html';
  const dom = new JSDOM(readFileSync(join(REAL_PAGES_DIR, name, 'source.html'), 'utf8'), {
    url,
    virtualConsole: new VirtualConsole(),
  });
  const captured = capturePage(dom.window.document, url, dom.window as unknown as Window & typeof globalThis, () => 0);
  return { html: captured.html, text: line(captured.text) };
}

/** Each page's check runs only when the shared folder holds it, and says why when it does not. */
const onPage = (name: string) => (available.includes(name) ? it : it.skip);

describe(available.length ? 'page clutter on real pages' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(available.length === 0, MISSING_SHARED_REASON));

  // Firefox's tour: its carousel's "Next" and "Replay" are links into the page posing as buttons, beside the
  // sections' own words.
  onPage('mozilla-1')('mozilla-1: the tour’s "Next" and "Replay" controls go, its sections’ words stay', () => {
    const { text } = captureRealPage('mozilla-1');
    expect(text).not.toMatch(/\bNext\b|\bReplay\b/);
    expect(text).toContain('Choose from thousands of themes and dress up your browser with a single click.');
    expect(text).toContain('Find and return to your favorite sites without having to remember a URL.');
  });

  // Its figure's "Photo" and its credit's "Credit" are labels for screen readers, hidden from sight.
  onPage('nytimes-1')('nytimes-1: the caption and credit stay, their hidden "Photo" and "Credit" labels go', () => {
    const { text } = captureRealPage('nytimes-1');
    expect(text).not.toMatch(/\bPhoto\b|\bCredit\b/);
    expect(text).toMatch(
      /^United Nations peacekeepers at a refugee camp in Sudan on Monday\..* cooperate with American intelligence agents\. Ashraf Shazly\/Agence France-Presse — Getty Images LONDON — After nearly 20 years/,
    );
  });

  // Their figures' "Image", "Photo" and "Credit" labels are hidden by generated classes (`css-1dv1kvn`), not by a
  // class named for it: they showed, and ran into the caption ("…weather.CreditKirsten Luce").
  onPage('nytimes-3')('nytimes-3, 4, 5: labels their style hides go, captions and credits stay apart', () => {
    const third = captureRealPage('nytimes-3').text;
    expect(third).not.toMatch(/\bImage\b|Credit/);
    expect(third).toContain('weather. Kirsten Luce');
    if (available.includes('nytimes-4')) {
      const fourth = captureRealPage('nytimes-4').text;
      expect(fourth).not.toMatch(/\bImage\b|Credit/);
      expect(fourth).toContain('Jeon Heon-Kyun/EPA');
    }
    if (available.includes('nytimes-5')) {
      const fifth = captureRealPage('nytimes-5').text;
      // "Photo Illustration by …" is a credit's own words.
      expect(fifth).not.toMatch(/\bCredit\b|\bPhoto\b(?! Illustration)/);
      expect(fifth).toContain('Dustin Chambers');
    }
  });

  // Lines that are only a link elsewhere, between the story's paragraphs: LWN's way to each article's comments and
  // the Washington Post's promotions. Each paragraph around them reads straight on to the next.
  onPage('lwn-1')('lwn-1: each article’s "Comments (N posted)" link goes, the articles around it stay', () => {
    const { text } = captureRealPage('lwn-1');
    expect(text).not.toMatch(/posted\)/);
    expect(text).toContain('on either side of that question, however. Mapping and data mining with QGIS 2.8 By');
    expect(text).toContain('LibreOffice has won the battle for developer participation. Page editor: Jonathan Corbet');
  });

  onPage('wapo-1')('wapo-1: its "[Read: …]" promotions go, the paragraphs around them stay', () => {
    const { text } = captureRealPage('wapo-1');
    expect(text).not.toMatch(/\[Read:/);
    expect(text).toContain(
      'would be “merciless” in defending itself. Tunisia, a mostly Muslim nation of about 11 million',
    );
    expect(text).toContain('additional tools to fight militants. “We must pay attention to what is written”');
  });
});
