import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
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

// Entra sign-in (NAA in a host, MSAL's redirect in a browser) is only downloaded with that configuration.
const EntraSignIn = lazy(() => import('./auth/entra-sign-in.js').then((m) => ({ default: m.EntraSignIn })));

type SignInProps = {
  config: TabConfig;
  host: HostInfo;
  /**
   * The app is ready for the user (teams-js `app.notifySuccess`, hiding the host's loading indicator): called by
   * every sign-in state that waits for the user (a picker, a sign-in prompt, an error), so the host never shows its
   * own time-out error over them. The signed-in views call it at their first view.
   */
  onShown?: () => void;
  children: (user: SignedInUser) => ReactNode;
};

/**
 * Signs the user in the way the configuration says: Entra ID (`naa`: Nested App Authentication in a Microsoft 365
 * host, MSAL's redirect sign-in in a plain browser), or, on the local sandbox, the persona picker (in a host, the
 * host's user is the persona).
 */
export function SignIn({ config, host, onShown, children }: SignInProps) {
  if (config.auth === 'naa') {
    return (
      <Suspense fallback={<Spinner style={{ marginTop: '20vh' }} />}>
        <EntraSignIn config={config} host={host} {...(onShown ? { onShown } : {})}>
          {children}
        </EntraSignIn>
      </Suspense>
    );
  }
  return (
    <PersonaSignIn config={config} host={host} {...(onShown ? { onShown } : {})}>
      {children}
    </PersonaSignIn>
  );
}

function PersonaSignIn({ config, host, onShown, children }: SignInProps) {
  const [persona, setPersona] = useState<string | undefined>(() => host.userPrincipalName ?? rememberedPersona());
  const choose = useCallback((upn: string | undefined) => {
    rememberPersona(upn);
    setPersona(upn);
  }, []);
  const tokens = useCallback(() => personaTokens(config, persona ?? ''), [config, persona]);
  const waitsForUser = !config.personaDirectoryUrl || !persona;
  useEffect(() => {
    if (waitsForUser) onShown?.();
  }, [waitsForUser, onShown]);
  if (!config.personaDirectoryUrl) return <SignInProblem titleKey="auth.failedTitle" messageKey="app.configError" />;
  if (!persona) {
    return (
      <Suspense fallback={<Spinner style={{ marginTop: '20vh' }} />}>
        <PersonaPicker directoryUrl={config.personaDirectoryUrl} onChosen={choose} />
      </Suspense>
    );
  }
  return (
    <>
      {children({
        userKey: persona,
        tokens,
        ...(host.userPrincipalName ? {} : { switchUser: () => choose(undefined) }),
      })}
    </>
  );
}

function SignInProblem({
  titleKey,
  messageKey,
}: {
  titleKey: 'auth.unsupportedTitle' | 'auth.failedTitle';
  messageKey: 'auth.unsupported' | 'app.configError';
}) {
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
