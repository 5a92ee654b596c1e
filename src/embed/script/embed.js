/*
 * Race Lab embed script (docs/embedding.md). Put it on any page:
 *
 *   <div data-race-lab="preset=blog&strategy=racy"><a href="https://YOUR-RACE-LAB/">…</a></div>
 *   <script src="https://YOUR-RACE-LAB/embed.js" async></script>
 *
 *   <race-lab preset="blog" strategy="racy"><a href="https://YOUR-RACE-LAB/">…</a></race-lab>
 *
 * Every element with data-race-lab, and every <race-lab>, becomes an iframe of the Race Lab
 * this script came from (or the element's src), in its embed view. The element keeps its own content (a link, a poster) until the frame is
 * ready; its height is reserved from the start so the page never jumps; the frame follows the
 * page's light or dark theme. No dependencies, nothing loaded from anywhere else, no eval.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;

  // The app lives next to this script: same origin, same folder (a sub-path works too).
  var appUrl = script.src.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  var MAX_HEIGHT = 10000;
  var frames = [];
  var made = 0;

  // The build fills in each table named in capitals between double underscores from the app's
  // own modules (src/embed/embedScript.ts), so this script and the app never disagree.

  // The height of the embed after a run, by width, without its lanes: [narrower than, px].
  // The table of src/embed/embedHeight.ts. The embed is this tall from the start, so a
  // reader's Run moves nothing on the page.
  var HEIGHT_BANDS = __HEIGHT_BANDS__;
  // Timeline lanes of each preset's run (main, the workers, the blog's supervisors).
  var PRESET_THREADS = __PRESET_THREADS__;
  // Views other than the run view, measured before any click: [narrower than 700 px, wider].
  var VIEW_HEIGHTS = { compare: [300, 230], explore: [820, 540] };
  // Step mode is the run view plus a button per worker; a challenge adds its goal.
  var STEP_BUTTON = 48;
  var CHALLENGE_GOAL = 240;

  function viewOf(params) {
    if (params.get('challenge')) return 'challenge';
    if (params.get('mode') === 'step') return 'step';
    var view = params.get('view');
    return view === 'compare' || view === 'explore' ? view : 'run';
  }

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

  /** Turn a data-race-lab placeholder into a frame. */
  function mount(host) {
    if (host.getAttribute('data-race-lab-mounted') === '1') return;
    host.setAttribute('data-race-lab-mounted', '1');
    var params = new URLSearchParams(host.getAttribute('data-race-lab') || '');
    return makeFrame(host, params, host.getAttribute('data-race-lab-title'), appUrl);
  }

  /** The folder URL of a Race Lab given as `src` (a folder, its page or its embed.js). */
  function folderOf(src) {
    var url = new URL(src, location.href);
    url.search = '';
    url.hash = '';
    if (!/\/$/.test(url.pathname) && /\.[a-z]+$/i.test(url.pathname)) {
      url.pathname = url.pathname.replace(/[^/]*$/, '');
    } else if (!/\/$/.test(url.pathname)) url.pathname += '/';
    return url.href;
  }

  /** Make `host`'s frame of the app at `app`; a record of what this script knows about it. */
  function makeFrame(host, params, title, app) {
    params.delete('embed');
    params.delete('frame');
    // A theme in the snippet is the writer's choice; without one, the embed follows the page.
    var followsPage = !params.has('theme');
    var theme = followsPage ? hostTheme() : params.get('theme');
    if (followsPage) params.set('theme', theme);

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
    // Hidden over the placeholder's own content until the embed has drawn itself.
    s.opacity = '0';
    s.pointerEvents = 'none';
    s.colorScheme = colorScheme(theme);
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
  function send(frame, message) {
    if (frame.listening) frame.iframe.contentWindow.postMessage(message, frame.origin);
    else frame.pending.push(message);
  }

  // A theme the frame does not share with its element would make the browser paint the frame
  // opaque; `auto` follows the reader, as the embed's own root does.
  function colorScheme(theme) {
    return theme === 'light' || theme === 'dark' ? theme : 'light dark';
  }

  /** About the height of `view` at `width` with `threads` lanes, before any click. */
  function viewHeight(view, width, threads) {
    var fixed = VIEW_HEIGHTS[view];
    if (fixed) return width < 700 ? fixed[0] : fixed[1];
    if (view === 'challenge') return reservedHeight(width, 3) + 2 * STEP_BUTTON + CHALLENGE_GOAL;
    // The blog's tree has four workers among its seven lanes; otherwise all but main are.
    var workers = threads === PRESET_THREADS.blog ? 4 : threads - 1;
    var step = view === 'step' ? workers * STEP_BUTTON : 0;
    return reservedHeight(width, threads) + step;
  }

  /** Before the frame reports its height: what it will ask for at this width. */
  function reserve(frame) {
    if (frame.reported) return;
    var width = frame.host.getBoundingClientRect().width || 320;
    setHeight(frame, viewHeight(frame.view, width, frame.threads));
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
    send(frame, { type: 'race-lab:set', theme: theme });
  }

  function mountAll() {
    var hosts = document.querySelectorAll('[data-race-lab]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  /** A frame's ready, result or error message, as a DOM event on its <race-lab>. */
  var EVENTS = {
    'race-lab:ready': 'race-lab-ready',
    'race-lab:result': 'race-lab-result',
    'race-lab:error': 'race-lab-error',
  };

  // Only our frames count: the message must come from the very window of one of the frames
  // this script made, and from the origin of the app it shows.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string') return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.iframe.contentWindow !== event.source) continue;
      if (event.origin !== frame.origin) return;
      if (data.type === 'race-lab:height') {
        var height = data.height;
        if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
        frame.reported = true;
        setHeight(frame, height);
        reveal(frame);
        return;
      }
      if (data.type === 'race-lab:ready') {
        frame.listening = true;
        var queued = frame.pending;
        frame.pending = [];
        for (var q = 0; q < queued.length; q++) send(frame, queued[q]);
      }
      if (EVENTS[data.type] && frame.host.localName === 'race-lab') {
        frame.host.dispatchEvent(
          new CustomEvent(EVENTS[data.type], { detail: data, bubbles: true }),
        );
      }
      return;
    }
  });

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

  function defineElement() {
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
  defineElement();

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
