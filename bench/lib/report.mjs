// Turns suite results into the JSON files, bench/RESULTS.md and the tables printed at the end.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The columns of a suite's table: its own `columns`, else every key its rows use. */
/** The columns of a suite that reports one measure per row against its goal. */
export const MEASURE_COLUMNS = [
  { key: 'measure', label: 'Measure' },
  { key: 'value', label: 'Value' },
  { key: 'goal', label: 'Goal' },
  { key: 'met', label: 'Met' },
  { key: 'detail', label: 'Detail' },
];

export function columnsOf(suite) {
  if (suite.columns?.length) return suite.columns;
  const keys = [...new Set(suite.rows.flatMap((row) => Object.keys(row)))];
  return keys.map((key) => ({ key, label: key }));
}

/** A cell as text: numbers with thousands separators, missing values as a dash. */
export function formatCell(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (typeof value === 'number') {
    const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 3;
    return value.toLocaleString('en', { maximumFractionDigits: digits });
  }
  return String(value);
}

const isNumeric = (suite, key) => suite.rows.some((row) => typeof row[key] === 'number');

/** A suite's table as aligned plain text, for the terminal. */
export function textTable(suite) {
  const columns = columnsOf(suite);
  const cells = [
    columns.map((c) => c.label),
    ...suite.rows.map((r) => columns.map((c) => formatCell(r[c.key]))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const right = columns.map((c) => isNumeric(suite, c.key));
  const line = (row) =>
    row.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

/** A suite's table in Markdown, numbers right-aligned. */
export function markdownTable(suite) {
  const columns = columnsOf(suite);
  const escape = (text) => text.replaceAll('|', '\\|');
  const head = `| ${columns.map((c) => escape(c.label)).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (isNumeric(suite, c.key) ? '--: ' : '--- ').trim()).join(' | ')} |`;
  const body = suite.rows.map(
    (r) => `| ${columns.map((c) => escape(formatCell(r[c.key]))).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

const summaryLines = (summary) =>
  Array.isArray(summary) ? summary.map((s) => `- ${s}`).join('\n') : (summary ?? '');

/**
 * A suite's goals as lines: `goals` is a list of { goal, met } (met true, false, or null when
 * it could not be judged). A suite without the field has no goal, and says so.
 */
export function goalLines(suite) {
  if (!suite.goals?.length) return ['No goal is set for these figures; they are for reference.'];
  const verdict = (met) => (met === true ? 'met' : met === false ? 'NOT met' : 'not judged');
  return suite.goals.map((g) => `${g.goal}: ${verdict(g.met)}.`);
}

/** The whole readable report: where and with what it was measured, then one section per suite. */
export function resultsMarkdown(latest) {
  const { machine, versions } = latest;
  const load = machine.loadAverage.map((l) => l.toFixed(2)).join(', ');
  const lines = [
    '# Benchmark results',
    '',
    `Measured with \`npm run bench\` (\`node bench/run.mjs [suite…]\`); medians of repeated runs.`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}; load average at start ${load}`,
    ...(machine.memory
      ? [
          `- Memory: ${machine.memory.firstTouchMsPerMB} ms per MB to write memory just allocated, ` +
            `${machine.memory.rewriteMsPerMB} ms per MB to write it again (from Node, at start). ` +
            'Large traces allocate hundreds of MB, so where the first figure is high their steps are slower.',
        ]
      : []),
    `- Versions: Node ${versions.node}, Chromium ${versions.chromium}, Vite ${versions.vite}, Race Lab ${versions.app}`,
    '',
  ];
  for (const suite of latest.suites) {
    lines.push(`## ${suite.title ?? suite.name}`, '');
    lines.push(
      `Suite \`${suite.name}\`, measured ${suite.date} in ${(suite.durationMs / 1000).toFixed(0)} s.`,
    );
    if (suite.description) lines.push('', suite.description);
    lines.push('', '**Goals**', '', ...goalLines(suite).map((g) => `- ${g}`));
    lines.push('', markdownTable(suite), '');
    const summary = summaryLines(suite.summary);
    if (summary) lines.push(summary, '');
  }
  return lines.join('\n');
}

// Prettier's own formatting, so `prettier --check .` stays clean; plain text if it is missing.
async function prettierMarkdown(text, filepath) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    return await prettier.format(text, { ...options, filepath });
  } catch {
    return text;
  }
}

/** Previous results, so a run of some suites keeps the others in latest.json and RESULTS.md. */
export async function readPrevious(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Write latest.json (suites measured now plus earlier results of the others), one JSON file
 * per suite measured now, and RESULTS.md. `order` lists suite names in report order.
 */
export async function writeResults({ resultsDir, markdownFile, meta, measured, previous, order }) {
  await mkdir(resultsDir, { recursive: true });
  const names = new Set(measured.map((s) => s.name));
  const kept = (previous?.suites ?? []).filter((s) => !names.has(s.name));
  const rank = (s) => (order.includes(s.name) ? order.indexOf(s.name) : order.length);
  const suites = [...kept, ...measured].sort((a, b) => rank(a) - rank(b));
  const latest = { ...meta, suites };
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(path.join(resultsDir, 'latest.json'), json(latest));
  for (const suite of measured) {
    await writeFile(path.join(resultsDir, `${suite.name}.json`), json({ ...meta, suite }));
  }
  await writeFile(markdownFile, await prettierMarkdown(resultsMarkdown(latest), markdownFile));
  return latest;
}
