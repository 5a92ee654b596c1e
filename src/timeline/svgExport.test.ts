import { describe, expect, it } from 'vitest';
import { escapeAttribute, styleDeclaration, svgDocument, SVG_STYLE_PROPERTIES } from './svgExport';

describe('svg export helpers', () => {
  it('writes computed styles as one declaration, leaving out empty ones', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(0, 114, 178)',
      stroke: ' none ',
      opacity: '',
    };
    expect(styleDeclaration(['fill', 'stroke', 'opacity'], (p) => computed[p] ?? '')).toBe(
      'fill:rgb(0, 114, 178);stroke:none',
    );
    expect(SVG_STYLE_PROPERTIES).toContain('stroke-dasharray');
  });

  it('escapes attribute values', () => {
    expect(escapeAttribute('a "b" & <c>')).toBe('a &quot;b&quot; &amp; &lt;c>');
  });

  it('puts each layer at its place in a root svg of the view’s size', () => {
    const doc = svgDocument({
      width: 300,
      height: 120,
      background: 'rgb(255, 255, 255)',
      title: 'Race Lab & timeline',
      layers: [
        {
          x: 112,
          y: 0,
          markup: '<image width="10" height="10" href="data:image/png;base64,AA=="/>',
        },
        { x: 0, y: 0, markup: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0,0H5"/></svg>' },
      ],
    });
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">',
    );
    expect(doc).toContain('<title>Race Lab &amp; timeline</title>');
    expect(doc).toContain('<g transform="translate(112,0)"><image');
    expect(doc.indexOf('<image')).toBeLessThan(doc.indexOf('<path'));
    expect(doc.trimEnd().endsWith('</svg>')).toBe(true);
  });
});
