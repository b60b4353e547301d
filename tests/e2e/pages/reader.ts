import { expect, type Page } from '@playwright/test';

/** The reader, in the side panel or a tab of its own: a saved page's copy, its settings, its end. */
export function readerPage(page: Page) {
  const settingsButton = page.getByRole('button', { name: 'Reader settings' });
  const reader = {
    page,
    title: page.getByRole('heading', { level: 1 }),
    settingsButton,
    outlineButton: page.getByRole('button', { name: 'Outline' }),
    outline: page.getByRole('navigation', { name: 'Outline' }),
    openOriginal: page.getByRole('link', { name: 'Open original' }),
    textSize: page.getByRole('slider', { name: 'Text size' }),
    width: page.getByRole('combobox', { name: 'Width' }),
    colours: page.getByRole('combobox', { name: 'Reader colours' }),
    endButton: (name: 'Mark as done' | 'Archive' | 'Next in reading list') => page.getByRole('button', { name }),

    async openSettings() {
      if ((await settingsButton.getAttribute('aria-expanded')) !== 'true') await settingsButton.click();
    },
    async setColours(label: 'System' | 'Light' | 'Dark' | 'Sepia') {
      await reader.openSettings();
      await reader.colours.selectOption({ label });
      await settingsButton.click();
    },
    /** Sets the text size with the slider, and waits for the text to take it. */
    async setTextSize(px: number) {
      await reader.openSettings();
      await reader.textSize.fill(String(px));
      await expect(page.locator('.reader-column')).toHaveCSS('font-size', `${px}px`);
    },
  };
  return reader;
}

export type ReaderPage = ReturnType<typeof readerPage>;
