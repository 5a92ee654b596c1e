import type { PageParams } from '../core/pageParams';

/** What an embed shows: one view, chosen from the page parameters. */
export type EmbedView = 'run' | 'step' | 'challenge' | 'explore' | 'compare';

/**
 * The view an embed shows for `page`, and a sentence for each parameter it cannot honour
 * alongside it: an embed shows one view, and says so rather than drop the rest in silence.
 */
export function embedView(page: PageParams): { view: EmbedView; ignored: string[] } {
  const asked: [EmbedView, string][] = [];
  if (page.challenge) asked.push(['challenge', `challenge=${page.challenge}`]);
  if (page.mode === 'step') asked.push(['step', 'mode=step']);
  if (page.view === 'explore') asked.push(['explore', 'view=explore']);
  if (page.view === 'compare') asked.push(['compare', 'view=compare']);
  if (page.traceUrl) asked.push(['run', 'trace-url']);
  const [first, ...rest] = asked;
  if (!first) return { view: 'run', ignored: [] };
  // A challenge is played in step mode: asking for both is one request, not two.
  const others = rest.filter(([view]) => !(first[0] === 'challenge' && view === 'step'));
  return {
    view: first[0],
    ignored: others.map(
      ([, what]) => `An embed shows one view: ${what} is not shown beside ${first[1]}.`,
    ),
  };
}
