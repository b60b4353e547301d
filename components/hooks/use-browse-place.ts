import { useCallback, useRef, useState } from 'react';
import { withTopicOpen } from '@/lib/side-panel/browse-place';

/**
 * "All articles"' place: its open topic groups, the article last opened from it and its search's chosen result. The side panel
 * keeps it above its views, as the reading list's (`useListPlace`), so that Back from an article's
 * card finds the groups as they were and the article's button (the view is unmounted meanwhile).
 */
export function useBrowsePlace() {
  const [openTopics, setOpenTopics] = useState<ReadonlySet<string>>(new Set());
  const setTopicOpen = useCallback(
    (topic: string, open: boolean) => setOpenTopics((topics) => withTopicOpen(topics, topic, open)),
    [],
  );
  /** The article whose card was opened from the view, until the view is shown again. */
  const opened = useRef<string | null>(null);
  /** Its search's chosen result, and whether one was opened: Back finds it chosen, the focus in the search box. */
  const chosenResult = useState<string | null>(null);
  const resultOpened = useRef(false);
  return { openTopics, setTopicOpen, opened, chosenResult, resultOpened };
}

export type BrowsePlace = ReturnType<typeof useBrowsePlace>;
