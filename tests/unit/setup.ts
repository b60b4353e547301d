import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// findBy*/waitFor give up after 1 s by default: too little for IndexedDB and React on a 2-core
// machine shared with other runs. A budget catches hangs; speed is measured by npm run bench.
configure({ asyncUtilTimeout: 8_000 });

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
