import { describe, expect, it } from 'vitest';
import { parseRunConfig, presetConfig, type RunConfig } from '../core/config';
import { componentSnippet, elementSnippet } from './componentSnippets';
import { embedHeight } from './embedHeight';
import {
  embedTitle,
  embedUrl,
  iframeHeight,
  posterUrl,
  scriptSnippet,
  settingsQuery,
} from './snippets';

const APP = 'https://lab.example/';
const bank = presetConfig('bank', 'cas');
const claim = presetConfig('claim', 'lock-each');
/** The bank with numbers of one's own, from its default balance (half the withdrawals). */
const ownBank: RunConfig = {
  ...presetConfig('custom', 'atomic'),
  workers: 2,
  increments: 2,
  scenario: 'bank',
};
const ownBalance: RunConfig = { ...ownBank, balance: 1 };

// Catches: a Share snippet that loses the scenario or balance (the embed would show the
// counter), or one that names them where the preset already says them.
describe('snippets of every scenario', () => {
  it('name the scenario and balance only where the preset does not already', () => {
    expect(settingsQuery(bank).toString()).toBe('preset=bank&strategy=cas');
    expect(settingsQuery(claim).toString()).toBe('preset=claim&strategy=lock-each');
    expect(settingsQuery({ ...bank, balance: 3 }).toString()).toBe(
      'preset=bank&strategy=cas&balance=3',
    );
    expect(settingsQuery(ownBank).toString()).toBe(
      'strategy=atomic&workers=2&increments=2&scenario=bank',
    );
    expect(settingsQuery(ownBalance).toString()).toContain('&scenario=bank&balance=1');
  });

  // Catches: a claim's Share link that opens with a notice about increments it never uses.
  it("leave out a claim's increments, which it does not make", () => {
    const ownClaim: RunConfig = { ...ownBank, scenario: 'claim', strategy: 'cas' };
    expect(settingsQuery(ownClaim).toString()).toBe('strategy=cas&workers=2&scenario=claim');
    const back = parseRunConfig(new URL(embedUrl(APP, ownClaim)).searchParams);
    expect(back.messages).toEqual([]);
    expect(back.config).toMatchObject({ preset: 'custom', workers: 2, scenario: 'claim' });
  });

  it('give embed URLs the app reads back as the same run', () => {
    for (const config of [bank, claim, { ...bank, balance: 3 }, ownBank, ownBalance]) {
      const params = new URL(embedUrl(APP, config)).searchParams;
      const back = parseRunConfig(params);
      expect(back.messages).toEqual([]);
      expect(back.config).toEqual(config);
    }
  });

  it('write the scenario and balance into the element and the component', () => {
    const settings = settingsQuery(ownBalance);
    expect(elementSnippet(`${APP}embed.js`, settings, 'T', APP)).toContain(
      'workers="2" increments="2" scenario="bank" balance="1" title="T"',
    );
    expect(componentSnippet(APP, settings, 'T')).toContain(
      'workers={2} increments={2} scenario="bank" balance={1} title="T"',
    );
  });

  it('title the frame in the scenario’s words', () => {
    expect(embedTitle(bank)).toBe(
      'Race Lab: Bank: 4 × 1,000 withdrawals from 2,000, compare-and-swap loop',
    );
    expect(embedTitle({ ...bank, balance: 3 })).toBe(
      'Race Lab: Bank: 4 workers × 1,000 withdrawals from 3, compare-and-swap loop',
    );
    expect(embedTitle(ownBank)).toBe(
      'Race Lab: Bank: 2 workers × 2 withdrawals from 2, check, then atomic debit',
    );
    expect(embedTitle({ ...claim, preset: 'custom', workers: 3 })).toBe(
      'Race Lab: Claim: 3 workers, lock each access',
    );
  });

  it("show the scenario preset's own poster, and none for numbers of one's own", () => {
    expect(posterUrl(APP, bank)).toBe(`${APP}poster/bank-cas.svg`);
    expect(posterUrl(APP, claim)).toBe(`${APP}poster/claim-lock-each.svg`);
    expect(posterUrl(APP, { ...bank, balance: 3 })).toBeNull();
    expect(posterUrl(APP, ownBank)).toBeNull();
    // The blog's program played as a bank is not the blog's poster.
    expect(posterUrl(APP, { ...presetConfig('blog'), scenario: 'bank' })).toBeNull();
    const html = scriptSnippet(`${APP}embed.js`, settingsQuery(bank), embedTitle(bank), {
      href: APP,
      poster: posterUrl(APP, bank),
    });
    expect(html).toContain('<div data-race-lab="preset=bank&strategy=cas"');
    expect(html).toContain('<img src="https://lab.example/poster/bank-cas.svg"');
  });

  it('size the iframe for the lanes the scenario has', () => {
    expect(iframeHeight(bank)).toBe(embedHeight(360, 5));
    expect(iframeHeight(claim)).toBe(embedHeight(360, 5));
  });
});
