import {
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
} from 'react';
import { linkFrame, type FrameLink } from './frameLink.js';
import type { ErrorMessage, ReadyMessage, ResultMessage } from './messages.js';
import {
  changedSettings,
  frameUrl,
  needsReload,
  pageUrl,
  SETTING_NAMES,
  type RaceLabSettings,
} from './settings.js';
import { reservedHeight } from './sizes.js';

export interface RaceLabProps extends RaceLabSettings {
  /** Where Race Lab is hosted, e.g. `https://lab.example/` (a sub-path works too). */
  src: string;
  /** The frame's name for screen readers. */
  title?: string;
  /** The frame listens for commands; with its settings and last result. */
  onReady?(message: ReadyMessage): void;
  /** A run finished in the frame. */
  onResult?(message: ResultMessage): void;
  /** A run failed, or the frame refused a setting. */
  onError?(message: ErrorMessage): void;
  className?: string;
  style?: CSSProperties;
}

/** What a ref to RaceLab can do. */
export interface RaceLabHandle {
  run(): void;
  stop(): void;
  set(settings: RaceLabSettings): void;
}

const pick = (props: RaceLabSettings): RaceLabSettings => {
  const settings: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) if (props[name] !== undefined) settings[name] = props[name];
  return settings as RaceLabSettings;
};

const never = () => () => {};
/** False on the server and while hydrating its HTML; true in the browser after that. */
const useInBrowser = () =>
  useSyncExternalStore(
    never,
    () => true,
    () => false,
  );

/**
 * Race Lab in a frame. On the server, and until the browser mounts it, a placeholder of the
 * frame's size holds a link to the full page. Settings changed later reach the running frame
 * without loading it again.
 */
export const RaceLab = forwardRef<RaceLabHandle, RaceLabProps>(function RaceLab(props, ref) {
  const { src, title = 'Race Lab', className, style } = props;
  const settings = pick(props);
  const id = `race-lab-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const mounted = useInBrowser();
  const [url, setUrl] = useState(() => frameUrl(src, settings, id));
  const [height, setHeight] = useState(() => reservedHeight(settings));
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<FrameLink | null>(null);
  const shown = useRef({ src, settings });
  // The callbacks of the last render, for messages that arrive later.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const el = frame.current;
    if (!mounted || !el) return;
    const current = linkFrame(el, () => el.src, {
      onHeight: setHeight,
      onMessage: (m) => {
        const p = latest.current;
        if (m.type === 'race-lab:ready') p.onReady?.(m);
        else if (m.type === 'race-lab:result') p.onResult?.(m);
        else if (m.type === 'race-lab:error') p.onError?.(m);
      },
    });
    link.current = current;
    return () => {
      current.stop();
      link.current = null;
    };
  }, [mounted]);

  // Props changed: tell the frame, or load it again when the change is one it opens with.
  const key = JSON.stringify(settings);
  useEffect(() => {
    const before = shown.current;
    const after = { src, settings: JSON.parse(key) as RaceLabSettings };
    shown.current = after;
    if (before.src !== after.src || needsReload(before.settings, after.settings)) {
      link.current?.reset();
      setUrl(frameUrl(after.src, after.settings, id));
      return;
    }
    const message = changedSettings(before.settings, after.settings);
    if (message) link.current?.send(message);
  }, [src, key, id]);

  useImperativeHandle(
    ref,
    () => ({
      run: () => link.current?.send({ type: 'race-lab:run' }),
      stop: () => link.current?.send({ type: 'race-lab:stop' }),
      set: (s) => link.current?.send({ type: 'race-lab:set', ...s }),
    }),
    [],
  );

  const box: CSSProperties = { display: 'block', width: '100%', height, ...style };
  if (!mounted) {
    return (
      <div className={className} style={box} data-race-lab-placeholder="">
        <a href={pageUrl(src, settings)}>{title}: open the live demo</a>
      </div>
    );
  }
  return (
    <iframe
      ref={frame}
      id={id}
      className={className}
      src={url}
      title={title}
      allow="cross-origin-isolated"
      loading="lazy"
      style={{ border: 0, ...box }}
    />
  );
});
