import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { renderFirstPaint } from '@/components/popup/first-paint-picture';
import { recordTyping } from '@/lib/popup/early-typing';
import { handOverToApp } from '@/lib/popup/handoff';
import { loadPopupState } from '@/lib/popup/popup-state';
import { applyTheme, loadTheme } from '@/lib/settings/theme';

/**
 * The popup's first script, a small classic one (no module graph to fetch): it paints what the
 * popup showed last time in this session and records what the user types meanwhile, then hands
 * both to the app, which loads React and replaces the picture. So a reopened popup shows its
 * restored results at once, and typing right after opening it is not lost.
 */
export default defineUnlistedScript(() => {
  const typing = recordTyping(document);
  const theme = loadTheme().catch(() => 'system' as const);
  const restored = loadPopupState()
    .catch(() => null)
    .then(async (popup) => {
      applyTheme(await theme);
      const root = document.getElementById('root');
      if (popup?.firstPaint && root && !root.hasChildNodes()) root.before(renderFirstPaint(document, popup.firstPaint));
      return popup;
    });
  handOverToApp({ restored, typing });
});
