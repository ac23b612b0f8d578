import {
  Body1,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  channelLinkChange,
  createMtsStore,
  loadMTRegistrations,
  mayEditMT,
  type MTRegistration,
} from '../../../../data/mts-store.js';
import type { Domein } from '../../../../domain/model.js';
import type { ConfigSession } from '../../../app/config-session.js';
import type { ChannelInfo, TeamPlace } from '../../../app/teams-bridge.js';
import { useT } from '../../../i18n/i18n.js';
import { describeError } from '../../../lib/errors.js';
import { personName } from '../../../lib/labels.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Writes the link on Save; rejects with a Dutch message when it could not be written (nothing else is saved then). */
export type ChannelLinkWrite = () => Promise<void>;

type LoadState =
  | { kind: 'loading' }
  | { kind: 'needs-sign-in' }
  | { kind: 'failed'; detail: string }
  | { kind: 'ready'; session: ConfigSession; mts: MTRegistration[] };

/** Standard channels only: bots in private and shared channels are a developer preview (docs/permissions.md). */
export function isStandardChannel(channel: ChannelInfo): boolean {
  const type = (channel.membershipType ?? 'Regular').toLowerCase();
  return type === 'regular' || type === 'standard';
}

/**
 * "Herinneringen in dit kanaal" on the channel tab's configuration page: for a Beheerder of the chosen domain's MT, a
 * choice to make this channel the MT's reminder channel. Save then writes the team (thread id and group id) and the
 * channel from the teams-js context onto the MT's row, with If-Match; the bot posts there from the next card on.
 */
export function ChannelLink({
  domein,
  team,
  channel,
  openSession,
  onWrite,
}: {
  domein: Domein | '';
  team: TeamPlace;
  channel: ChannelInfo;
  openSession: (interactive: boolean) => Promise<ConfigSession>;
  /** The write Save must do first, or undefined when the channel is not to be linked. */
  onWrite: (write: ChannelLinkWrite | undefined) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [chosenKey, setChosenKey] = useState<string | undefined>();
  const [link, setLink] = useState(false);

  const load = useCallback(
    async (interactive: boolean) => {
      setState({ kind: 'loading' });
      try {
        const session = await openSession(interactive);
        setState({ kind: 'ready', session, mts: await loadMTRegistrations(session.graph, session.siteId) });
      } catch (error) {
        if (error instanceof Error && error.name === 'InteractionNeededError') setState({ kind: 'needs-sign-in' });
        else {
          const described = describeError(error);
          setState({ kind: 'failed', detail: t(described.key, { detail: described.detail ?? '' }) });
        }
      }
    },
    [openSession, t],
  );
  useEffect(() => {
    void load(false);
  }, [load]);

  const candidates = useMemo(
    () => (state.kind === 'ready' && domein ? state.mts.filter((m) => m.value.domeinen.includes(domein)) : []),
    [state, domein],
  );
  const mt = candidates.find((m) => m.value.key === chosenKey) ?? (candidates.length === 1 ? candidates[0] : undefined);
  const change = useMemo(
    () =>
      mt
        ? channelLinkChange(mt.value, {
            teamId: team.internalId,
            channelId: channel.id,
            ...(team.groupId ? { groepId: team.groupId } : {}),
          })
        : undefined,
    [mt, team.internalId, team.groupId, channel.id],
  );
  const linked = change !== undefined && Object.keys(change).length === 0;
  const mayEdit = mt !== undefined && state.kind === 'ready' && mayEditMT(mt, { email: state.session.userKey });
  const standard = isStandardChannel(channel);
  const willWrite =
    link && standard && mayEdit && !linked && mt !== undefined && change !== undefined && state.kind === 'ready';

  useEffect(() => {
    if (!willWrite || !mt || !change || state.kind !== 'ready') {
      onWrite(undefined);
      return;
    }
    const { graph, siteId } = state.session;
    onWrite(async () => {
      await createMtsStore(graph, siteId).update(mt, change);
    });
  }, [willWrite, mt, state, change, onWrite]);

  return (
    <section className={styles.section} aria-labelledby="config-link-title" data-testid="config-link">
      <Subtitle2 as="h2" id="config-link-title">
        {t('config.link.title')}
      </Subtitle2>
      {!standard && (
        <MessageBar intent="warning" layout="multiline" data-testid="config-link-private">
          <MessageBarBody>{t('config.link.notStandard')}</MessageBarBody>
        </MessageBar>
      )}
      {standard && state.kind === 'loading' && <Spinner size="tiny" label={t('config.link.loading')} />}
      {standard && state.kind === 'needs-sign-in' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('config.link.signIn')}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void load(true)}>{t('auth.signIn')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {standard && state.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('config.link.failed', { detail: state.detail })}</MessageBarBody>
        </MessageBar>
      )}
      {standard && state.kind === 'ready' && !domein && (
        <Body1 className={styles.muted}>{t('config.link.chooseFirst')}</Body1>
      )}
      {standard && state.kind === 'ready' && domein && candidates.length === 0 && (
        <Body1 data-testid="config-link-none">{t('config.link.noMt')}</Body1>
      )}
      {standard && state.kind === 'ready' && candidates.length > 1 && (
        <RadioGroup
          value={mt?.value.key ?? ''}
          onChange={(_, d) => setChosenKey(d.value)}
          aria-label={t('config.link.whichMt')}
        >
          {candidates.map((c) => (
            <Radio key={c.value.key} value={c.value.key} label={c.value.naam} />
          ))}
        </RadioGroup>
      )}
      {standard && mt && linked && (
        <Body1 data-testid="config-link-done">{t('config.link.already', { mt: mt.value.naam })}</Body1>
      )}
      {standard && mt && !linked && !mayEdit && (
        <MessageBar intent="info" layout="multiline" data-testid="config-link-readonly">
          <MessageBarBody>
            {t('config.link.notBeheerder', {
              mt: mt.value.naam,
              names: mt.beheerders.map((b) => personName(t, b)).join(', '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {standard && mt && !linked && mayEdit && (
        <Checkbox
          checked={link}
          onChange={(_, d) => setLink(d.checked === true)}
          label={
            mt.value.teamId
              ? t('config.link.moveHere', { mt: mt.value.naam })
              : t('config.link.here', { mt: mt.value.naam })
          }
        />
      )}
    </section>
  );
}
