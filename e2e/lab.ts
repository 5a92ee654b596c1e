import { expect, type Page } from '@playwright/test';
import { resultOf, runAndRead, runButtonOf, type ResultReadout } from './labDriver.mjs';

export { readResult, type ResultReadout, type RunState } from './labDriver.mjs';

/** The page's controls and result, found by their accessible names. */
export function lab(page: Page) {
  return {
    preset: page.getByRole('combobox', { name: 'Preset', exact: true }),
    strategy: page.getByRole('combobox', { name: 'Strategy', exact: true }),
    workers: page.getByRole('spinbutton', { name: 'Workers', exact: true }),
    increments: page.getByRole('spinbutton', { name: 'Increments per worker', exact: true }),
    work: page.getByRole('spinbutton', { name: 'Work between read and write', exact: true }),
    atomicSwitch: page.getByRole('switch', { name: 'Atomic increments', exact: true }),
    run: runButtonOf(page),
    stop: page.getByRole('button', { name: 'Stop', exact: true }),
    result: resultOf(page),
    debug: page.getByTestId('debug'),
  };
}

/** Click Run and wait until this run (not an earlier one) has finished; returns its result. */
export async function runOnce(page: Page, timeout = 60_000): Promise<ResultReadout> {
  await expect(runButtonOf(page)).toBeEnabled();
  return runAndRead(page, timeout);
}

/** Where the result's books were checked: a whole trace counted every lost increment. */
export const booksChecked = (readout: ResultReadout): boolean =>
  readout.books === 'balanced' || readout.books === 'unbalanced';

/**
 * Run and expect it to finish as `done` with every increment accounted for. Only a whole trace
 * counts `lost` by itself (data-books says so); elsewhere `lost` is defined as expected − final,
 * and comparing it with that would compare a number with itself. Catches: a trace whose
 * erased writes do not explain the final value (the books unbalanced), and a counter that
 * ends above the expected total (an increment counted twice).
 */
export async function runToDone(page: Page, timeout = 60_000): Promise<ResultReadout> {
  const readout = await runOnce(page, timeout);
  expect(readout.state, `run ended ${readout.state}`).toBe('done');
  expect(readout.final, 'the counter never ends above the expected total').toBeLessThanOrEqual(
    readout.expected,
  );
  if (booksChecked(readout)) {
    expect(readout.books, "the trace's books balance").toBe('balanced');
    expect(readout.final + readout.lost, 'final + lost (counted from the trace)').toBe(
      readout.expected,
    );
  }
  return readout;
}
