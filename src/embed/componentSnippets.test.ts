import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_PARAMS } from '../core/pageParams';
import { componentSnippet, elementSnippet, viewQuery, withView } from './componentSnippets';

const settings = new URLSearchParams('preset=custom&strategy=racy&workers=2&increments=3');

describe('the element and component snippets', () => {
  it('carry the view the reader is on', () => {
    const page = { ...DEFAULT_PAGE_PARAMS, mode: 'step' as const, schedule: '1.2' };
    expect(viewQuery(page).toString()).toBe('mode=step&schedule=1.2');
    const challenge = { ...page, challenge: 'lose-one' };
    expect(viewQuery(challenge).toString()).toBe('challenge=lose-one');
    const compare = {
      ...DEFAULT_PAGE_PARAMS,
      view: 'compare' as const,
      engine: 'simulated' as const,
      seed: 7,
    };
    expect(viewQuery(compare).toString()).toBe('view=compare&engine=simulated&seed=7');
    expect(viewQuery(DEFAULT_PAGE_PARAMS).toString()).toBe('');
  });

  it('writes <race-lab> with attributes, a fallback link and embed.js', () => {
    const all = withView(settings, new URLSearchParams('mode=step'));
    expect(
      elementSnippet(
        'https://lab.example/embed.js',
        all,
        'Race "Lab"',
        'https://lab.example/?a=1&b=2',
      ),
    ).toBe(
      '<race-lab preset="custom" strategy="racy" workers="2" increments="3" mode="step" ' +
        'title="Race &quot;Lab&quot;"><a href="https://lab.example/?a=1&amp;b=2">Run it in Race Lab</a></race-lab>\n' +
        '<script src="https://lab.example/embed.js" async></script>',
    );
  });

  it('writes RaceLab with typed props: numbers as numbers, trace-url as traceUrl', () => {
    const all = withView(settings, new URLSearchParams('trace-url=/a.json'));
    expect(componentSnippet('https://lab.example/', all, 'Race Lab')).toBe(
      "import { RaceLab } from 'race-lab-embed';\n\n" +
        '<RaceLab src="https://lab.example/" preset="custom" strategy="racy" workers={2} ' +
        'increments={3} traceUrl="/a.json" title="Race Lab" />',
    );
  });
});

describe('the element snippet in MDX (React runtime)', () => {
  it('compiles unchanged to <race-lab> with its attributes and fallback link', async () => {
    const snippet = elementSnippet(
      'https://lab.example/embed.js',
      settings,
      'Race Lab',
      'https://lab.example/',
    );
    const { default: Post } = await evaluate(`# Lost updates\n\n${snippet}\n`, {
      ...runtime,
      development: false,
    });
    const html = renderToStaticMarkup(createElement(Post));
    expect(html).toContain(
      '<race-lab preset="custom" strategy="racy" workers="2" increments="3" title="Race Lab">' +
        '<a href="https://lab.example/">Run it in Race Lab</a></race-lab>',
    );
    expect(html).toContain('src="https://lab.example/embed.js"');
  });
});
