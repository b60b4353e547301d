/**
 * Runs `task` once the next frame has been painted, and returns a function that cancels it. A
 * requestAnimationFrame callback runs just before that frame is painted; a task it queues runs
 * after the paint. Work that is not needed for the frame (loading the app, reading the database)
 * waits for it, so the frame is not held back by it.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Runs `task` two frames from now, and returns a function that cancels it (whichever frame is pending):
 * the reader's work that must follow what its first frame settles (the saved position restored) and
 * win over it, as focusing a search's passage or a place the address names.
 */
export function inTwoFrames(task: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(task);
  });
  return () => cancelAnimationFrame(frame);
}
