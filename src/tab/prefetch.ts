/**
 * The inline script at the top of index.html's body (the build compiles this file into it: `inlinePrefetch` in
 * vite.config.ts): on a cold start of the persona sign-in it sends the token request while the page's scripts still
 * download. See lib/plan/token-prefetch.ts.
 */
import { inlineTabConfig } from './app/config.js';
import { rememberedPersona } from './app/persona.js';
import { startTokenPrefetch } from './lib/plan/token-prefetch.js';

try {
  startTokenPrefetch(window, inlineTabConfig(), rememberedPersona());
} catch {
  // Whatever went wrong here, the boot asks for the token itself.
}
