/**
 * The page's first module script (index.html loads it before `main.tsx`; only its inline script, which may have sent
 * the token request, runs earlier): it starts the plan's data path (the token, the cache read, the cold `$batch`;
 * in a host teams-js first) while the app's main chunk (React, Fluent, the shell) is still loading and evaluating.
 * Its chunk holds only the boot and the data path (`bootChunking` in vite.config.ts), so nothing here waits for the
 * main chunk. See lib/plan/plan-boot.ts.
 */
import { startPlanBoot } from './lib/plan/plan-boot.js';

startPlanBoot();
