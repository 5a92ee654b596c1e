import { useState } from 'react';
import { useLab } from '../../store/labStore';
import { selectTrace } from '../../store/selectors';
import { timelineToSvg } from '../../timeline/svgExport';
import { downloadBlob, downloadText, traceFileName } from '../download';
import { svgToPng } from './timelineImage';

/** The drawn timeline as SVG text, or null (and a notice) when none is drawn. */
function currentTimeline(): string | null {
  const root = document.querySelector<HTMLElement>('[data-testid="timeline"]');
  if (root) return timelineToSvg(root);
  useLab.getState().addNotices('run', ['There is no timeline to save yet: run first.']);
  return null;
}

/** "Download SVG" and "Download PNG" of the timeline as it is drawn now, for a write-up. */
export function TimelineDownloads() {
  const trace = useLab(selectTrace);
  const [busy, setBusy] = useState(false);
  const none = !trace || trace.events.length === 0;
  const name = (suffix: string) =>
    traceFileName(trace!.config.preset, trace!.config.strategy, suffix);
  const savePng = async () => {
    const svg = currentTimeline();
    if (!svg) return;
    setBusy(true);
    try {
      downloadBlob(name('png'), await svgToPng(svg));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      useLab.getState().addNotices('run', [`Could not make the PNG: ${why}`]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        disabled={none}
        onClick={() => {
          const svg = currentTimeline();
          if (svg) downloadText(name('svg'), svg, 'image/svg+xml');
        }}
      >
        Download SVG
      </button>
      <button type="button" disabled={none || busy} onClick={() => void savePng()}>
        Download PNG
      </button>
    </>
  );
}
