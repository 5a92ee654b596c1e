import { useEffect, useRef, type JSX } from 'react';
import type { RunConfig } from '../core/config';
import { scenarioOf, strategyOf } from '../core/scenarios';
import { threadLabel } from '../core/threads';
import { useLab, type LabState } from '../store/labStore';
import { selectConfig, selectTrace } from '../store/selectors';
import { pcAtOf } from '../core/pcMap';
import { jsLineOf, pythonLineOf, pythonProgram, type PythonProgram } from '../core/program';
import './codePanel.css';

const programs = new WeakMap<RunConfig, PythonProgram>();
/** The Python program for a run config, built once per config object. */
function programFor(config: RunConfig): PythonProgram {
  let program = programs.get(config);
  if (!program) programs.set(config, (program = pythonProgram(config)));
  return program;
}

/** The access being animated, as its thread and strategy pc; null when there is none. */
function currentAccess(s: LabState) {
  const trace = s.trace;
  const i = s.playback.current;
  if (!trace || i >= trace.events.length) return null;
  const thread = trace.events.thread[i]!;
  return { trace, thread, info: trace.threads[thread], pc: pcAtOf(trace)(i) };
}

// Each selector returns a number, so the panel re-renders only when a highlighted line moves.
const selectPythonLine = (s: LabState): number => {
  const at = currentAccess(s);
  if (!at) return -1;
  const strategy = strategyOf(at.trace.config);
  return pythonLineOf(programFor(at.trace.config), strategy, at.info, at.pc);
};
const selectJsLine = (s: LabState): number => {
  const at = currentAccess(s);
  return at ? jsLineOf(strategyOf(at.trace.config), at.info, at.pc) : -1;
};
const selectThread = (s: LabState): number => currentAccess(s)?.thread ?? -1;

function CodeLines({
  lines,
  active,
  who,
  testId,
  label,
}: {
  lines: readonly string[];
  active: number;
  who: string;
  testId: string;
  label: string;
}) {
  const ref = useRef<HTMLOListElement>(null);
  // Keep the highlighted line in sight by scrolling the listing, never the page. Where the line
  // is comes from an IntersectionObserver, after the next layout: reading offsetTop here would
  // force a layout of the whole page inside the commit that shows a run's results.
  useEffect(() => {
    const list = ref.current;
    const line = list?.children[active];
    if (!list || !line) return;
    const seen = new IntersectionObserver(
      ([entry]) => {
        seen.disconnect();
        const box = entry?.rootBounds;
        if (!entry || !box) return;
        const { top, bottom } = entry.boundingClientRect;
        if (top < box.top || bottom > box.bottom) list.scrollTop += top - box.top - box.height / 3;
      },
      { root: list },
    );
    seen.observe(line);
    return () => seen.disconnect();
  }, [active]);
  return (
    // Focusable, so a keyboard can scroll a listing wider or taller than its box.
    <ol ref={ref} className="code-lines" data-testid={testId} aria-label={label} tabIndex={0}>
      {lines.map((text, i) => (
        <li
          key={i}
          className="code-line"
          data-active={i === active ? 'true' : undefined}
          aria-current={i === active ? 'step' : undefined}
        >
          <code>{text}</code>
          {i === active && who && <span className="code-who">← {who}</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * The scenario's Python program (the post's, for the counter) and the worker's JavaScript for
 * the strategy, side by side, with the line of the access being animated highlighted in both.
 */
export function CodePanel(): JSX.Element {
  const trace = useLab(selectTrace);
  const config = useLab(selectConfig);
  const pythonLine = useLab(selectPythonLine);
  const jsLine = useLab(selectJsLine);
  const thread = useLab(selectThread);
  const shown = trace?.config ?? config;
  const strategy = strategyOf(shown);
  const program = programFor(shown);
  const who = trace && thread >= 0 ? threadLabel(trace.threads, thread) : '';
  return (
    <section className="panel code-panel" aria-labelledby="code-heading">
      <h2 id="code-heading">The code</h2>
      <div className="code-columns">
        <div className="code-block">
          <h3>{scenarioOf(shown).id === 'counter' ? 'Python, as in the post' : 'Python'}</h3>
          <CodeLines
            lines={program.lines}
            active={pythonLine}
            who={who}
            testId="code-python"
            label="Python program"
          />
        </div>
        <div className="code-block">
          <h3>JavaScript, in each worker: {strategy.label.toLowerCase()}</h3>
          <CodeLines
            lines={strategy.js}
            active={jsLine}
            who={who}
            testId="code-js"
            label="Worker JavaScript"
          />
        </div>
      </div>
    </section>
  );
}
