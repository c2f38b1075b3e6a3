/** Work put off until the browser has painted what is on screen now. */

/**
 * Runs `work` once the next frame is painted and the page is idle: an idle callback asked
 * for from an animation frame runs after that frame. A hidden page gets no animation
 * frames, so a plain timer stands in after `latestMs`. Returns a function that calls it off.
 */
export function afterPaint(work: () => void, latestMs = 200): () => void {
  let done = false;
  let idle: number | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const frame = requestAnimationFrame(() => {
    idle = requestIdleCallback(run, { timeout: latestMs });
  });
  const fallback = setTimeout(run, latestMs);
  const cancel = () => {
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    clearTimeout(fallback);
  };
  return () => {
    done = true;
    cancel();
  };
}
