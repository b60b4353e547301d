/**
 * The open topic groups of "All articles", with `topic` opened or closed: the same set when nothing
 * changes, so that the toggle event a group fires as it is drawn open does not draw the view again.
 */
export function withTopicOpen(topics: ReadonlySet<string>, topic: string, open: boolean): ReadonlySet<string> {
  if (topics.has(topic) === open) return topics;
  const next = new Set(topics);
  if (open) next.add(topic);
  else next.delete(topic);
  return next;
}
