import { format, type ScaleLinear } from 'd3';
import type { XMode } from './layout';

const SVG_NS = 'http://www.w3.org/2000/svg';
const whole = format(',');
const ms = format(',.3~f');

export interface AxisLayer {
  /** Ticks for scale `x` over [0, width], of a trace of `length` accesses. */
  draw(x: ScaleLinear<number, number>, mode: XMode, width: number, length: number): void;
}

/**
 * The x axis's ticks: computed by the d3 scale and kept in the DOM by value, so a zoom frame
 * moves the ticks that stay and adds or drops only the others. In order mode a tick names an
 * access and sits on it (the centre of its slot); in wall mode it is milliseconds.
 */
export function createAxisLayer(root: SVGGElement): AxisLayer {
  const ticks = new Map<string, { el: SVGGElement; at: string }>();
  return {
    draw(x, mode, width, length) {
      const values = x.ticks(Math.max(2, Math.floor(width / 110)));
      const seen = new Set<string>();
      for (const v of values) {
        // In order mode a tick names an access: there is none between or past them.
        if (mode === 'order' && (!Number.isInteger(v) || v >= length)) continue;
        const px = mode === 'order' ? x(v + 0.5) : x(v);
        if (!(px >= 0 && px <= width)) continue;
        const label = mode === 'order' ? whole(v) : ms(v);
        seen.add(label);
        const at = `translate(${Math.round(px * 10) / 10},0)`;
        let tick = ticks.get(label);
        if (!tick) {
          const el = document.createElementNS(SVG_NS, 'g');
          const line = document.createElementNS(SVG_NS, 'line');
          line.setAttribute('class', 'tl-tick');
          line.setAttribute('y2', '5');
          const text = document.createElementNS(SVG_NS, 'text');
          text.setAttribute('class', 'tl-tick-label');
          text.setAttribute('y', '16');
          text.setAttribute('text-anchor', 'middle');
          text.textContent = label;
          el.append(line, text);
          root.append(el);
          tick = { el, at: '' };
          ticks.set(label, tick);
        }
        if (tick.at !== at) {
          tick.at = at;
          tick.el.setAttribute('transform', at);
        }
      }
      for (const [label, tick] of ticks) {
        if (seen.has(label)) continue;
        tick.el.remove();
        ticks.delete(label);
      }
    },
  };
}
