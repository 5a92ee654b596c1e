import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { accountTrace } from '../src/core/accounting';
import { decodeTraceBinary } from '../src/core/traceBinary';
import { MAX_TRACE_FILE_BYTES, parseTraceFile } from '../src/core/traceFile';
import { expect, test } from './fixtures';
import { lab, readResult, runToDone } from './lab';
import type { Page } from '@playwright/test';

const findingTexts = (page: Page) => page.getByTestId('finding').allTextContents();
const fileInput = (page: Page) => page.getByTestId('trace-file-input');

/** Click a download button and return the saved file's path. */
async function downloadPath(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return file.path();
}

/** Click a download button and return the file's text. */
const download = async (page: Page, name: string): Promise<string> =>
  readFile(await downloadPath(page, name), 'utf8');

/**
 * A racy blog run that loses updates, so there are findings to compare: seed 1 fixes an
 * interleaving that loses hundreds. (Real workers lose on most runs, not all.)
 */
async function racyRunWithLosses(page: Page) {
  await page.goto('/?preset=blog&strategy=racy&engine=simulated&seed=1');
  const readout = await runToDone(page);
  expect(readout.lost, 'seed 1 loses updates').toBeGreaterThan(0);
  return readout;
}

test.describe('trace files', () => {
  // Catches: a downloaded trace that fails its schema or drops events (its final or lost would
  // differ), a compact file that decodes to other events, and a re-opened file that shows
  // other findings or another lost count. Seeded, so the findings compared are never empty.
  test('a traced racy run balances its books, downloads a valid trace, and re-opens the same', async ({
    page,
  }, testInfo) => {
    const readout = await racyRunWithLosses(page);
    const { result } = lab(page);
    await expect(result).toHaveAttribute('data-books', 'balanced');
    const findings = await findingTexts(page);
    expect(findings.length).toBeGreaterThan(0);

    const text = await download(page, 'Download trace as JSON');
    const parsed = parseTraceFile(text);
    if (!parsed.ok) throw new Error(`the downloaded trace fails its schema: ${parsed.message}`);
    const json = JSON.parse(text) as { format: string; version: number; expected: number };
    expect(json.format).toBe('race-lab-trace');
    expect(json.version).toBe(2);
    expect(parsed.trace.final).toBe(readout.final);
    const accounting = accountTrace(parsed.trace);
    expect(accounting.balanced).toBe(true);
    expect(accounting.lost, "data-lost is the trace's erased total").toBe(readout.lost);

    const chrome = JSON.parse(await download(page, 'Download Chrome trace')) as {
      traceEvents: { ph: string }[];
    };
    expect(chrome.traceEvents.some((e) => e.ph === 'i')).toBe(true);
    expect(chrome.traceEvents.some((e) => e.ph === 's')).toBe(true);

    // Re-open it by dropping it on the page, as a reader would.
    await page.reload();
    const saved = testInfo.outputPath('blog-racy.json');
    await writeFile(saved, text);
    const drop = await page.evaluateHandle(
      ({ body, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([body], name, { type: 'application/json' }));
        return data;
      },
      { body: text, name: path.basename(saved) },
    );
    await page.getByRole('region', { name: 'Trace files' }).dispatchEvent('drop', {
      dataTransfer: drop,
    });
    await expect(result).toHaveAttribute('data-engine', 'imported');
    const reopened = await readResult(result);
    expect(reopened.final).toBe(readout.final);
    expect(reopened.lost).toBe(readout.lost);
    expect(await findingTexts(page)).toEqual(findings);

    // The compact form holds the same trace, and opens back to the same view.
    const compactPath = await downloadPath(page, 'Download trace');
    const compact = decodeTraceBinary(gunzipSync(await readFile(compactPath)));
    if (!compact.ok) throw new Error(`the compact trace does not read back: ${compact.message}`);
    expect(compact.trace.events).toEqual(parsed.trace.events);
    await page.reload();
    await fileInput(page).setInputFiles(compactPath);
    await expect(result).toHaveAttribute('data-engine', 'imported');
    expect((await readResult(result)).lost).toBe(readout.lost);
    expect(await findingTexts(page)).toEqual(findings);
  });

  test('a large trace is read off the main thread with progress, and Stop ends the reading', async ({
    page,
  }) => {
    // The quad preset's 8,000,000 accesses: recorded by default, and seconds of reading, so Stop
    // lands mid-read even on a fast machine (2,000,000 could finish before the click).
    await page.goto('/?preset=quad');
    const { result, run, stop } = lab(page);
    await run.click();
    const reading = page.getByTestId('reading');
    await expect(reading).toBeVisible({ timeout: 60_000 });
    await expect(result.getByRole('status')).toContainText(/accesses… \d+%/);
    await expect(result).toHaveAttribute('data-state', 'running');
    await stop.click();
    await expect(result).toHaveAttribute('data-state', 'stopped');
    await expect(reading).toBeHidden();

    const readout = await runToDone(page, 120_000);
    await expect(result).toHaveAttribute('data-accesses', '8000001');
    await expect(result).toHaveAttribute('data-books', 'balanced');
    expect(readout.expected).toBe(4_000_000);
  });

  test('a bad or oversized file is refused with its reason, and the run on screen stays', async ({
    page,
  }, testInfo) => {
    const readout = await racyRunWithLosses(page);
    const findings = await findingTexts(page);
    const { result } = lab(page);

    await fileInput(page).setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "race-lab-trace", "version": 1, "events": [{"tick": '),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toBeVisible();

    await fileInput(page).setInputFiles({
      name: 'wrong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'race-lab-trace', version: 1, events: 'no' })),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'wrong.json' })).toBeVisible();

    // A sparse file: its size is all the page looks at before refusing it.
    const huge = testInfo.outputPath('huge.json');
    await writeFile(huge, '');
    await truncate(huge, MAX_TRACE_FILE_BYTES + 1);
    await fileInput(page).setInputFiles(huge);
    await expect(page.getByRole('alert').filter({ hasText: 'too large' })).toBeVisible();

    const after = await readResult(result);
    expect(after.state).toBe('done');
    expect(after.final).toBe(readout.final);
    expect(after.lost).toBe(readout.lost);
    await expect(result).toHaveAttribute('data-engine', 'simulated');
    expect(await findingTexts(page)).toEqual(findings);
  });
});
