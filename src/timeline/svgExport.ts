/**
 * The timeline's current view as a standalone SVG file: its SVG layers cloned with their
 * computed colours written in (the file has no stylesheet), each canvas embedded as a PNG.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The computed properties that decide how SVG content looks. */
export const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** A style attribute holding `properties` as `read` gives them (empty values left out). */
export function styleDeclaration(
  properties: readonly string[],
  read: (property: string) => string,
): string {
  return properties
    .map((p) => [p, read(p).trim()] as const)
    .filter(([, value]) => value !== '')
    .map(([p, value]) => `${p}:${value}`)
    .join(';');
}

/** Escape text for an XML attribute value in double quotes. */
export const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface SvgLayer {
  x: number;
  y: number;
  /** Serialised SVG markup placed at x, y. */
  markup: string;
}

/** The file: a root <svg> of the given size, a background, then each layer in order. */
export function svgDocument(options: {
  width: number;
  height: number;
  background: string;
  title: string;
  layers: readonly SvgLayer[];
}): string {
  const { width, height, background, title, layers } = options;
  const body = layers
    .map((l) => `<g transform="translate(${l.x},${l.y})">${l.markup}</g>`)
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeAttribute(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${escapeAttribute(background)}"/>`,
    body,
    '</svg>',
  ].join('\n');
}

/** Copy each element's computed look into the clone's style attribute, tree by tree. */
function inlineStyles(original: Element, clone: Element): void {
  const style = getComputedStyle(original);
  clone.setAttribute(
    'style',
    styleDeclaration(SVG_STYLE_PROPERTIES, (p) => style.getPropertyValue(p)),
  );
  clone.removeAttribute('class');
  clone.removeAttribute('tabindex');
  for (let i = 0; i < original.children.length; i++) {
    const next = clone.children[i];
    if (next) inlineStyles(original.children[i]!, next);
  }
}

/** The first opaque background colour from `el` up, so the file looks as the page did. */
function backgroundOf(el: Element | null): string {
  for (let at = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return 'white';
}

/**
 * Serialise the timeline under `root` (the element with data-testid="timeline") as it looks
 * now: every <svg> and <canvas> directly inside it, at their places, colours inlined.
 */
export function timelineToSvg(root: HTMLElement): string {
  const origin = root.getBoundingClientRect();
  const serializer = new XMLSerializer();
  const layers: SvgLayer[] = [];
  for (const child of Array.from(root.children)) {
    const box = child.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const x = Math.round(box.left - origin.left);
    const y = Math.round(box.top - origin.top);
    if (child instanceof HTMLCanvasElement) {
      const href = escapeAttribute(child.toDataURL('image/png'));
      const size = `width="${box.width}" height="${box.height}"`;
      layers.push({ x, y, markup: `<image ${size} preserveAspectRatio="none" href="${href}"/>` });
    } else if (child instanceof SVGSVGElement) {
      const clone = child.cloneNode(true) as SVGSVGElement;
      inlineStyles(child, clone);
      clone.setAttribute('width', String(box.width));
      clone.setAttribute('height', String(box.height));
      // The page lets labels and rings spill past the box; the file should too.
      clone.setAttribute('overflow', 'visible');
      layers.push({ x, y, markup: serializer.serializeToString(clone) });
    }
  }
  return svgDocument({
    width: Math.ceil(origin.width),
    height: Math.ceil(origin.height),
    background: backgroundOf(root),
    title: 'Race Lab timeline',
    layers,
  });
}
