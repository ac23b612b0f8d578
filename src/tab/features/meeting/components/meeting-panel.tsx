import {
  Body1,
  Button,
  Caption1,
  Caption1Strong,
  Checkbox,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { GraphRequestError, RetryExhaustedError } from '../../../../data/graph/errors.js';
import type { Domein } from '../../../../domain/model.js';
import { TEXT_MAX } from '../../../../domain/text-limits.js';
import { formatInstant } from '../../../i18n/format.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { panelTexts, meetingTexts } from '../i18n.js';
import { LoadError } from '../../../components/load-error.js';

type PanelKey = keyof (typeof panelTexts)['nl'];
import type { AgenderingItem } from '../../../../domain/agendering.js';
import { AGENDERING_MAX } from '../../../../domain/agendering.js';
import type { AgenderingValidationError } from '../../../../data/agenderingen-store.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { domeinLabel, STATUS_LABEL } from '../../../lib/labels.js';
import {
  useMeeting,
  type LogFailure,
  type TickOffInput,
  type NextMeeting,
  type SaveInput,
} from '../hooks/use-meeting.js';
import { panelItems, recordedState, startOfKey, type PanelItem } from '../lib/panel-data.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '480px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  label: { color: tokens.colorBrandForeground1, marginRight: tokens.spacingHorizontalXS },
  reasons: { color: tokens.colorNeutralForeground2 },
  decide: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'center' },
  input: { flexGrow: 1, minWidth: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  decisions: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  omschrijving: { overflowWrap: 'anywhere', '& > p': { margin: 0 } },
  gone: { margin: 0, overflowWrap: 'anywhere' },
});

