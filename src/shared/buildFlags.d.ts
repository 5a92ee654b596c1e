/**
 * Set by the build (vite.config.ts `define`): true only in the e2e build (`vite build --mode
 * e2e`, into dist-e2e/) and in unit tests, where `?debug=1&fail=n` makes worker n throw. The
 * production build compiles it to false and drops the hook's code.
 */
declare const __FAULT_INJECTION__: boolean;
