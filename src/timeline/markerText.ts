import { format } from 'd3';
import { describeFinding } from '../core/describe';
import { scenarioOf } from '../core/scenarios';
import type { MarkerGroup } from './markers';
import { modelFinding, type TimelineModel } from './model';

const fmt = format(',');

// A single write's words take a look through the accounting; each is worked out once per
// trace. Merged groups change with every zoom step and their words are cheap, so they are not
// kept.
const texts = new WeakMap<TimelineModel, Map<number, string>>();

/** The marker's words: the finding for a single write, a summary for a merged group. */
export function groupText(model: TimelineModel, g: MarkerGroup): string {
  if (g.count === 1) {
    let cache = texts.get(model);
    if (!cache) texts.set(model, (cache = new Map()));
    let text = cache.get(g.first);
    if (text === undefined) cache.set(g.first, (text = describeGroup(model, g)));
    return text;
  }
  return describeGroup(model, g);
}

function describeGroup(model: TimelineModel, g: MarkerGroup): string {
  const finding = g.count === 1 ? modelFinding(model, g.first) : undefined;
  if (finding && model.accounting) {
    return `Access #${fmt(g.first)}: ${describeFinding(model.trace, model.accounting, finding)}`;
  }
  const { unit } = scenarioOf(model.trace.config);
  const units = `${fmt(g.erased)} ${unit}${g.erased === 1 ? '' : 's'}`;
  return `${fmt(g.count)} writes erased ${units} (accesses #${fmt(g.first)}–#${fmt(g.last)}). Zoom in to see each.`;
}
