// A small, Playwright-shaped page over any driver, so that the Firefox and WebKit flows find
// the page's controls by the same roles, accessible names and test ids as the Chromium suite,
// and reuse e2e/labDriver.mjs as it is. A driver gives four things: go to a URL, run a script
// in the page (its source and JSON arguments), click the element a script returns, and the
// page errors and CSP violations it has seen.
// The functions below that run in the page use browser globals:
/* global document, getComputedStyle, Event */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs in the page: the elements a query matches, in document order. A simplified accessible
 * name (aria-label, aria-labelledby, <label>, then text) is enough for this page's controls.
 */
function findAll(query) {
  const text = (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const implicitRole = (el) => {
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'select') return 'combobox';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'progress') return 'progressbar';
    if (tag === 'input') {
      const type = el.getAttribute('type') ?? 'text';
      if (type === 'number') return 'spinbutton';
      if (type === 'checkbox') return 'checkbox';
      if (['button', 'submit', 'reset'].includes(type)) return 'button';
      return 'textbox';
    }
    return '';
  };
  const roleOf = (el) => el.getAttribute('role') ?? implicitRole(el);
  const nameOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id))
        .filter(Boolean)
        .map(text)
        .join(' ');
    }
    if (el.labels && el.labels.length > 0) return [...el.labels].map(text).join(' ');
    return text(el);
  };
  const visible = (el) =>
    el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  let scope = [document];
  for (const step of query) {
    const found = [];
    for (const root of scope) {
      const candidates = root.querySelectorAll(
        step.testId ? `[data-testid="${step.testId}"]` : (step.css ?? '*'),
      );
      for (const el of candidates) {
        if (step.role && roleOf(el) !== step.role) continue;
        if (step.name !== undefined) {
          const name = nameOf(el);
          if (step.exact ? name !== step.name : !name.includes(step.name)) continue;
        }
        if (step.role && !visible(el)) continue;
        if (!found.includes(el)) found.push(el);
      }
    }
    scope = found;
  }
  return scope;
}

const DEFAULT_TIMEOUT = 15_000;
const POLL_MS = 50;

/** Poll `probe` until it returns something truthy; fail with `what` after `timeout` ms. */
export async function waitUntil(probe, what, timeout = DEFAULT_TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

/** A script source that calls `fn(element, arg)` on the first match of `query`. */
const onFirst = (fn) =>
  `(query, arg) => { const el = (${findAll})(query)[0]; ` +
  `if (!el) throw new Error('No element for ' + JSON.stringify(query)); ` +
  `return (${fn})(el, arg); }`;

class Locator {
  constructor(driver, query) {
    this.driver = driver;
    this.query = query;
  }
  describe() {
    return JSON.stringify(this.query);
  }
  locator(css) {
    return new Locator(this.driver, [...this.query, { css }]);
  }
  getByTestId(testId) {
    return new Locator(this.driver, [...this.query, { testId }]);
  }
  getByRole(role, { name, exact = false } = {}) {
    return new Locator(this.driver, [...this.query, { role, name, exact }]);
  }
  count() {
    return this.driver.run(`(query) => (${findAll})(query).length`, [this.query]);
  }
  evaluate(fn, arg = null) {
    return this.driver.run(onFirst(fn), [this.query, arg]);
  }
  evaluateAll(fn, arg = null) {
    return this.driver.run(`(query, arg) => (${fn})((${findAll})(query), arg)`, [this.query, arg]);
  }
  getAttribute(name) {
    return this.evaluate((el, n) => el.getAttribute(n), name);
  }
  textContent() {
    return this.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  async waitFor({ state = 'visible', timeout = DEFAULT_TIMEOUT } = {}) {
    const wanted = state === 'visible' || state === 'attached';
    await waitUntil(
      async () => (await this.count()) > 0 === wanted,
      `${this.describe()} to be ${state}`,
      timeout,
    );
  }
  /** A real click from the driver, once the element is there and enabled. */
  async click({ timeout = DEFAULT_TIMEOUT } = {}) {
    await waitUntil(
      () =>
        this.driver.run(`(query) => (${findAll})(query).some((el) => !el.disabled)`, [this.query]),
      `${this.describe()} to be enabled`,
      timeout,
    );
    await this.driver.click(`(query) => (${findAll})(query).find((el) => !el.disabled)`, [
      this.query,
    ]);
  }
  /** Set an input's value as typing would, so React's change handler sees it. */
  async fill(value) {
    await this.waitFor();
    return this.evaluate((el, v) => {
      const proto = Object.getPrototypeOf(el);
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  /** Wait until attribute `name` matches `expected` (a string or a RegExp); returns its value. */
  async expectAttribute(name, expected, timeout = DEFAULT_TIMEOUT) {
    let value = null;
    const matches = () =>
      expected instanceof RegExp ? expected.test(value ?? '') : value === expected;
    await waitUntil(
      async () => {
        value = (await this.count()) > 0 ? await this.getAttribute(name) : null;
        return matches();
      },
      `${this.describe()} [${name}] to be ${expected} (last: ${value})`,
      timeout,
    );
    return value;
  }
}

/** The page object the flows and e2e/labDriver.mjs use. */
export class DrivenPage {
  constructor(driver) {
    this.driver = driver;
  }
  goto(url) {
    return this.driver.goto(url);
  }
  /** Playwright's signature: one serialisable argument. */
  evaluate(fn, arg = null) {
    return this.driver.run(String(fn), [arg]);
  }
  async waitForFunction(fn, arg = null, { timeout = DEFAULT_TIMEOUT } = {}) {
    return waitUntil(() => this.evaluate(fn, arg), `${fn}`.slice(0, 120), timeout);
  }
  locator(css) {
    return new Locator(this.driver, [{ css }]);
  }
  getByTestId(testId) {
    return new Locator(this.driver, [{ testId }]);
  }
  getByRole(role, { name, exact = false } = {}) {
    return new Locator(this.driver, [{ role, name, exact }]);
  }
  /** Page errors and CSP violations reported since the last call. */
  takeProblems() {
    return this.driver.takeProblems();
  }
}
