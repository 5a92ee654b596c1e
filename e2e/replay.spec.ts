import { presetConfig } from '../src/core/config';
import { randomChooser, simulate } from '../src/core/simulation';
import { serializeTrace } from '../src/core/traceFile';
import { expect, test } from './fixtures';
import { lab } from './lab';

// Catches: a replay check that always reports a match (its `matches: false` branch unseen).
test('a tampered trace file replays to its true final, and the page says it differs', async ({
  page,
}) => {
  const recorded = simulate({ ...presetConfig('blog', 'racy'), increments: 20 }, randomChooser(4));
  const claimed = recorded.final + 3;
  const text = serializeTrace({ ...recorded, final: claimed });
  await page.goto('/');
  await page.getByTestId('trace-file-input').setInputFiles({
    name: 'tampered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const { result } = lab(page);
  await expect(result).toHaveAttribute('data-engine', 'imported');
  await expect(result).toHaveAttribute('data-final', String(claimed));
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  const check = page.getByTestId('replay-check');
  await expect(check).toHaveAttribute('data-matches', 'false');
  await expect(check).toContainText(
    `The replay differs: final ${recorded.final} (recorded ${claimed})`,
  );
  await expect(result).toHaveAttribute('data-final', String(recorded.final));
});
