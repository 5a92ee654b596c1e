import { linkFrame, type FrameLink } from './frameLink.js';
import {
  changedSettings,
  frameUrl,
  needsReload,
  SETTING_ATTRIBUTES,
  SETTING_NAMES,
  type RaceLabSettings,
} from './settings.js';
import { reservedHeight } from './sizes.js';

const EVENTS: Record<string, string> = {
  'race-lab:ready': 'race-lab-ready',
  'race-lab:result': 'race-lab-result',
  'race-lab:error': 'race-lab-error',
};

let counter = 0;

/** The `<race-lab>` element's class, made on demand so that importing touches no DOM global. */
function elementClass(defaultSrc: string | undefined): CustomElementConstructor {
  return class RaceLabElement extends HTMLElement {
    static observedAttributes = ['src', 'title', ...Object.values(SETTING_ATTRIBUTES)];
    #frame: HTMLIFrameElement | null = null;
    #link: FrameLink | null = null;
    #shown: { src: string; settings: RaceLabSettings } | null = null;
    readonly #id = `race-lab-${++counter}`;

    get #src(): string {
      return this.getAttribute('src') ?? defaultSrc ?? '';
    }

    get #settings(): RaceLabSettings {
      const settings: Record<string, string> = {};
      for (const name of SETTING_NAMES) {
        const value = this.getAttribute(SETTING_ATTRIBUTES[name]);
        if (value !== null) settings[name] = value;
      }
      return settings as RaceLabSettings;
    }

    connectedCallback() {
      if (this.#frame) return;
      const frame = this.ownerDocument.createElement('iframe');
      frame.setAttribute('allow', 'cross-origin-isolated');
      frame.setAttribute('loading', 'lazy');
      frame.title = this.getAttribute('title') ?? 'Race Lab';
      frame.style.cssText = `display:block;width:100%;border:0;height:${reservedHeight(this.#settings)}px`;
      this.#frame = frame;
      this.#load();
      this.replaceChildren(frame);
      this.#link = linkFrame(frame, () => frame.src, {
        onHeight: (h) => (frame.style.height = `${h}px`),
        onMessage: (m) => {
          const name = EVENTS[m.type];
          if (name) this.dispatchEvent(new CustomEvent(name, { detail: m, bubbles: true }));
        },
      });
    }

    disconnectedCallback() {
      this.#link?.stop();
      this.#link = null;
      this.#frame = null;
    }

    attributeChangedCallback(name: string) {
      const frame = this.#frame;
      if (!frame || !this.#shown) return;
      if (name === 'title') {
        frame.title = this.getAttribute('title') ?? 'Race Lab';
        return;
      }
      const after = { src: this.#src, settings: this.#settings };
      const before = this.#shown;
      if (before.src !== after.src || needsReload(before.settings, after.settings)) {
        this.#load();
        return;
      }
      this.#shown = after;
      const message = changedSettings(before.settings, after.settings);
      if (message) this.#link?.send(message);
    }

    #load() {
      this.#shown = { src: this.#src, settings: this.#settings };
      this.#link?.reset();
      this.#frame!.src = frameUrl(this.#shown.src, this.#shown.settings, this.#id);
    }

    /** Press Run in the frame. */
    run() {
      this.#link?.send({ type: 'race-lab:run' });
    }

    /** Stop the frame's run. */
    stop() {
      this.#link?.send({ type: 'race-lab:stop' });
    }

    /** Change settings as the attributes would, without touching them. */
    set(settings: RaceLabSettings) {
      this.#link?.send({ type: 'race-lab:set', ...settings });
    }
  };
}

export interface RegisterOptions {
  /** The element's name; `race-lab` by default. */
  tagName?: string;
  /** Where Race Lab is hosted, for elements without a `src` attribute. */
  src?: string;
}

/** Define `<race-lab>` (once; later calls do nothing). For pages without React. */
export function register(options: RegisterOptions = {}): void {
  const tagName = options.tagName ?? 'race-lab';
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  customElements.define(tagName, elementClass(options.src));
}
