import { test as base, expect, type Request } from '@playwright/test';
import { APP_ORIGIN } from './origins';

export interface GuardOptions {
  /** Origins the page may request; anything else fails the test. `data:` and `blob:` always may. */
  allowedOrigins: string[];
}

interface GuardFixtures {
  /** Uncaught errors thrown in the page so far; the test fails if any remain at the end. */
  pageErrors: Error[];
  /** Requests that left the allowed origins so far; the test fails if there are any. */
  offOriginRequests: string[];
}

const isAllowed = (request: Request, allowed: readonly string[]): boolean => {
  const url = request.url();
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return allowed.includes(new URL(url).origin);
  } catch {
    return false;
  }
};

/**
 * Playwright's `test`, watching every page: no request may reach another origin (the page
 * must work offline and embed nothing third-party) and no error may go uncaught.
 */
export const test = base.extend<GuardFixtures & GuardOptions>({
  allowedOrigins: [[APP_ORIGIN], { option: true }],
  offOriginRequests: [
    async ({ context, allowedOrigins }, use) => {
      const seen: string[] = [];
      // The context, not the page, so popups and worker scripts are covered too.
      context.on('request', (request) => {
        if (!isAllowed(request, allowedOrigins)) seen.push(request.url());
      });
      await use(seen);
      expect(seen, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.map((e) => e.message),
        'uncaught page errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
