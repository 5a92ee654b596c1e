import { reserve, threadsOf, viewOf } from './sizing.js';
import { colorScheme, hostTheme } from './theme.js';

// Every frame this script made that is still on the page, with what it knows about each.
var frames = [];
var made = 0;

/** The frames still on the page. */
export function allFrames() {
  return frames;
}

/** The folder URL of a Race Lab given as `src` (a folder, its page or its embed.js). */
export function folderOf(src) {
  var url = new URL(src, location.href);
  url.search = '';
  url.hash = '';
  if (!/\/$/.test(url.pathname) && /\.[a-z]+$/i.test(url.pathname)) {
    url.pathname = url.pathname.replace(/[^/]*$/, '');
  } else if (!/\/$/.test(url.pathname)) url.pathname += '/';
  return url.href;
}

/** An iframe of the app, hidden over the placeholder's own content until it has drawn itself. */
function newIframe(title, theme) {
  var iframe = document.createElement('iframe');
  // Permissions before src: the frame's navigation reads them.
  iframe.setAttribute('allow', 'cross-origin-isolated');
  iframe.setAttribute('loading', 'lazy');
  iframe.setAttribute('title', title || 'Race Lab');
  iframe.setAttribute('width', '100%');
  var s = iframe.style;
  s.position = 'absolute';
  s.top = '0';
  s.left = '0';
  s.width = '100%';
  s.height = '100%';
  s.border = '0';
  s.opacity = '0';
  s.pointerEvents = 'none';
  s.colorScheme = colorScheme(theme);
  return iframe;
}

/** Make `host`'s frame of the app at `app`; a record of what this script knows about it. */
export function makeFrame(host, params, title, app) {
  params.delete('embed');
  params.delete('frame');
  // A theme in the snippet is the writer's choice; without one, the embed follows the page.
  var followsPage = !params.has('theme');
  var theme = followsPage ? hostTheme() : params.get('theme');
  if (followsPage) params.set('theme', theme);

  var iframe = newIframe(title, theme);
  // Every message from the frame names it: a page with several embeds knows which spoke.
  var id = 'race-lab-' + ++made;
  params.set('frame', id);
  iframe.src = app + '?embed=1&' + params.toString();

  if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
  if (getComputedStyle(host).display === 'inline') host.style.display = 'block';
  var frame = {
    id: id,
    host: host,
    iframe: iframe,
    origin: new URL(app).origin,
    view: viewOf(params),
    threads: threadsOf(params),
    followsPage: followsPage,
    shown: theme,
    ready: false,
    listening: false,
    pending: [],
    reported: false,
  };
  reserve(frame);
  host.appendChild(iframe);
  // Frames the host has since removed no longer need their height.
  frames = frames.filter(function (f) {
    return f.iframe.isConnected;
  });
  frames.push(frame);
  return frame;
}

/** Send `message` to the frame now, or once it listens. */
export function send(frame, message) {
  if (frame.listening) frame.iframe.contentWindow.postMessage(message, frame.origin);
  else frame.pending.push(message);
}

/** The frame listens now: what was sent meanwhile goes to it, in order. */
export function listening(frame) {
  frame.listening = true;
  var queued = frame.pending;
  frame.pending = [];
  for (var q = 0; q < queued.length; q++) send(frame, queued[q]);
}

/** The embed has drawn itself: it replaces the placeholder's content. */
export function reveal(frame) {
  if (frame.ready) return;
  frame.ready = true;
  var children = Array.prototype.slice.call(frame.host.childNodes);
  for (var i = 0; i < children.length; i++) {
    if (children[i] !== frame.iframe) frame.host.removeChild(children[i]);
  }
  frame.iframe.style.opacity = '';
  frame.iframe.style.pointerEvents = '';
  applyTheme(frame);
}

/** Give a frame that follows the page the page's theme, once it can hear it. */
export function applyTheme(frame) {
  if (!frame.followsPage) return;
  var theme = hostTheme();
  frame.iframe.style.colorScheme = colorScheme(theme);
  // Not ready yet: it opens with the theme of its address, and hears any change on reveal.
  if (!frame.ready || theme === frame.shown) return;
  frame.shown = theme;
  send(frame, { type: 'race-lab:set', theme: theme });
}
