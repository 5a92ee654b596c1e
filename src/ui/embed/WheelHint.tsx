import { useEffect, useState } from 'react';

/** How long the hint stays once shown (ms): long enough to read six words. */
const SHOWN_MS = 2500;

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * In an embed the wheel scrolls the host's page, not the timeline (src/timeline/zoom.ts reads
 * data-wheel-zoom). The first time a reader wheels over the plot without the modifier, say how
 * to zoom, as embedded maps do; once is enough.
 */
export function WheelHint() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer = 0;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) return;
      if (!(event.target instanceof Element) || !event.target.closest('.tl-plot')) return;
      document.removeEventListener('wheel', onWheel);
      setShown(true);
      timer = window.setTimeout(() => setShown(false), SHOWN_MS);
    };
    document.addEventListener('wheel', onWheel, { passive: true });
    return () => {
      document.removeEventListener('wheel', onWheel);
      clearTimeout(timer);
    };
  }, []);
  return (
    <p className="embed-wheel-hint" role="status" hidden={!shown}>
      {isMac() ? '⌘ + scroll to zoom' : 'Ctrl + scroll to zoom'}
    </p>
  );
}
