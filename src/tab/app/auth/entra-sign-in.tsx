/**
 * Sign-in against Entra ID (`TAB_AUTH=naa`), in every host (issue 14.7): Nested App Authentication where the host
 * recommends it (`nestedAppAuth.isNAAChannelRecommended()`: Teams, Outlook, the Microsoft 365 app), MSAL's redirect
 * sign-in (authorization code with PKCE, the tenant's authority) in a plain browser, and in a host without NAA a
 * message with a link that opens the same page in the browser. Every state that waits for the user tells the host
 * the app is up (`onShown`, teams-js `app.notifySuccess`), so the host's loading indicator never runs into its
 * time-out on a sign-in prompt or an error. Loaded only with this configuration: the sandbox's persona sign-in does
 * not download it.
 */
import { Button, Link, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TokenSource } from '../../../data/graph/token-source.js';
import { Notice } from '../../components/notice.js';
import { useT } from '../../i18n/i18n.js';
import { takeNaaSignIn } from '../../lib/plan/plan-boot.js';
import type { TabConfig } from '../config.js';
import type { HostInfo } from '../host.js';
import type { SignedInUser } from '../sign-in.js';

type State =
  | { status: 'signing-in' }
  | { status: 'redirecting' }
  | { status: 'needs-interaction' }
  | { status: 'unsupported' }
  | { status: 'failed'; detail: string }
  | { status: 'ready'; userKey: string; tokens: TokenSource };

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    maxWidth: '36rem',
    margin: `${tokens.spacingVerticalXXL} auto`,
    padding: tokens.spacingVerticalL,
    rowGap: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

/** How this host signs in: through the host (NAA), by redirect (a plain browser), or not at all (a host without NAA). */
export function signInRoute(host: Pick<HostInfo, 'kind' | 'teams'>): 'naa' | 'redirect' | 'none' {
  if (host.kind === 'standalone') return 'redirect';
  return host.teams?.isNAAChannelRecommended() ? 'naa' : 'none';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function EntraSignIn({
  config,
  host,
  onShown,
  children,
}: {
  config: TabConfig;
  host: HostInfo;
  onShown?: () => void;
  children: (user: SignedInUser) => ReactNode;
}) {
  const styles = useStyles();
  const t = useT();
  const [state, setState] = useState<State>({ status: 'signing-in' });
  const route = signInRoute(host);

  const signIn = useCallback(
    async (interactive: boolean) => {
      if (route === 'none') {
        setState({ status: 'unsupported' });
        return;
      }
      setState({ status: 'signing-in' });
      try {
        let session: { tokens: TokenSource; username: string };
        if (route === 'naa') {
          // The first, silent attempt may already be under way: main.tsx started it with teams-js (plan-boot.ts).
          const early = interactive ? undefined : takeNaaSignIn();
          session = await (early ??
            import('./naa.js').then((naa) =>
              naa.signInWithNaa(config.clientId, host.userPrincipalName, { interactive }),
            ));
        } else {
          if (!config.authority) throw new Error('the configuration names no authority (TAB_AUTHORITY)');
          const { signInWithRedirect } = await import('./msal-redirect.js');
          session = await signInWithRedirect(
            { clientId: config.clientId, authority: config.authority },
            {
              interactive,
              ...(host.userPrincipalName ? { loginHint: host.userPrincipalName } : {}),
              onLeaving: () => setState({ status: 'redirecting' }),
            },
          );
        }
        setState({ status: 'ready', userKey: session.username, tokens: session.tokens });
      } catch (error) {
        if (error instanceof Error && error.name === 'InteractionNeededError')
          setState({ status: 'needs-interaction' });
        else setState({ status: 'failed', detail: message(error) });
      }
    },
    [config.clientId, config.authority, host.userPrincipalName, route],
  );

  useEffect(() => {
    // In a browser the sign-in page is the only way in, so go there at once; in a host, never open a popup unasked.
    void signIn(route === 'redirect');
  }, [signIn, route]);

  const waitsForUser =
    state.status === 'needs-interaction' || state.status === 'unsupported' || state.status === 'failed';
  useEffect(() => {
    if (waitsForUser) onShown?.();
  }, [waitsForUser, onShown]);

  if (state.status === 'ready') {
    const tokenSource = state.tokens;
    return <>{children({ userKey: state.userKey, tokens: () => Promise.resolve(tokenSource) })}</>;
  }
  if (state.status === 'signing-in') return <Spinner style={{ marginTop: '20vh' }} label={t('auth.signingIn')} />;
  if (state.status === 'redirecting') return <Spinner style={{ marginTop: '20vh' }} label={t('auth.redirecting')} />;
  if (state.status === 'unsupported') {
    return (
      <div className={styles.card} data-testid="sign-in-unsupported">
        <Notice intent="warning" layout="multiline" title={t('auth.unsupportedTitle')}>
          {t('auth.unsupported')}{' '}
          <Link href={window.location.href} target="_blank" rel="noopener noreferrer">
            {t('auth.openInBrowser')}
          </Link>
        </Notice>
      </div>
    );
  }
  return (
    <div className={styles.card} data-testid={`sign-in-${state.status}`}>
      <Subtitle1 as="h1">{t('auth.title')}</Subtitle1>
      <Notice
        intent={state.status === 'failed' ? 'error' : 'info'}
        title={state.status === 'failed' ? t('auth.failedTitle') : t('auth.needsInteractionTitle')}
        actions={
          <Button appearance="primary" onClick={() => void signIn(true)}>
            {t('auth.signIn')}
          </Button>
        }
      >
        {state.status === 'failed' ? t('auth.failed', { detail: state.detail }) : t('auth.needsInteraction')}
      </Notice>
    </div>
  );
}
