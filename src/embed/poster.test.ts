import { describe, expect, it } from 'vitest';
import { erasedAt } from '../core/findingTable';
import { OPS } from '../core/ops';
import { SCENARIOS } from '../core/scenarios';
import { POSTER_PRESETS, posterRun, posterSvg } from './poster';

/** The marks of one colour in a poster, as their left edges. */
const marksOf = (svg: string, colour: string): string[] =>
  (new RegExp(`<path fill="${colour}" d="([^"]*)"`).exec(svg)?.[1] ?? '').match(/M[^z]*z/g) ?? [];
const RED = '#b3261e';

describe('the poster of a preset run', () => {
  it('pictures the seeded blog run: its lanes, its outcome, a mark per access and pixel', () => {
    const svg = posterSvg('blog', 'racy');
    const { trace, outcome, books } = posterRun('blog', 'racy');
    expect(outcome.lost).toBeGreaterThan(0);
    expect(svg).toContain(`final ${trace.final}: ${outcome.lost} increments were lost`);
    for (const lane of ['main', 'func3', 'func4', 'func1', 'func2']) {
      expect(svg).toContain(`>${lane}</text>`);
    }
    // Every access is drawn, in its lane, in its colour; no mark begins or ends at a column
    // where that lane had no such access (a run of columns is one mark).
    const KIND = { read: ['#5b6170', 8, 1], write: ['#0b63c5', 12, 1], lost: [RED, 18, 2] };
    const rows = new Map(trace.threads.map((t, row) => [t.id, 92 + row * 26 + 13]));
    const buckets = new Set<string>();
    for (let i = 0; i < trace.events.length; i++) {
      const erased = erasedAt(books.findings, i) > 0;
      const kind = erased ? 'lost' : OPS[trace.events.op[i]!] === 'read' ? 'read' : 'write';
      const [colour, h] = KIND[kind];
      const x = Math.round(110 + (i / (trace.events.length - 1)) * (720 - 110 - 16));
      buckets.add(`${colour} ${rows.get(trace.events.thread[i]!)! - (h as number) / 2} ${x}`);
    }
    const covered = new Set<string>();
    for (const [colour, , w] of Object.values(KIND)) {
      for (const mark of marksOf(svg, colour as string)) {
        const [, x0, top, width] = /^M(\d+) ([\d.]+)h(\d+)v/.exec(mark)!.map(Number);
        const last = x0! + width! - (w as number);
        expect(buckets).toContain(`${colour} ${top} ${x0}`);
        expect(buckets).toContain(`${colour} ${top} ${last}`);
        for (let c = x0!; c <= last; c++) covered.add(`${colour} ${top} ${c}`);
      }
    }
    for (const bucket of buckets) expect(covered).toContain(bucket);
    expect(marksOf(svg, RED).length).toBeGreaterThan(0);
  });

  it('is the same file on every build, and says no loss for an exact strategy', () => {
    expect(posterSvg('blog', 'atomic')).toBe(posterSvg('blog', 'atomic'));
    expect(posterSvg('blog', 'atomic')).toContain('final 400: no increment was lost');
    expect(posterSvg('blog', 'atomic')).not.toContain(RED);
  });

  // Catches: a scenario preset's poster drawn from the counter's run, or one that hides the
  // lesson (no lost debit, one winner) its racy program teaches.
  it("shows the bank's and the claim's own runs, in their own words", () => {
    expect(POSTER_PRESETS).toEqual(['blog', 'bank', 'claim']);
    const bank = posterRun('bank', 'racy');
    expect(bank.outcome).toMatchObject({ scenario: 'bank' });
    expect(bank.outcome.lost).toBeGreaterThan(0);
    const bankSvg = posterSvg('bank', 'racy');
    const racy = SCENARIOS.bank.strategies.racy.label.toLowerCase();
    expect(bankSvg).toContain(`Race Lab: the bank, ${racy}`);
    expect(bankSvg).toContain(
      `The bank paid ${bank.outcome.paid!.toLocaleString('en')} from 2,000, ending at ` +
        `${bank.outcome.final}: ${bank.outcome.lost.toLocaleString('en')} debits were lost (red).`,
    );
    expect(bankSvg).toContain('of the shared balance,');
    expect(marksOf(bankSvg, RED).length).toBeGreaterThan(0);
    // A long run stays a small file: one mark per kind, lane and pixel.
    expect(bankSvg.length).toBeLessThan(60_000);

    const claim = posterRun('claim', 'racy');
    expect(claim.outcome.winners).toBeGreaterThan(1);
    expect(posterSvg('claim', 'racy')).toContain(
      `${claim.outcome.winners} workers believe they won; worker ${claim.outcome.owner} owns it.`,
    );
    expect(posterSvg('claim', 'cas')).toMatch(/Exactly one worker won; worker \d owns it\./);
    expect(posterSvg('bank', 'lock')).toContain(': no debit was lost.');
  });
});
