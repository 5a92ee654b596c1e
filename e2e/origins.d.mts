/** The built app with isolation headers and CSP, as deployed (`vite preview`). */
export declare const APP_ORIGIN: string;
/** The same build served with no headers at all: the page must fall back without shared memory. */
export declare const PLAIN_APP_ORIGIN: string;
/** `e2e/fixtures/` on another origin with no headers: a blog that embeds the page. */
export declare const HOST_ORIGIN: string;
