import {
  Body1,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DOMEINEN, type Domein } from '../../../../domain/model.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { domeinLabel } from '../../../lib/labels.js';
import type { ConfigSession } from '../../../app/config-session.js';
import type { ChannelInfo, TeamPlace } from '../../../app/teams-bridge.js';
import { buildTabConfig, type StartView } from '../lib/tab-config.js';
import { ChannelLink, type ChannelLinkWrite } from './channel-link.js';

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

/**
 * The channel tab's configuration page (`#/config`): the MT chooses its domain (the CMT chooses Concern); the
 * tab then opens filtered to it. In a channel, a Beheerder of that MT may also make this channel the MT's reminder
 * channel: Save then first writes the team and channel onto the MT's row, and fails (nothing saved) if it cannot.
 * Teams enables Save once the choice is valid.
 */
export function ConfigPage({
  onShown,
  initialDomein,
  host,
  channel,
}: {
  onShown: () => void;
  initialDomein?: Domein | undefined;
  host?: ConfigHost | undefined;
  channel?: ConfigChannel | undefined;
}) {
  const styles = useStyles();
  const t = useT();
  const [domein, setDomein] = useState<Domein | ''>(initialDomein ?? '');
  const [view, setView] = useState<StartView>('roadmap');
  const config = useMemo(
    () =>
      domein
        ? buildTabConfig({
            origin: window.location.origin,
            path: window.location.pathname,
            domein,
            view,
            displayName: t('config.tabName', { domein: domeinLabel(t, domein) }),
          })
        : undefined,
    [domein, view, t],
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
        <RadioGroup value={domein} onChange={(_, d) => setDomein(d.value as Domein)}>
          {DOMEINEN.map((d) => (
            <Radio
              key={d}
              value={d}
              label={d === 'Concern' ? t('config.concern') : t('config.mtOf', { domein: domeinLabel(t, d) })}
            />
          ))}
        </RadioGroup>
      </Field>
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
