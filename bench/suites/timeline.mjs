// How fast the timeline opens and how smoothly it zooms and pans, from 1,000 to 8,000,000
// recorded accesses. Read from the timeline's own data-* attributes and from frame timings.
import process from 'node:process';
import { openLab, runAndRead } from '../lib/lab.mjs';
import { median, significant } from '../lib/stats.mjs';

/** Racy runs of 2 workers: 2 accesses per increment, plus main's final read. */
const SIZES = [
  { label: '1,000', workers: 1, increments: 500 },
  { label: '100,000', workers: 2, increments: 25_000 },
  { label: '1,000,000', workers: 2, increments: 250_000 },
  { label: '2,000,000', workers: 2, increments: 500_000 },
  { label: '8,000,000', workers: 4, increments: 1_000_000 },
];
/** TIMELINE_SIZES='1000 2000000' measures only those sizes (accesses, space-separated). */
const chosenSizes = () => {
  const wanted = process.env.TIMELINE_SIZES?.trim().split(/\s+/);
  return wanted ? SIZES.filter((s) => wanted.includes(s.label.replaceAll(',', ''))) : SIZES;
};
const WHEEL_STEPS = 40;
const PAN_STEPS = 40;
const FRAME_BUDGET_MS = 1000 / 60;

const percentile = (values, p) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

// In the page: note every animation frame's time and every redraw the timeline reports.
// A frame that redrew the timeline is known at the next frame (the count is set after paint);
// the interval up to that next frame is how long the redrawing frame kept the screen.
function startRecording() {
  const root = document.querySelector('[data-testid="timeline"]');
  const rec = { frames: [], drawFrames: [], draws: [], stop: false, seen: root.dataset.draws };
  window.__timelineBench = rec;
  const frame = (t) => {
    const last = rec.frames[rec.frames.length - 1];
    if (last !== undefined && root.dataset.draws !== rec.seen) rec.drawFrames.push(t - last);
    rec.seen = root.dataset.draws;
    rec.frames.push(t);
    if (!rec.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => rec.draws.push(Number(root.dataset.drawMs))).observe(root, {
    attributes: true,
    attributeFilter: ['data-draws'],
  });
}

function stopRecording() {
  const rec = window.__timelineBench;
  rec.stop = true;
  const gaps = rec.frames.slice(1).map((t, i) => t - rec.frames[i]);
  return { gaps, drawGaps: rec.drawFrames, draws: rec.draws };
}

/** Zoom in with the wheel, drag to pan, zoom back out: the gestures a reader makes. */
async function gesture(page) {
  const box = await page.getByTestId('timeline').boundingBox();
  const x = box.x + box.width * 0.6;
  const y = box.y + box.height * 0.6;
  await page.mouse.move(x, y);
  for (let i = 0; i < WHEEL_STEPS; i++) await page.mouse.wheel(0, -120);
  await page.mouse.down();
  for (let i = 1; i <= PAN_STEPS; i++) await page.mouse.move(x - i * 8, y);
  for (let i = PAN_STEPS; i >= 0; i--) await page.mouse.move(x - i * 8, y);
  await page.mouse.up();
  for (let i = 0; i < WHEEL_STEPS; i++) await page.mouse.wheel(0, 120);
}

async function measure(page, ctx, size) {
  const { workers, increments } = size;
  await openLab(page, ctx.baseURL, { workers, increments, trace: 'on', work: 0 });
  const readout = await runAndRead(page, 180_000);
  if (readout.state !== 'done') throw new Error(`${size.label}: run ended ${readout.state}`);
  const timeline = page.getByTestId('timeline');
  await timeline.and(page.locator('[data-render-ms]')).waitFor({ timeout: 60_000 });
  const data = await timeline.evaluate((el) => ({ ...el.dataset }));
  await page.evaluate(startRecording);
  await gesture(page);
  // Let the last coalesced zoom frame land before stopping.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  const { gaps, drawGaps, draws } = await page.evaluate(stopRecording);
  return {
    accesses: Number(data.accesses),
    renderMs: Number(data.renderMs),
    buildMs: Number(data.buildMs),
    gaps,
    drawGaps,
    draws,
  };
}

export default async function timeline(ctx) {
  // Reduced motion: no autoplay, so only the gestures move anything.
  const page = await ctx.newPage({
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
  const rows = [];
  for (const size of chosenSizes()) {
    const runs = [];
    for (let i = 0; i < ctx.repeats; i++) runs.push(await measure(page, ctx, size));
    const gaps = runs.flatMap((r) => r.gaps);
    const drawGaps = runs.flatMap((r) => r.drawGaps);
    const draws = runs.flatMap((r) => r.draws);
    rows.push({
      accesses: runs[0].accesses,
      firstRenderMs: significant(median(runs.map((r) => r.renderMs))),
      modelMs: significant(median(runs.map((r) => r.buildMs))),
      frameP95Ms: significant(percentile(gaps, 95)),
      drawFrameP95Ms: significant(percentile(drawGaps, 95)),
      drawP50Ms: significant(percentile(draws, 50)),
      drawP95Ms: significant(percentile(draws, 95)),
      draws: Math.round(draws.length / runs.length),
    });
    ctx.log(`${size.label}: ${JSON.stringify(rows.at(-1))}`);
  }
  const slow = rows.filter(
    (r) =>
      r.frameP95Ms > FRAME_BUDGET_MS * 1.05 ||
      r.drawFrameP95Ms > FRAME_BUDGET_MS * 1.05 ||
      r.firstRenderMs > 300,
  );
  return {
    name: 'timeline',
    goals: [
      {
        goal: 'First render within 300 ms at every size',
        met: rows.every((r) => r.firstRenderMs <= 300),
      },
      {
        goal: 'Zoom and pan frames within the 60 fps budget (p95, 5% slack) at every size',
        met: rows.every((r) => r.frameP95Ms <= FRAME_BUDGET_MS * 1.05),
      },
    ],
    title: 'Timeline: first render and zoom/pan frames',
    description:
      `A racy run of the given size is recorded; then ${WHEEL_STEPS} wheel steps zoom in, a drag ` +
      `pans ${PAN_STEPS} steps and back, and ${WHEEL_STEPS} wheel steps zoom out. First render: ` +
      'from the start of the model build to the first paint (data-render-ms). Frame: interval ' +
      'between animation frames during the gestures; frames where nothing moved count too, so ' +
      'Redraw frame p95 counts only the frames that redrew the timeline (the interval from each ' +
      'to the next). Draw: draw and paint work per zoom frame (data-draw-ms).',
    columns: [
      { key: 'accesses', label: 'Accesses' },
      { key: 'firstRenderMs', label: 'First render ms' },
      { key: 'modelMs', label: 'Model build ms' },
      { key: 'frameP95Ms', label: 'Frame p95 ms' },
      { key: 'drawFrameP95Ms', label: 'Redraw frame p95 ms' },
      { key: 'drawP50Ms', label: 'Draw p50 ms' },
      { key: 'drawP95Ms', label: 'Draw p95 ms' },
      { key: 'draws', label: 'Zoom frames drawn' },
    ],
    rows,
    summary: slow.length
      ? slow.map((r) => `Over budget at ${r.accesses.toLocaleString('en')} accesses.`)
      : ['Every size opens within 300 ms and zooms and pans within the 60 fps frame budget (p95).'],
  };
}
