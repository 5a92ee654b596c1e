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

/** Run and expect it to finish as `done` with every increment accounted for. */
export async function runToDone(page: Page, timeout = 60_000): Promise<ResultReadout> {
  const readout = await runOnce(page, timeout);
  expect(readout.state, `run ended ${readout.state}`).toBe('done');
  expect(readout.final + readout.lost, 'final + lost must equal expected').toBe(readout.expected);
  return readout;
}
