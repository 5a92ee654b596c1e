import { folderOf, makeFrame, send } from './frames.js';

// <race-lab>: attributes are the URL parameters; `src` says where Race Lab is (default: where
// this script came from). Attributes changed later reach the running frame as race-lab:set;
// those it opens with (a schedule, a challenge, a trace file, src) load it again. Both lists
// come from the race-lab-embed package's table (packages/race-lab-embed/src/attributes.ts),
// the one the package's own element and RaceLab component read.
var ATTRIBUTES = __ATTRIBUTES__;
var LIVE = __LIVE_ATTRIBUTES__;

function paramsOf(el) {
  var params = new URLSearchParams();
  for (var i = 0; i < ATTRIBUTES.length; i++) {
    var value = el.getAttribute(ATTRIBUTES[i]);
    if (value !== null) params.set(ATTRIBUTES[i], value);
  }
  return params;
}

/** Define <race-lab>, showing the app at `appUrl` unless its own `src` says otherwise. */
export function defineElement(appUrl) {
  if (!window.customElements || customElements.get('race-lab')) return;
  customElements.define(
    'race-lab',
    class extends HTMLElement {
      static get observedAttributes() {
        return ATTRIBUTES.concat(['src']);
      }
      connectedCallback() {
        if (this.raceLabFrame && this.raceLabFrame.iframe.isConnected) return;
        var app = folderOf(this.getAttribute('src') || appUrl);
        this.raceLabFrame = makeFrame(this, paramsOf(this), this.getAttribute('title'), app);
      }
      attributeChangedCallback(name, before, after) {
        var frame = this.raceLabFrame;
        if (!frame || before === after) return;
        if (LIVE.indexOf(name) >= 0 && after !== null) {
          var message = { type: 'race-lab:set' };
          message[name] = after;
          // A theme the writer names is theirs; the page's no longer applies.
          if (name === 'theme') frame.followsPage = false;
          send(frame, message);
          return;
        }
        // What the frame opens with changed: open it again, with every attribute as it is.
        frame.iframe.remove();
        this.raceLabFrame = null;
        this.connectedCallback();
      }
      /** Press Run in the frame (both sides in the compare view). */
      run() {
        if (this.raceLabFrame) send(this.raceLabFrame, { type: 'race-lab:run' });
      }
      /** Press Stop in the frame. */
      stop() {
        if (this.raceLabFrame) send(this.raceLabFrame, { type: 'race-lab:stop' });
      }
      /** Change settings as race-lab:set does: { strategy: 'atomic', workers: 2, … }. */
      set(settings) {
        if (!this.raceLabFrame) return;
        var message = { type: 'race-lab:set' };
        for (var key in settings) if (key !== 'type') message[key] = settings[key];
        send(this.raceLabFrame, message);
      }
    },
  );
}