/** Parses `?vergadering=<ISO start>`: a deep link to one meeting (and how the tests pick one). */
export function requestedMeeting(search: string): Date | undefined {
  const raw = new URLSearchParams(search).get('vergadering');
  if (!raw) return undefined;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The meeting side panel "Digitalisering": this meeting's agenda (the same composition as the reminder card), a
 * "Besproken" tick and a short decision per item, and what the previous meeting decided.
 */
export function MeetingPanel({ domein, nextMeeting }: { domein?: Domein; nextMeeting?: NextMeeting }) {
  const styles = useStyles();
  const t = useT();
  const pt = useFeatureT(panelTexts);
  const locale = useLocale();
  const [requested] = useState(() => requestedMeeting(window.location.search));
  const v = useMeeting(domein, requested, nextMeeting);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  // Ticks that were stored while their decision log entry was not: shown here (their rows have left the agenda).
  const [logFailures, setLogFailures] = useState<ReadonlyMap<string, LogFailed>>(new Map());
  const retryLog = (id: string, failed: LogFailed) => {
    setLogFailures((m) => new Map(m).set(id, { ...failed, retrying: true }));
    failed.retry().then(
      () =>
        setLogFailures((m) => {
          const next = new Map(m);
          next.delete(id);
          return next;
        }),
      (error: unknown) => setLogFailures((m) => new Map(m).set(id, { ...failed, error, retrying: false })),
    );
  };

  // A failed read says what failed and offers a retry; an agenda read before stays below it.
  const loadError =
    v.error !== undefined ? (
      <LoadError
        title={pt('loadError')}
        error={v.error}
        kept={v.kept}
        retrying={v.fetching}
        onRetry={v.reload}
        testId="vergadering-error"
      />
    ) : null;
  if (loadError && !v.kept) return loadError;
  if (v.loading) return <Spinner size="small" label={pt('loading')} />;
  if (!v.mt) return <Body1 data-testid="vergadering-no-mt">{pt('noMt')}</Body1>;
  if (!v.start || !v.agenda) return <Body1>{pt('noMeeting', { mt: v.mt.value.naam })}</Body1>;

  const agenda = v.agenda;
  const items = panelItems(agenda);
  // An escalation that left the agenda without this person's tick here (ticked elsewhere: by someone else, or on the
  // card in the channel, found by a reload or by this person's tick meeting that change) while a decision was typed for it or its tick had failed: named here
  // with that decision, which was not saved, so it is not lost with its row.
  const gone = [...drafts.values()].filter(
    (d) => (d.besluit !== '' || d.conflict) && !agenda.geagendeerd.some((g) => g.id === d.id),
  );
  const state = recordedState(v.besluiten, agenda.occurrence.key);
  return (
    <section
      className={styles.root}
      data-testid="vergadering-panel"
      data-occurrence={agenda.occurrence.key}
      aria-labelledby="vergadering-title"
    >
      <div>
        <Subtitle2 as="h2" block id="vergadering-title">
          {pt('title')}
        </Subtitle2>
        <Caption1 as="p" block>
          {pt('intro', { mt: agenda.mt.naam, datum: formatInstant(agenda.occurrence.start, locale) })}
        </Caption1>
        {/* The card's own counts (the domain's planCounts), so the panel and the card never disagree. */}
        <Caption1 as="p" block data-testid="panel-counts">
          {pt('counts', {
            total: agenda.counts.acties,
            open: agenda.counts.open,
            overdue: agenda.counts.overdue,
            blocked: agenda.counts.geblokkeerd,
            waiting: agenda.counts.wachtOp,
          })}
        </Caption1>
      </div>
      {loadError}
      <Caption1Strong as="h3">{pt('agenda', { count: items.length })}</Caption1Strong>
      {items.length === 0 ? (
        <Body1>{pt('empty')}</Body1>
      ) : (
        <ul className={styles.list} data-testid="attention-list">
          {items.map((item) => (
            <AgendaRow
              key={`${agenda.occurrence.key}|${item.itemKey}`}
              item={item}
              omschrijving={item.kind === 'actie' ? v.omschrijvingen.get(item.id) : undefined}
              recorded={state.get(item.itemKey)}
              save={v.save}
              occurrence={agenda.occurrence.key}
            />
          ))}
        </ul>
      )}
      {agenda.geagendeerd.length > 0 && (
        <section data-testid="geagendeerd" aria-labelledby="geagendeerd-title">
          <Caption1Strong as="h3" id="geagendeerd-title">
            {pt('geagendeerd.title', { count: agenda.geagendeerd.length })}
          </Caption1Strong>
          <ul className={styles.list}>
            {agenda.geagendeerd.map((g) => (
              <GeagendeerdRow
                key={g.id}
                item={g}
                afvinken={v.afvinken}
                reload={v.reload}
                onDraft={(draft) => setDrafts((d) => new Map(d).set(g.id, draft))}
                onTicked={() =>
                  setDrafts((d) => {
                    const next = new Map(d);
                    next.delete(g.id);
                    return next;
                  })
                }
                onLogFailed={(failed) => setLogFailures((m) => new Map(m).set(g.id, failed))}
              />
            ))}
          </ul>
        </section>
      )}
      {[...logFailures].map(([id, failed]) => {
        const why = saveFailure(failed.error);
        return (
          <MessageBar key={id} intent="error" layout="multiline" data-testid="geagendeerd-log-failed">
            <MessageBarBody>
              {pt(failed.besluit ? 'geagendeerd.logFailedMetBesluit' : 'geagendeerd.logFailed', {
                item: failed.label,
                besluit: failed.besluit,
                detail: pt(why.reason, { status: why.status ?? '' }),
              })}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" disabled={failed.retrying} onClick={() => retryLog(id, failed)}>
                {pt('geagendeerd.logRetry')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
      {gone.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="geagendeerd-gone">
          <MessageBarBody>
            {gone.map((d) => (
              <p key={d.id} className={styles.gone}>
                {d.besluit
                  ? pt('geagendeerd.goneMetBesluit', { item: d.label, besluit: d.besluit })
                  : pt('geagendeerd.gone', { item: d.label })}
              </p>
            ))}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={t('common.close')}
                icon={<DismissRegular />}
                onClick={() =>
                  setDrafts((m) => {
                    const next = new Map(m);
                    for (const d of gone) next.delete(d.id);
                    return next;
                  })
                }
              />
            }
          />
        </MessageBar>
      )}
      <section data-testid="vorige-besluiten" aria-labelledby="vorige-title">
        <Caption1Strong as="h3" id="vorige-title">
          {pt('vorige')}
        </Caption1Strong>
        {v.previousKey && (
          <Caption1 as="p">{pt('vorigeVan', { datum: formatInstant(startOfKey(v.previousKey), locale) })}</Caption1>
        )}
        {agenda.previousDecisions.length === 0 ? (
          <Body1 as="p">{pt('geenVorige')}</Body1>
        ) : (
          <ul className={styles.decisions}>
            {agenda.previousDecisions.map((d, i) => (
              <li key={i} data-testid="vorig-besluit">
                {d}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** What this person has done with an escalation's row: the decision typed, and whether a tick met a conflict (412). */
type Draft = { id: string; label: string; besluit: string; conflict: boolean };

/** A stored tick whose decision log entry is not written yet: which escalation, the decision, and the retry. */
type LogFailed = LogFailure & { label: string; besluit: string; retrying?: boolean };

/**
 * One escalation on the CMT's agenda: the action, the domain, who, since when and why, and the tick with an optional
 * decision (If-Match on the eTag it was read with; someone else's tick or change first is a visible conflict and a
 * reload). Keyed by the escalation, not its eTag: when the reload brings it back changed, the row keeps the decision
 * typed and the conflict's message, and the next tick goes with the new eTag. When it does not come back (ticked by
 * someone else), the panel names it with the decision typed (`onDraft` keeps the panel told).
 */
function GeagendeerdRow({
  item,
  afvinken,
  reload,
  onDraft,
  onTicked,
  onLogFailed,
}: {
  item: AgenderingItem;
  afvinken: (input: TickOffInput) => Promise<void>;
  reload: () => void;
  onDraft: (draft: Draft) => void;
  /** This person's tick was saved: an earlier conflict of this row is settled. */
  onTicked: () => void;
  /** The tick was saved, its decision log entry was not (the row leaves the agenda right after). */
  onLogFailed: (failed: LogFailed) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const say = useDomainText();
  const pt = useFeatureT(panelTexts);
  const locale = useLocale();
  const [besluit, setBesluit] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // The eTag a tick met a conflict with: once the reload brings the escalation back with another, the message says so.
  const [conflictAt, setConflictAt] = useState<string | undefined>();
  const label = `${item.nummer} ${item.titel}`.trim();
  const message = conflictAt !== undefined && conflictAt !== item.eTag ? pt('geagendeerd.changed') : failure;
  return (
    <li className={styles.row} data-testid="geagendeerd-item" data-nummer={item.nummer} data-domein={item.domein}>
      <span className={styles.title}>
        <span className={styles.label}>{item.nummer}</span>
        {item.titel}
      </span>
      <Caption1 className={styles.reasons}>
        {pt('geagendeerd.meta', {
          domein: domeinLabel(t, item.domein),
          door: item.door ?? t('agenderen.onbekend'),
          sinds: formatInstant(item.sinds, locale),
        })}
      </Caption1>
      <Body1>{pt('geagendeerd.reden', { reden: item.reden })}</Body1>
      <form
        className={styles.decide}
        onSubmit={(e) => {
          e.preventDefault();
          setSaving(true);
          setFailure(undefined);
          setConflictAt(undefined);
          // The draft goes once the tick is stored, before the item leaves the agenda: else the panel would name it
          // as ticked by someone else for a moment (and for good, were the decision log's write to fail).
          afvinken({
            agenderingId: item.id,
            eTag: item.eTag,
            besluit,
            onTicked,
            onLogFailed: (failure) => onLogFailed({ ...failure, label, besluit: besluit.trim() }),
          }).then(
            () => setSaving(false),
            (error: unknown) => {
              setSaving(false);
              if ((error as Error).name === 'AgenderingConflictError') {
                setFailure(pt('geagendeerd.conflict'));
                setConflictAt(item.eTag);
                onDraft({ id: item.id, label, besluit: besluit.trim(), conflict: true });
                reload();
              } else if ((error as Error).name === 'AgenderingValidationError')
                setFailure(say((error as AgenderingValidationError).domain));
              else
                setFailure(
                  pt('geagendeerd.failed', {
                    detail: pt(saveFailure(error).reason, { status: saveFailure(error).status ?? '' }),
                  }),
                );
            },
          );
        }}
      >
        <Input
          aria-label={pt('geagendeerd.besluit', { item: label })}
          className={styles.input}
          size="small"
          value={besluit}
          // While the tick and its decision log entry are written, the decision is the one being saved.
          readOnly={saving}
          maxLength={AGENDERING_MAX.besluit}
          placeholder={pt('besluitPlaceholder')}
          onChange={(_, d) => {
            setBesluit(d.value);
            onDraft({ id: item.id, label, besluit: d.value.trim(), conflict: conflictAt !== undefined });
          }}
          data-testid="geagendeerd-besluit"
        />
        <Button size="small" type="submit" disabled={saving} data-testid="geagendeerd-afvinken">
          {pt('geagendeerd.afvinken')}
        </Button>
      </form>
      {message && (
        <MessageBar intent="error" data-testid="geagendeerd-error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; reason: PanelKey; status?: string; withText: boolean };

/** Why a save failed, as a Dutch sentence (the key) plus the HTTP status where that helps the service desk. */
function saveFailure(error: unknown): { reason: PanelKey; status?: string } {
  if (error instanceof RetryExhaustedError) return { reason: 'fail.busy' };
  if (error instanceof GraphRequestError) {
    if (error.status === 401 || error.status === 403) return { reason: 'fail.denied' };
    if (error.status === 404) return { reason: 'fail.noList' };
    if (error.status === 429) return { reason: 'fail.busy' };
    // The status for the service desk; SharePoint's own code ("generalException") tells an MT member nothing.
    return { reason: 'fail.other', status: String(error.status) };
  }
  if (error instanceof TypeError) return { reason: 'fail.offline' };
  return { reason: 'fail.other', status: error instanceof Error ? error.message : String(error) };
}

function newClientKey(occurrence: string, itemKey: string): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `${occurrence}|${itemKey}|${random}`.slice(0, 255);
}

function AgendaRow({
  item,
  omschrijving,
  recorded,
  save,
  occurrence,
}: {
  item: PanelItem;
  omschrijving: string | undefined;
  recorded: { besproken: boolean; besluiten: string[] } | undefined;
  save: (input: SaveInput) => Promise<void>;
  occurrence: string;
}) {
  const styles = useStyles();
  const t = useT();
  const pt = useFeatureT(panelTexts);
  const vt = useFeatureT(meetingTexts);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });
  // One key per intended write: a retry after a failure reuses it, so a save that did land is not stored twice.
  const [pending, setPending] = useState<{ what: string; key: string } | undefined>();
  // The tick shows at once; it falls back to what is stored when the save fails.
  const [ticking, setTicking] = useState<boolean | undefined>();
  const besproken = ticking ?? recorded?.besproken ?? false;

  async function write(besprokenValue: boolean, tekst: string): Promise<boolean> {
    const what = `${besprokenValue}|${tekst}`;
    const clientKey = pending?.what === what ? pending.key : newClientKey(occurrence, item.itemKey);
    setPending({ what, key: clientKey });
    setStatus({ kind: 'saving' });
    try {
      await save({ itemKey: item.itemKey, besproken: besprokenValue, tekst, clientKey });
      setPending(undefined);
      setStatus({ kind: 'saved' });
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', ...saveFailure(error), withText: tekst !== '' });
      return false;
    }
  }

  return (
    <li className={styles.row} data-testid="agenda-item" data-item={item.itemKey}>
      <span
        className={styles.title}
        data-testid={item.kind === 'actie' ? 'actie-summary' : 'portfolio-summary'}
        data-nummer={item.label}
      >
        <span className={styles.label}>{item.label}</span>
        {item.titel}
      </span>
      <Caption1 className={styles.reasons}>
        {item.reasons.map((r) => (r === 'ookBespreken' ? vt('reason.ookBespreken') : pt(`reason.${r}`))).join(' · ')}
      </Caption1>
      {item.rij && (
        <Caption1 data-testid="panel-domein-stand">
          {pt('domeinStand', {
            domein: domeinLabel(t, item.rij.domein),
            status: t(STATUS_LABEL[item.rij.status]),
          })}
        </Caption1>
      )}
      {item.voortgang && (
        <Caption1 data-testid="panel-domein-voortgang">
          {t('domeinVoortgang.summary', {
            afgerond: String(item.voortgang.afgerond),
            totaal: String(item.voortgang.totaal),
          })}
        </Caption1>
      )}
      {omschrijving && (
        <details className={styles.omschrijving} data-testid="panel-omschrijving">
          <summary>
            <Caption1>{pt('omschrijving')}</Caption1>
          </summary>
          <Caption1 as="p" block>
            {omschrijving}
          </Caption1>
        </details>
      )}
      <Checkbox
        label={pt('besproken')}
        checked={besproken}
        disabled={status.kind === 'saving'}
        onChange={(_, data) => {
          const checked = data.checked === true;
          setTicking(checked);
          void write(checked, '').finally(() => setTicking(undefined));
        }}
        data-testid="besproken"
      />
      {recorded && recorded.besluiten.length > 0 && (
        <ul className={styles.decisions}>
          {recorded.besluiten.map((b, i) => (
            <li key={i} data-testid="besluit">
              <Caption1>{pt('recorded', { tekst: b })}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <form
        className={styles.decide}
        onSubmit={(e) => {
          e.preventDefault();
          const tekst = text.trim();
          if (tekst === '') return;
          void write(true, tekst).then((ok) => {
            if (ok) setText('');
          });
        }}
      >
        <Input
          aria-label={pt('besluit', { item: `${item.label} ${item.titel}` })}
          className={styles.input}
          size="small"
          value={text}
          maxLength={TEXT_MAX.besluit}
          placeholder={pt('besluitPlaceholder')}
          onChange={(_, d) => setText(d.value)}
          data-testid="besluit-tekst"
        />
        <Button
          size="small"
          type="submit"
          disabled={status.kind === 'saving' || text.trim() === ''}
          data-testid="vastleggen"
        >
          {pt('vastleggen')}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {status.kind === 'saving' && <Caption1>{pt('saving')}</Caption1>}
        {status.kind === 'saved' && <Caption1 className={styles.ok}>{pt('saved')}</Caption1>}
      </div>
      {status.kind === 'failed' && (
        <MessageBar intent="error" data-testid="save-error">
          <MessageBarBody>
            {/* A failed tick says the tick went back, not that typed text is kept: there was none. */}
            {pt(status.withText ? 'saveError' : 'tickError', {
              detail: pt(status.reason, { status: status.status ?? '' }),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}
