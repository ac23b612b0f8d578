/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabDeepLink } from '../../src/bot/deep-link.js';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { startTestRun } from '../support/local-run.js';
import { sharedBrowser, sharedRun, type SharedRun } from './support/shared-run.js';
import { startTestHost, type HostContext, type TestHost } from './support/host-server.js';
import { byNummer, otherClient, seriousViolations, UPN, watchErrors } from './support/tab.js';

/**
 * Sign-in in every host (issue 14, point 7), on a run configured as a tenant is (TAB_AUTH=naa) against the sandbox's
 * own Entra authority: MSAL's redirect sign-in (code + PKCE) in a plain page, with the sandbox's persona chooser as
 * the sign-in page; and in the test host every sign-in state that waits for the user tells the host the app is up.
 */
let entraRun: Awaited<ReturnType<typeof startTestRun>>;
let personaRun: SharedRun;
let browser: Browser;
let host: TestHost;

beforeAll(async () => {
  if (!existsSync('dist/tab/index.html'))
    throw new Error('The tab is not built: run `npm run build:tab` (npm test does this first).');
  [entraRun, personaRun] = await Promise.all([startTestRun({ TAB_AUTH: 'naa' }), sharedRun()]);
  host = await startTestHost();
  browser = await sharedBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await entraRun?.close();
});

/** A plain browser that trusts the sandbox's self-signed certificate, as a developer does once for `npm start`. */
async function plainBrowser(): Promise<BrowserContext> {
  return browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
}

const PORTFOLIO_ACTIES = zoetermeerPlan.acties.filter((a) => a.eigenaar?.displayName === 'Portfoliomanager I&A').length;

