export { APP_ORIGIN, HOST_ORIGIN, PLAIN_APP_ORIGIN } from './origins.mjs';
