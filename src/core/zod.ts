import { z } from 'zod';

// The page's CSP allows no eval. Left alone, zod probes `new Function('')` as the first schema
// is built (to compile faster validators), and browsers report that probe as a CSP violation.
// Every schema imports `z` from here, so this runs first, in the page and in every worker.
z.config({ jitless: true });

export { z };
