/**
 * Runs on the blog's own article pages: names the article being read and links to its card in
 * the side panel. All UI lives in a shadow root; page text is never inserted as HTML.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ReadingNowBox } from '@/components/reading-now-box';
import { sendRequest } from '@/lib/messaging/client';
import './style.css';

export default defineContentScript({
  matches: ['https://webcoderspeed.com/blog/*', 'https://www.webcoderspeed.com/blog/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const { article } = await sendRequest({ type: 'article-for-page', url: location.href });
    if (!article || ctx.isInvalid) return;

    function Box({ onDismiss }: { onDismiss: () => void }) {
      const [status, setStatus] = useState<'idle' | 'opening' | 'open-failed'>('idle');
      return (
        <ReadingNowBox
          title={article?.title ?? ''}
          status={status}
          onDismiss={onDismiss}
          onShowCard={() => {
            if (!article) return;
            setStatus('opening');
            sendRequest({ type: 'open-article-card', articleId: article.id })
              .then(({ opened }) => setStatus(opened ? 'idle' : 'open-failed'))
              .catch(() => setStatus('open-failed'));
          }}
        />
      );
    }

    const ui = await createShadowRootUi(ctx, {
      name: 'shelf-reading-now',
      position: 'overlay',
      anchor: 'body',
      onMount(container) {
        const root = createRoot(container);
        root.render(<Box onDismiss={() => ui.remove()} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
  },
});
