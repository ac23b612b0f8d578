import {
  Body1,
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import type { Domein } from '../../../../domain/model.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { describeError } from '../../../lib/errors.js';
import { domeinLabel } from '../../../lib/labels.js';
import type { ConfigSession } from '../../../app/config-session.js';
import type { ChannelInfo, TeamPlace } from '../../../app/teams-bridge.js';
import { configTexts } from '../config-i18n.js';
import { buildTabConfig, type StartView } from '../lib/tab-config.js';
import { ChannelLink, type ChannelLinkWrite } from './channel-link.js';
import { retryingImport } from '../../../../shared/retrying-import.js';

/** Loaded when first used; a failed load is tried again under another URL (`retryingImport`). */
const inrichtingReader = retryingImport(() => import('../../../../data/inrichting-reader.js'));

const useStyles = makeStyles({
  card: {
    maxWidth: '40rem',
    margin: `${tokens.spacingVerticalL} auto`,
    padding: tokens.spacingVerticalL,
    rowGap: tokens.spacingVerticalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const VIEWS: { value: StartView; label: MessageKey }[] = [
  { value: 'roadmap', label: 'nav.roadmap' },
  { value: 'lijst', label: 'nav.lijst' },
  { value: 'voortgang', label: 'nav.voortgang' },
];

/** What the configuration page hands to the host: validity, and how to save. */
export type ConfigHost = {
  setValidity(valid: boolean): void;
  onSave(
    save: () => Promise<{ entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }>,
  ): void;
};

/** The channel the configuration page runs in, and how it signs in to link it to an MT's reminders. */
export type ConfigChannel = {
  team: TeamPlace;
  channel: ChannelInfo;
  openSession: (interactive: boolean) => Promise<ConfigSession>;
};

/** The set-up whose domains the page offers: being read, the site's own, or Zoetermeer's because it could not be read. */
type SetupState =
  | { kind: 'loading' }
  | { kind: 'ready'; inrichting: Inrichting }
  | { kind: 'fallback'; detail: string; canRetry: boolean };

/**
 * The site's set-up (its Inrichting list), read through the page's own session the way the plan reads it
 * (`readInrichtingForReaders`: Zoetermeer's for a site without the list). When there is no session, or the read
 * fails, the page falls back to Zoetermeer's set-up and says so (`SetupState.fallback`), so the MT can still choose.
 */
function useSiteInrichting(openSession: ((interactive: boolean) => Promise<ConfigSession>) | undefined): {
  state: SetupState;
  retry: () => void;
} {
  const ft = useFeatureT(configTexts);
  const t = useT();
  const [state, setState] = useState<SetupState>(() =>
    openSession ? { kind: 'loading' } : { kind: 'fallback', detail: ft('noSession'), canRetry: false },
  );
  const read = useCallback(
    async (interactive: boolean, stillWanted: () => boolean) => {
      if (!openSession) return;
      setState({ kind: 'loading' });
      try {
        const session = await openSession(interactive);
        const { readInrichtingForReaders } = await inrichtingReader();
        const inrichting = await readInrichtingForReaders(session.graph, session.siteId);
        if (stillWanted()) setState({ kind: 'ready', inrichting });
      } catch (error) {
        if (!stillWanted()) return;
        const needsSignIn = error instanceof Error && error.name === 'InteractionNeededError';
        const described = describeError(error);
        setState({
          kind: 'fallback',
          detail:
            error instanceof Error && error.name === 'NoSignInError'
              ? ft('noSession')
              : t(described.key, { detail: described.detail ?? '' }),
          canRetry: needsSignIn || !(error instanceof Error && error.name === 'NoSignInError'),
        });
      }
    },
    [openSession, ft, t],
  );
  useEffect(() => {
    let wanted = true;
    void read(false, () => wanted);
    return () => {
      wanted = false;
    };
  }, [read]);
  const retry = useCallback(() => void read(true, () => true), [read]);
  return { state, retry };
}

/**
 * The channel tab's configuration page (`#/config`): the MT chooses its domain (the CMT chooses the set-up's concern
 * domain, Concern in Zoetermeer), from the site's own set-up (`useSiteInrichting`); the tab then opens filtered to it. In a channel, a Beheerder of that MT may also make this channel the MT's reminder
 * channel: Save then first writes the team and channel onto the MT's row, and fails (nothing saved) if it cannot.
 * Teams enables Save once the choice is valid.
 */
export function ConfigPage({
  onShown,
  initialDomein,
  host,
  channel,
  openSession,
}: {
  onShown: () => void;
  initialDomein?: Domein | undefined;
  host?: ConfigHost | undefined;
  channel?: ConfigChannel | undefined;
  /** Signs in to read the site's set-up; undefined when the tab's configuration could not be loaded. */
  openSession?: ((interactive: boolean) => Promise<ConfigSession>) | undefined;
}) {
  const styles = useStyles();
  const t = useT();
  const ft = useFeatureT(configTexts);
  const setup = useSiteInrichting(openSession);
  const inrichting = setup.state.kind === 'ready' ? setup.state.inrichting : ZOETERMEER_INRICHTING;
  const concern = concernDomein(inrichting);
  const [domein, setDomein] = useState<Domein | ''>(initialDomein ?? '');
  const [view, setView] = useState<StartView>('roadmap');
  // A domain the site's set-up does not have (a link's, or another municipality's) is no choice.
  const known = inrichting.domeinen.some((d) => d.naam === domein);
  useEffect(() => {
    if (setup.state.kind === 'ready' && domein && !known) setDomein('');
  }, [setup.state.kind, domein, known]);
  const config = useMemo(
    () =>
      domein && known && setup.state.kind !== 'loading'
        ? buildTabConfig({
            origin: window.location.origin,
            path: window.location.pathname,
            domein,
            view,
            displayName: t('config.tabName', { domein: domeinLabel(t, domein) }),
          })
        : undefined,
    [domein, known, setup.state.kind, view, t],
  );

  const linkWrite = useRef<ChannelLinkWrite | undefined>(undefined);
  const [linkError, setLinkError] = useState<string | undefined>();
  const onLinkWrite = useCallback((write: ChannelLinkWrite | undefined) => {
    linkWrite.current = write;
  }, []);

  useEffect(() => onShown(), [onShown]);
  useEffect(() => {
    host?.setValidity(config !== undefined);
    if (config) {
      host?.onSave(async () => {
        setLinkError(undefined);
        try {
          await linkWrite.current?.();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          setLinkError(message);
          throw error;
        }
        return config;
      });
    }
  }, [host, config]);

  return (
    <Card className={styles.card} data-testid="config-page">
      <Subtitle1 as="h1">{t('config.title')}</Subtitle1>
      <Body1>{t('config.intro')}</Body1>
      <Field label={t('config.domein')} required>
        {setup.state.kind === 'loading' ? (
          <Spinner size="tiny" label={ft('loading')} data-testid="config-setup-loading" />
        ) : (
          <RadioGroup value={domein} onChange={(_, d) => setDomein(d.value as Domein)}>
            {inrichting.domeinen.map(({ naam }) => (
              <Radio
                key={naam}
                value={naam}
                label={
                  naam === concern
                    ? t('config.concern', { domein: domeinLabel(t, naam) })
                    : t('config.mtOf', { domein: domeinLabel(t, naam) })
                }
              />
            ))}
          </RadioGroup>
        )}
      </Field>
      {setup.state.kind === 'fallback' && (
        <MessageBar intent="warning" layout="multiline" data-testid="config-setup-fallback">
          <MessageBarBody>{ft('fallback', { detail: setup.state.detail })}</MessageBarBody>
          {setup.state.canRetry && (
            <MessageBarActions>
              <Button onClick={setup.retry}>{ft('retry')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <Field label={t('config.startView')}>
        <RadioGroup value={view} onChange={(_, d) => setView(d.value as StartView)} layout="horizontal">
          {VIEWS.map((v) => (
            <Radio key={v.value} value={v.value} label={t(v.label)} />
          ))}
        </RadioGroup>
      </Field>
      {channel && (
        <ChannelLink
          domein={domein}
          team={channel.team}
          channel={channel.channel}
          openSession={channel.openSession}
          onWrite={onLinkWrite}
        />
      )}
      {linkError && (
        <MessageBar intent="error" layout="multiline" data-testid="config-link-error">
          <MessageBarBody>{t('config.link.saveFailed', { detail: linkError })}</MessageBarBody>
        </MessageBar>
      )}
      {!host && (
        <MessageBar intent="info">
          <MessageBarBody>{t('config.outsideTeams')}</MessageBarBody>
        </MessageBar>
      )}
      {config && (
        <Body1 className={styles.muted} data-testid="config-preview">
          {t('config.preview', { name: config.suggestedDisplayName })}
        </Body1>
      )}
    </Card>
  );
}
