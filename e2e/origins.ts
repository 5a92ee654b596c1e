export { APP_ORIGIN, HOST_ORIGIN, PLAIN_APP_ORIGIN } from './origins.mjs';
/**
 * A throwaway React app that installs the race-lab-embed package (e2e/package.spec.ts), on a
 * loopback address of its own, as a blog would be: its own server, no headers.
 */
export const PACKAGE_APP_ORIGIN = 'http://127.0.0.1:4176';
