import { Button, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TokenSource } from '../../data/graph/token-source.js';
import { Notice } from '../components/notice.js';
import { useT } from '../i18n/i18n.js';
import type { TabConfig } from './config.js';
import type { HostInfo } from './host.js';
import { rememberedPersona, rememberPersona } from './persona.js';

/** Who is signed in and how the Graph client gets its tokens. */
export type SignedInUser = {
  /** UPN / e-mail: finds the person among the site users ("Mijn acties"). */
  userKey: string;
  tokens: () => Promise<TokenSource>;
  /** Only for the sandbox persona: choose another role. */
  switchUser?: () => void;
};

// The picker (a dropdown with its positioning code) is only needed once per browser: not part of the first view.
const PersonaPicker = lazy(() => import('./persona-picker.js').then((m) => ({ default: m.PersonaPicker })));

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

async function personaTokens(config: TabConfig, upn: string): Promise<TokenSource> {
  const { createPersonaTokenSource } = await import('../../data/graph/token-source.js');
  return createPersonaTokenSource({ tokenUrl: config.tokenUrl, clientId: config.clientId, persona: upn });
}

/**
 * Signs the user in the way the configuration says: Nested App Authentication in a Microsoft 365 host,
 * or, on the local sandbox, the persona picker (in a host, the host's user is the persona).
 */
export function SignIn({ config, host, children }: { config: TabConfig; host: HostInfo; children: (user: SignedInUser) => ReactNode }) {
  if (config.auth === 'naa') return <NaaSignIn config={config} host={host}>{children}</NaaSignIn>;
  return <PersonaSignIn config={config} host={host}>{children}</PersonaSignIn>;
}

function PersonaSignIn({ config, host, children }: { config: TabConfig; host: HostInfo; children: (user: SignedInUser) => ReactNode }) {
  const [persona, setPersona] = useState<string | undefined>(() => host.userPrincipalName ?? rememberedPersona());
  const choose = useCallback((upn: string | undefined) => {
    rememberPersona(upn);
    setPersona(upn);
  }, []);
  const tokens = useCallback(() => personaTokens(config, persona ?? ''), [config, persona]);
  if (!config.personaDirectoryUrl) return <SignInProblem titleKey="auth.failedTitle" messageKey="app.configError" />;
  if (!persona) {
    return (
      <Suspense fallback={<Spinner style={{ marginTop: '20vh' }} />}>
        <PersonaPicker directoryUrl={config.personaDirectoryUrl} onChosen={choose} />
      </Suspense>
    );
  }
  return <>{children({ userKey: persona, tokens, ...(host.userPrincipalName ? {} : { switchUser: () => choose(undefined) }) })}</>;
}

type NaaState =
  | { status: 'signing-in' }
  | { status: 'needs-interaction' }
  | { status: 'unsupported' }
  | { status: 'failed'; detail: string }
  | { status: 'ready'; userKey: string; tokens: TokenSource };

function NaaSignIn({ config, host, children }: { config: TabConfig; host: HostInfo; children: (user: SignedInUser) => ReactNode }) {
  const styles = useStyles();
  const t = useT();
  const [state, setState] = useState<NaaState>({ status: 'signing-in' });

  const signIn = useCallback(
    async (interactive: boolean) => {
      if (host.kind !== 'teams' || !host.teams?.isNAAChannelRecommended()) {
        setState({ status: 'unsupported' });
        return;
      }
      setState({ status: 'signing-in' });
      try {
        const { signInWithNaa } = await import('./auth/naa.js');
        const session = await signInWithNaa(config.clientId, host.userPrincipalName, { interactive });
        setState({ status: 'ready', userKey: session.username, tokens: session.tokens });
      } catch (error) {
        if (error instanceof Error && error.name === 'InteractionNeededError') setState({ status: 'needs-interaction' });
        else setState({ status: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    },
    [config.clientId, host],
  );

  useEffect(() => {
    void signIn(false);
  }, [signIn]);

  if (state.status === 'ready') {
    const tokens = state.tokens;
    return <>{children({ userKey: state.userKey, tokens: () => Promise.resolve(tokens) })}</>;
  }
  if (state.status === 'signing-in') return <Spinner style={{ marginTop: '20vh' }} label={t('auth.signingIn')} />;
  if (state.status === 'unsupported') return <SignInProblem titleKey="auth.unsupportedTitle" messageKey="auth.unsupported" />;
  return (
    <div className={styles.card}>
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

function SignInProblem({ titleKey, messageKey }: { titleKey: 'auth.unsupportedTitle' | 'auth.failedTitle'; messageKey: 'auth.unsupported' | 'app.configError' }) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.card}>
      <Notice intent="warning" layout="multiline" title={t(titleKey)}>
        {t(messageKey)}
      </Notice>
    </div>
  );
}