/** On the sandbox's sign-in page (its authorize endpoint over TLS), picks a persona the way a person does. */
async function chooseOnSignInPage(page: Page, role: string): Promise<void> {
  await page.waitForURL((url) => url.protocol === 'https:' && url.pathname.endsWith('/oauth2/v2.0/authorize'));
  await page.getByRole('heading', { name: 'Kies een account / Pick an account' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${role}`) }).click();
}

describe('the redirect sign-in in a plain browser (MSAL, code + PKCE, against the sandbox authority)', () => {
  it('goes to the sign-in page, comes back to the personal tab it was opened on, and stays signed in on reload', async () => {
    const context = await plainBrowser();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const authorizeRequests: string[] = [];
    page.on('request', (request) => {
      // The sign-in page itself (the chooser's own form posts back to the same address).
      if (request.method() === 'GET' && request.url().includes('/oauth2/v2.0/authorize'))
        authorizeRequests.push(request.url());
    });
    // The static tab's websiteUrl.
    await page.goto(`${entraRun.appUrl}/index.html#/mijn-acties`);
    await chooseOnSignInPage(page, 'Portfoliomanager I&A');
    await page.waitForURL(`${entraRun.appUrl}/index.html#/mijn-acties`);
    await page.getByTestId('mijn-acties').waitFor();
    await expect.poll(() => page.getByTestId('actie-summary').count()).toBe(PORTFOLIO_ACTIES);
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toContain('Portfoliomanager I&A');
    // The request MSAL sent: authorization code with PKCE (S256), index.html (the registered Spa redirect) to answer.
    const asked = new URL(authorizeRequests[0] ?? '').searchParams;
    expect(asked.get('response_type')).toBe('code');
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.get('redirect_uri')).toBe(`${entraRun.appUrl}/index.html`);

    // A reload signs in silently from MSAL's cache: no second visit to the sign-in page.
    await page.reload();
    await page.getByTestId('mijn-acties').waitFor();
    await expect.poll(() => page.getByTestId('actie-summary').count()).toBe(PORTFOLIO_ACTIES);
    expect(authorizeRequests).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens the card's link in a browser and, from there, the action", async () => {
    const context = await plainBrowser();
    const page = await context.newPage();
    const errors = watchErrors(page);
    // "Open in actieplan" exactly as the bot builds it for MT Sociaal Domein.
    await page.goto(tabDeepLink(entraRun.appUrl, { domeinen: ['Sociaal Domein'] }));
    await chooseOnSignInPage(page, 'Informatiemanager Sociaal Domein');
    // Back at the address the link named, its MT's domain included: the tab shows that domain's view.
    await page.waitForURL((url) => url.href.startsWith(`${entraRun.appUrl}/index.html?domein=Sociaal+Domein#/lijst`));
    const row = page.locator('[data-testid="actie-row"][data-nummer="1.1"]');
    await row.waitFor();
    await row.click();
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /^1\.1 / })
      .waitFor();

    // A link to one action (the form the tab shares) in a new tab of the same browser: signed in already.
    const item = byNummer(await (await otherClient(entraRun.appUrl)).plan(), '8.3');
    const second = await context.newPage();
    await second.goto(`${entraRun.appUrl}/index.html#/actie/${item.id}`);
    await second
      .getByRole('dialog')
      .getByRole('heading', { name: /^8\.3 / })
      .waitFor();
    expect(second.url().startsWith(entraRun.appUrl)).toBe(true);
    expect(await seriousViolations(second), 'the detail after a browser sign-in').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a failed sign-in with a button instead of sending the person back in a loop', async () => {
    const context = await plainBrowser();
    const page = await context.newPage();
    // The sign-in page answers with an error (as Entra does after a refused consent); the app offers to try again.
    await page.route('**/oauth2/v2.0/authorize?**', (route) => {
      const asked = new URL(route.request().url()).searchParams;
      const back = new URLSearchParams({
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
        state: asked.get('state') ?? '',
      });
      return route.fulfill({
        status: 302,
        headers: { Location: `${asked.get('redirect_uri') ?? ''}#${back.toString()}` },
      });
    });
    await page.goto(`${entraRun.appUrl}/index.html#/mijn-acties`);
    const failed = page.getByTestId('sign-in-failed');
    await failed.waitFor();
    await expect(failed.innerText()).resolves.toContain('Aanmelden is niet gelukt');
    await expect(failed.getByRole('button', { name: 'Aanmelden' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

type HostState = { notified: string[] };

/**
 * The tab in the test host. With `naaAnswer`, the tab's frame gets the host's NAA bridge (`window.nestedAppAuthBridge`,
 * the object a Microsoft 365 host gives a nested app), answering MSAL's GetInitContext and every token request the
 * given way: consent needed (USER_INTERACTION_REQUIRED) or a persistent error.
 */
async function inHost(
  appUrl: string,
  context: HostContext,
  naaAnswer?: 'interaction' | 'error',
): Promise<{ page: Page; notified: () => Promise<string[]> }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  if (naaAnswer) {
    await page.addInitScript(
      ({ answer, appOrigin }) => {
        if (window.location.origin !== appOrigin) return;
        const listeners: ((response: string) => void)[] = [];
        (window as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = {
          addEventListener: (type: string, listener: (response: string) => void) => {
            if (type === 'message') listeners.push(listener);
          },
          removeEventListener: () => undefined,
          postMessage: (text: string) => {
            const request = JSON.parse(text) as { method: string; requestId: string };
            // When each request reached the host, in the tab's clock (ordered against React's render mark).
            const w = window as unknown as { naaRequests?: { method: string; at: number }[] };
            (w.naaRequests ??= []).push({ method: request.method, at: performance.now() });
            const error =
              answer === 'interaction'
                ? {
                    status: 'USER_INTERACTION_REQUIRED',
                    code: 'interaction_required',
                    subError: 'consent_required',
                    description: 'AADSTS65001: The user or administrator has not consented to use the application.',
                  }
                : {
                    status: 'PERSISTENT_ERROR',
                    code: 'invalid_client',
                    description: 'AADSTS700016: Application not found in the directory.',
                  };
            const response =
              request.method === 'GetInitContext'
                ? {
                    messageType: 'NestedAppAuthResponse',
                    requestId: request.requestId,
                    success: true,
                    initContext: { sdkName: 'test-host', sdkVersion: '1.0.0', capabilities: { queryAccount: false } },
                  }
                : { messageType: 'NestedAppAuthResponse', requestId: request.requestId, success: false, error };
            setTimeout(() => listeners.forEach((listener) => listener(JSON.stringify(response))), 0);
          },
        };
      },
      { answer: naaAnswer, appOrigin: new URL(appUrl).origin },
    );
  }
  await page.goto(host.url(`${appUrl}/index.html#/mijn-acties`, context));
  return {
    page,
    notified: async () =>
      (await page.evaluate(() => (window as unknown as { hostState: HostState }).hostState)).notified,
  };
}

describe('every sign-in state tells the host the app is up (notifySuccess), in the test host', () => {
  it('the consent prompt under NAA', async () => {
    const { page, notified } = await inHost(entraRun.appUrl, { upn: UPN.portfolio, naa: true }, 'interaction');
    const prompt = page.frameLocator('#tab').getByTestId('sign-in-needs-interaction');
    await prompt.waitFor();
    await expect(prompt.innerText()).resolves.toContain('Toestemming nodig');
    await expect.poll(notified).toContain('appInitialization.success');
    // The silent token request went to the host before React was asked to render (main.tsx, plan-boot.ts: issue 16.1).
    const tab = page.frames().find((f) => f.url().startsWith(entraRun.appUrl));
    const order = await tab?.evaluate(() => ({
      naa: (window as unknown as { naaRequests?: { method: string; at: number }[] }).naaRequests ?? [],
      react: performance.getEntriesByName('tab:react-render').map((e) => e.startTime),
    }));
    const tokenRequest = order?.naa.find((r) => r.method !== 'GetInitContext');
    expect(order?.react).toHaveLength(1);
    expect(tokenRequest?.at).toBeLessThan(order?.react[0] ?? 0);
    await page.close();
  });

  it('a sign-in error under NAA', async () => {
    const { page, notified } = await inHost(entraRun.appUrl, { upn: UPN.portfolio, naa: true }, 'error');
    const failed = page.frameLocator('#tab').getByTestId('sign-in-failed');
    await failed.waitFor();
    await expect(failed.innerText()).resolves.toContain('AADSTS700016');
    await expect.poll(notified).toContain('appInitialization.success');
    await page.close();
  });

  it('a host without NAA: the message links to the same page in the browser', async () => {
    const { page, notified } = await inHost(entraRun.appUrl, { upn: UPN.portfolio, naa: false });
    const unsupported = page.frameLocator('#tab').getByTestId('sign-in-unsupported');
    await unsupported.waitFor();
    await expect(unsupported.getByRole('link', { name: 'Openen in de browser' }).getAttribute('href')).resolves.toBe(
      `${entraRun.appUrl}/index.html#/mijn-acties`,
    );
    await expect.poll(notified).toContain('appInitialization.success');
    await page.close();
  });

  it("the sandbox's persona picker, in a host that names no user", async () => {
    const { page, notified } = await inHost(personaRun.appUrl, {});
    await page.frameLocator('#tab').getByRole('combobox').first().waitFor();
    await expect.poll(notified).toContain('appInitialization.success');
    await page.close();
  });
});
