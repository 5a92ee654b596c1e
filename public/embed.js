/*
 * Race Lab embed script (docs/embedding.md). Put it on any page:
 *
 *   <div data-race-lab="preset=blog&strategy=racy"><a href="https://YOUR-RACE-LAB/">…</a></div>
 *   <script src="https://YOUR-RACE-LAB/embed.js" async></script>
 *
 * Every element with data-race-lab becomes an iframe of the Race Lab this script came from,
 * in its embed view. The element keeps its own content (a link, a poster) until the frame is
 * ready; its height is reserved from the start so the page never jumps; the frame follows the
 * page's light or dark theme. No dependencies, nothing loaded from anywhere else, no eval.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;

  // The app lives next to this script: same origin, same folder (a sub-path works too).
  var appUrl = script.src.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  var appOrigin = new URL(appUrl).origin;
  var MAX_HEIGHT = 10000;
  var frames = [];

  // The height of the embed after a run, by width, without its lanes: [narrower than, px].
  // The same table as src/embed/embedHeight.ts (a unit test keeps them equal). The embed is
  // this tall from the start, so a reader's Run moves nothing on the page.
  var HEIGHT_BANDS = [
    [400, 1120],
    [440, 1010],
    [620, 870],
    [660, 805],
    [800, 760],
    [940, 730],
    [Infinity, 690],
  ];
  var PRESET_THREADS = { blog: 7, pair: 3, quad: 5, custom: 5 };

  /** Timeline lanes: main and one per worker, or the blog's tree of seven. */
  function threadsOf(params) {
    // Numbers of one's own make a custom run (4 workers unless said), as in the app.
    if (params.has('workers') || params.has('increments')) {
      var workers = Number(params.get('workers'));
      return (workers >= 1 && workers <= 16 ? Math.floor(workers) : 4) + 1;
    }
    return PRESET_THREADS[params.get('preset')] || PRESET_THREADS.blog;
  }

  function reservedHeight(width, threads) {
    var i = 0;
    while (i < HEIGHT_BANDS.length - 1 && width >= HEIGHT_BANDS[i][0]) i++;
    return HEIGHT_BANDS[i][1] + threads * (threads > 10 ? 20 : 26);
  }

  /**
   * The page's theme, by the common conventions: a dark (or light) class or data-theme on
   * <html> or <body>, then the root's computed color-scheme, then the reader's preference.
   */
  function hostTheme() {
    var roots = [document.documentElement, document.body];
    for (var i = 0; i < roots.length; i++) {
      var el = roots[i];
      if (!el) continue;
      var named = el.getAttribute('data-theme');
      if (named === 'dark' || el.classList.contains('dark')) return 'dark';
      if (named === 'light' || el.classList.contains('light')) return 'light';
    }
    var scheme = getComputedStyle(document.documentElement).colorScheme || '';
    var words = scheme.split(/\s+/);
    var dark = words.indexOf('dark') >= 0;
    var light = words.indexOf('light') >= 0;
    if (dark !== light) return dark ? 'dark' : 'light';
    return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light';
  }

  /** Make `host`'s frame; a record of what this script knows about it. */
  function mount(host) {
    if (host.getAttribute('data-race-lab-mounted') === '1') return;
    host.setAttribute('data-race-lab-mounted', '1');
    var params = new URLSearchParams(host.getAttribute('data-race-lab') || '');
    params.delete('embed');
    // A theme in the snippet is the writer's choice; without one, the embed follows the page.
    var followsPage = !params.has('theme');
    var theme = followsPage ? hostTheme() : params.get('theme');
    if (followsPage) params.set('theme', theme);

    var iframe = document.createElement('iframe');
    // Permissions before src: the frame's navigation reads them.
    iframe.setAttribute('allow', 'cross-origin-isolated');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('title', host.getAttribute('data-race-lab-title') || 'Race Lab');
    iframe.setAttribute('width', '100%');
    var s = iframe.style;
    s.position = 'absolute';
    s.top = '0';
    s.left = '0';
    s.width = '100%';
    s.height = '100%';
    s.border = '0';
    // Hidden over the placeholder's own content until the embed has drawn itself.
    s.opacity = '0';
    s.pointerEvents = 'none';
    s.colorScheme = colorScheme(theme);
    var query = params.toString();
    iframe.src = appUrl + '?embed=1' + (query ? '&' + query : '');

    if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
    var frame = {
      host: host,
      iframe: iframe,
      threads: threadsOf(params),
      followsPage: followsPage,
      shown: theme,
      ready: false,
      reported: false,
    };
    reserve(frame);
    host.appendChild(iframe);
    // Frames the host has since removed no longer need their height.
    frames = frames.filter(function (f) {
      return f.iframe.isConnected;
    });
    frames.push(frame);
  }

  // A theme the frame does not share with its element would make the browser paint the frame
  // opaque; `auto` follows the reader, as the embed's own root does.
  function colorScheme(theme) {
    return theme === 'light' || theme === 'dark' ? theme : 'light dark';
  }

  /** Before the frame reports its height: what it will ask for at this width. */
  function reserve(frame) {
    if (frame.reported) return;
    var width = frame.host.getBoundingClientRect().width || 320;
    setHeight(frame, reservedHeight(width, frame.threads));
  }

  function setHeight(frame, height) {
    frame.host.style.height = String(Math.min(Math.ceil(height), MAX_HEIGHT)) + 'px';
  }

  /** The embed has drawn itself: it replaces the placeholder's content. */
  function reveal(frame) {
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
  function applyTheme(frame) {
    if (!frame.followsPage) return;
    var theme = hostTheme();
    frame.iframe.style.colorScheme = colorScheme(theme);
    // Not ready yet: it opens with the theme of its address, and hears any change on reveal.
    if (!frame.ready || theme === frame.shown) return;
    frame.shown = theme;
    frame.iframe.contentWindow.postMessage({ type: 'race-lab:set', theme: theme }, appOrigin);
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
      if (frames[i].iframe.contentWindow === event.source) {
        frames[i].reported = true;
        setHeight(frames[i], height);
        reveal(frames[i]);
        return;
      }
    }
  });

  // The page's theme, followed live: a class or attribute on <html> or <body>, or the
  // reader's own setting. One look per task, however many changes came in it.
  var themeSoon = false;
  function followTheme() {
    if (themeSoon) return;
    themeSoon = true;
    setTimeout(function () {
      themeSoon = false;
      for (var i = 0; i < frames.length; i++) applyTheme(frames[i]);
    }, 0);
  }

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

  // Before a frame has reported, its reservation follows its width (a rotated phone).
  function reserveAll() {
    for (var i = 0; i < frames.length; i++) reserve(frames[i]);
  }

  function watch() {
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
    window.addEventListener('resize', reserveAll);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      mountAll();
      watch();
    });
  } else {
    mountAll();
    watch();
  }
})();
