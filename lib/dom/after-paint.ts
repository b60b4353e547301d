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
