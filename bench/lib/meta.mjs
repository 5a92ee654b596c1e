// What a benchmark result needs beside its numbers: the machine and the versions measured.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const readJson = async (file) => JSON.parse(await readFile(file, 'utf8'));

function gitCommit(root) {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Milliseconds per MB to write memory the process has just been given, and to write it again.
 * Large traces allocate hundreds of MB of columns: where the first touch of a page is slow
 * (a virtual machine whose host hands memory out lazily), it dominates their processing.
 */
function memoryTouchCost() {
  const bytes = 128 * 2 ** 20;
  const a = new Int32Array(bytes / 4);
  const pass = (add) => {
    const start = performance.now();
    for (let i = 0; i < a.length; i++) a[i] = i + add;
    return (performance.now() - start) / (bytes / 1e6);
  };
  const first = pass(0);
  const again = pass(1);
  return { firstTouchMsPerMB: Number(first.toFixed(3)), rewriteMsPerMB: Number(again.toFixed(3)) };
}

/** When, where and with which versions a benchmark ran. */
export async function describeRun(root, browser) {
  const cpus = os.cpus();
  const app = await readJson(path.join(root, 'package.json'));
  const vite = await readJson(path.join(root, 'node_modules', 'vite', 'package.json'));
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: os.availableParallelism?.() ?? cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      // Other work on the machine skews timings: the load at start tells how quiet it was.
      loadAverage: os.loadavg(),
      memory: memoryTouchCost(),
    },
    versions: {
      node: process.versions.node,
      chromium: browser.version(),
      vite: vite.version,
      app: `${app.version} (${gitCommit(root)})`,
    },
  };
}
