/**
 * The redirect bridge page of MSAL Browser v5 (Microsoft Learn, "Set up the redirect bridge page in MSAL Browser"):
 * Entra sends the sign-in's answer here; the bridge hands it to the page that started the sign-in (a redirect: back to
 * that page, its hash route included) and no app code runs on it. It must not be served with a
 * Cross-Origin-Opener-Policy header.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  // Opened without an answer (a bookmark, a reload): go to the app, which starts a sign-in if it needs one.
  console.error('Sign-in answer not handed over', error);
  window.location.replace('./index.html');
});
