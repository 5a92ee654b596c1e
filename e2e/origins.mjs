// Plain JS so that Node (the Firefox and WebKit suite) imports the same origins as Playwright.
/** The built app with isolation headers and CSP, as deployed (`vite preview`). */
export const APP_ORIGIN = 'http://localhost:4173';
/** The same build served with no headers at all: the page must fall back without shared memory. */
export const PLAIN_APP_ORIGIN = 'http://localhost:4174';
/** `e2e/fixtures/` on another origin with no headers: a blog that embeds the page. */
export const HOST_ORIGIN = 'http://127.0.0.1:4175';
