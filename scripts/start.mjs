// @ts-check
/**
 * `npm start`: builds the tab and the local server only when their inputs changed (scripts/build-if-changed.mjs),
 * then runs the local server (src/server/main.ts, compiled to dist/local/main.js) in this same Node process.
 * The builds' own output goes to dist/build.log; `npm start -- --verbose` shows it in the terminal too.
 */
import { BUILD_LOG, buildIfChanged, LOCAL_SERVER_TARGET, stripAnsi, TAB_TARGET } from './build-if-changed.mjs';

try {
  await buildIfChanged([TAB_TARGET, LOCAL_SERVER_TARGET], { verbose: process.argv.includes('--verbose') });
} catch (error) {
  process.stderr.write(
    `Build failed: ${stripAnsi(error instanceof Error ? error.message : String(error))} (the whole output: ${BUILD_LOG})\n`,
  );
  process.exit(1);
}
// A variable, so tsc does not look for the build output's types.
const entry = '../dist/local/main.js';
await import(entry);
