import { allFrames, listening, reveal } from './frames.js';
import { setHeight } from './sizing.js';

/** A frame's ready, result or error message, as a DOM event on its <race-lab>. */
var EVENTS = {
  'race-lab:ready': 'race-lab-ready',
  'race-lab:result': 'race-lab-result',
  'race-lab:error': 'race-lab-error',
};

/** One message from a frame this script made, from its app's origin. */
function heard(frame, data) {
  if (data.type === 'race-lab:height') {
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    frame.reported = true;
    setHeight(frame, height);
    reveal(frame);
    return;
  }
  if (data.type === 'race-lab:ready') listening(frame);
  if (EVENTS[data.type] && frame.host.localName === 'race-lab') {
    frame.host.dispatchEvent(new CustomEvent(EVENTS[data.type], { detail: data, bubbles: true }));
  }
}

/**
 * Hear the frames. Only ours count: the message must come from the very window of one of
 * the frames this script made, and from the origin of the app it shows.
 */
export function listenToFrames() {
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string') return;
    var frames = allFrames();
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.iframe.contentWindow !== event.source) continue;
      if (event.origin === frame.origin) heard(frame, data);
      return;
    }
  });
}
