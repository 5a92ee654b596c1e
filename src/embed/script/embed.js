/*
 * Race Lab embed script (docs/embedding.md). Put it on any page:
 *
 *   <div data-race-lab="preset=blog&strategy=racy"><a href="https://YOUR-RACE-LAB/">…</a></div>
 *   <script src="https://YOUR-RACE-LAB/embed.js" async></script>
 *
 *   <race-lab preset="blog" strategy="racy"><a href="https://YOUR-RACE-LAB/">…</a></race-lab>
 *
 * Every element with data-race-lab, and every <race-lab>, becomes an iframe of the Race Lab
 * this script came from (or the element's src), in its embed view. The element keeps its own
 * content (a link, a poster) until the frame is ready; its height is reserved from the start
 * so the page never jumps; the frame follows the page's light or dark theme. No dependencies,
 * nothing loaded from anywhere else, no eval.
 *
 * Built from the modules of src/embed/script/ in Race Lab's source, bundled into this one script.
 */
import { defineElement } from './element.js';
import { allFrames, applyTheme, makeFrame } from './frames.js';
import { listenToFrames } from './messages.js';
import { reserve } from './sizing.js';

/** Turn a data-race-lab placeholder into a frame of the app at `appUrl`. */
function mount(host, appUrl) {
  if (host.getAttribute('data-race-lab-mounted') === '1') return;
  host.setAttribute('data-race-lab-mounted', '1');
  var params = new URLSearchParams(host.getAttribute('data-race-lab') || '');
  makeFrame(host, params, host.getAttribute('data-race-lab-title'), appUrl);
}

function mountAll(appUrl) {
  var hosts = document.querySelectorAll('[data-race-lab]');
  for (var i = 0; i < hosts.length; i++) mount(hosts[i], appUrl);
}

/** `run`, at most once per task however often it is asked for in that task. */
function oncePerTask(run) {
  var soon = false;
  return function () {
    if (soon) return;
    soon = true;
    setTimeout(function () {
      soon = false;
      run();
    }, 0);
  };
}

/**
 * Follow the page: placeholders it adds later (a single-page blog, a lazily rendered post),
 * its theme (a class or attribute on <html> or <body>, or the reader's own setting), and its
 * width, which a frame's reservation follows until the frame reports (a rotated phone).
 */
function watch(appUrl) {
  var mountSoon = oncePerTask(function () {
    mountAll(appUrl);
  });
  var followTheme = oncePerTask(function () {
    allFrames().forEach(applyTheme);
  });
  var watched = { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] };
  if (typeof MutationObserver === 'function') {
    new MutationObserver(mountSoon).observe(document.documentElement, {
      childList: true,
      subtree: true,
    });
    var themes = new MutationObserver(followTheme);
    themes.observe(document.documentElement, watched);
    if (document.body) themes.observe(document.body, watched);
  }
  if (window.matchMedia) {
    var query = matchMedia('(prefers-color-scheme: dark)');
    if (query.addEventListener) query.addEventListener('change', followTheme);
  }
  window.addEventListener('resize', function () {
    allFrames().forEach(reserve);
  });
}

function start(appUrl) {
  listenToFrames();
  defineElement(appUrl);
  var begin = function () {
    mountAll(appUrl);
    watch(appUrl);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
  else begin();
}

var script = document.currentScript;
// The app lives next to this script: same origin, same folder (a sub-path works too).
if (script && script.src) start(script.src.replace(/[?#].*$/, '').replace(/[^/]*$/, ''));
