import { liveTenant } from './live-tenant.js';

/**
 * Global setup of `npm run test:live`: checks the tenant's settings once, before any test file starts, so a missing
 * env file or variable fails the run with one message that names it instead of one failure per test.
 */
export default function setup(): void {
  const tenant = liveTenant();
  console.log(
    `npm run test:live: testing the tenant of ${tenant.envFile} (site ${tenant.siteUrl}, Graph ${tenant.graphBaseUrl})`,
  );
}
