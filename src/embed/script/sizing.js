// How tall an embed will be before it says so itself: the host reserves that height from the
// start, so a reader's Run, or the frame arriving, moves nothing on the page.

// The build fills in each table named in capitals between double underscores from the app's
// own modules (src/embed/embedScript.ts), so this script and the app never disagree.

// The height of the embed after a run, by width, without its lanes: [narrower than, px].
// The table of src/embed/embedHeight.ts.
var HEIGHT_BANDS = __HEIGHT_BANDS__;
// Timeline lanes of each preset's run (main, the workers, the blog's supervisors).
var PRESET_THREADS = __PRESET_THREADS__;
// Views other than the run view, measured before any click: [narrower than 700 px, wider].
var VIEW_HEIGHTS = { compare: [300, 230], explore: [820, 540] };
// Step mode is the run view plus a button per worker; a challenge adds its goal.
var STEP_BUTTON = 48;
var CHALLENGE_GOAL = 240;
var MAX_HEIGHT = 10000;

/** Which view the embed's parameters open: run, step, challenge, compare or explore. */
export function viewOf(params) {
  if (params.get('challenge')) return 'challenge';
  if (params.get('mode') === 'step') return 'step';
  var view = params.get('view');
  return view === 'compare' || view === 'explore' ? view : 'run';
}

/** Timeline lanes: main and one per worker, or the blog's tree of seven. */
export function threadsOf(params) {
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
export function reserve(frame) {
  if (frame.reported) return;
  var width = frame.host.getBoundingClientRect().width || 320;
  setHeight(frame, viewHeight(frame.view, width, frame.threads));
}

export function setHeight(frame, height) {
  frame.host.style.height = String(Math.min(Math.ceil(height), MAX_HEIGHT)) + 'px';
}
