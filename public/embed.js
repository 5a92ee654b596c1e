/*
 * Race Lab embed script (docs/embedding.md). Put it on any page:
 *
 *   <div data-race-lab="preset=blog&strategy=racy"></div>
 *   <script src="https://YOUR-RACE-LAB/embed.js" async></script>
 *
 * Every element with data-race-lab becomes an iframe of the Race Lab this script came from,
 * in its embed view, sized to its content as that changes. No dependencies, nothing loaded
 * from anywhere else, no eval.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;

  // The app lives next to this script: same origin, same folder (a sub-path works too).
  var appUrl = script.src.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  var appOrigin = new URL(appUrl).origin;
  var INITIAL_HEIGHT = 520;
  var MAX_HEIGHT = 10000;
  var frames = [];

  function mount(host) {
    if (host.getAttribute('data-race-lab-mounted') === '1') return;
    host.setAttribute('data-race-lab-mounted', '1');
    var params = new URLSearchParams(host.getAttribute('data-race-lab') || '');
    params.delete('embed');
    var iframe = document.createElement('iframe');
    // Permissions before src: the frame's navigation reads them.
    iframe.setAttribute('allow', 'cross-origin-isolated');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('title', host.getAttribute('data-race-lab-title') || 'Race Lab');
    iframe.setAttribute('width', '100%');
    iframe.setAttribute('height', String(INITIAL_HEIGHT));
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    var query = params.toString();
    iframe.src = appUrl + '?embed=1' + (query ? '&' + query : '');
    host.appendChild(iframe);
    // Frames the host has since removed no longer need their height.
    frames = frames.filter(function (frame) {
      return frame.isConnected;
    });
    frames.push(iframe);
  }

  function mountAll() {
    var hosts = document.querySelectorAll('[data-race-lab]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  // Only our frames may resize themselves: the message must come from the app's origin and
  // from the very window of one of the frames this script made.
  window.addEventListener('message', function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.type !== 'race-lab:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var px = String(Math.min(Math.ceil(height), MAX_HEIGHT));
        frames[i].setAttribute('height', px);
        frames[i].style.height = px + 'px';
        return;
      }
    }
  });

  // Placeholders a page adds later (a single-page blog, a lazily rendered post) are mounted
  // too: one look per task, however many nodes the page adds in it.
  var looking = false;
  function mountSoon() {
    if (looking) return;
    looking = true;
    setTimeout(function () {
      looking = false;
      mountAll();
    }, 0);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
  if (typeof MutationObserver === 'function') {
    new MutationObserver(mountSoon).observe(document.documentElement, {
      childList: true,
      subtree: true,
    });
  }
})();
