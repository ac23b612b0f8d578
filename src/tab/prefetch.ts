/**
 * The inline script right after index.html's `#root` (the build compiles this file into it: `inlinePrefetch` in
 * vite.config.ts). On a cold start of the persona sign-in it sends the token request while the page's scripts still
 * download (lib/plan/token-prefetch.ts); on a warm one it paints the screen the page last showed, until React's first
 * commit replaces it (lib/plan/first-screen.ts).
 */
import { inlineTabConfig } from './app/config.js';
import { rememberedPersona } from './app/persona.js';
import { showFirstScreen } from './lib/plan/first-screen.js';
import { startTokenPrefetch } from './lib/plan/token-prefetch.js';

try {
  const config = inlineTabConfig();
  const persona = rememberedPersona();
  try {
    startTokenPrefetch(window, config, persona);
  } catch {
    // Whatever went wrong here, the boot asks for the token itself.
  }
  showFirstScreen(window, config, persona);
} catch {
  // Nothing is painted early: the start is an ordinary one.
}
