import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Subtitle1,
  Subtitle2,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useFocusAfterClose } from '../../../lib/use-focus-after-close.js';
import {
  createMtsStore,
  checkMTChange,
  conversationIsChannel,
  mayEditMT,
  mtKeyFor,
  mtNameProblem,
  MTConflictError,
  MTValidationError,
  type MTChange,
  type MTRegistration,
} from '../../../../data/mts-store.js';
import {
  scheduleChoiceFromText,
  upcomingVergaderingen,
  scheduleChoiceProblems,
  scheduleTextFromChoice,
  voorlooptijdMinuten,
  weekdayOf,
  type ScheduleChoice,
} from '../../../../domain/schedule-choice.js';
import { nextOccurrence } from '../../../../domain/recurrence.js';
import { amsterdamDate } from '../../../../domain/dates.js';
import { parseMeetingSchedule, WEEKDAY_CODES, type WeekdayCode } from '../../../../domain/schedule.js';
import { CheckGroup } from '../../../components/check-group.js';
import { LoadError } from '../../../components/load-error.js';
import { DateInput } from '../../../components/date-picker.js';
import type { Domein } from '../../../../domain/model.js';
import { ZOETERMEER_INRICHTING } from '../../../../domain/inrichting-basis.js';
import type { ValidationIssue } from '../../../../domain/validation.js';
import { formatCalendarDate, formatInstant } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/i18n.js';
import { useSettingsT } from '../hooks/use-settings-t.js';
import type { SettingsMessageKey } from '../i18n.js';
import { describeError } from '../../../lib/errors.js';
import { domeinLabel, personName } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { rebaseDraft } from '../../../lib/rebase-draft.js';
import { useReminderHolidays } from '../../../lib/reminder-holidays.js';
import { useJobStatus } from '../hooks/use-job-status.js';
import { useMtSettings } from '../hooks/use-mt-settings.js';
import { channelState, type ChannelState } from '../lib/channel-state.js';
import { leadTimeParts, reminderStatus } from '../lib/reminder-status.js';
import { describeScheduleText } from '../lib/schedule-words.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { assignablePeople } from '../../../../domain/site-user.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '64rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  desc: { margin: 0, overflowWrap: 'anywhere' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
  },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  // Fields start at the top: a neighbour with a hint or an error makes the row taller, and stretching would make the
  // other fields' inputs taller with it (issue 19: Team-id and Kanaal-id were taller than the lead time's input).
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  grow: { flexGrow: 1, minWidth: '14rem' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  plain: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The settings view: every MT's registration, its reminder status, and the server's reminder job. */
export function SettingsView() {
  const styles = useStyles();
  const t = useSettingsT();
  const state = useMtSettings();
  return (
    <section className={styles.root} aria-labelledby="inst-title" data-testid="instellingen">
      <div>
        <Subtitle1 as="h2" id="inst-title" block>
          {t('inst.title')}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {t('inst.intro')}
        </Body1>
      </div>
      <JobBlock />
      {state.status === 'loading' && <Spinner label={t('inst.loading')} />}
      {/* A failed read says what failed and offers a retry; the MTs read before stay below it. */}
      {state.error !== undefined && (
        <LoadError
          title={t('inst.loadError')}
          error={state.error}
          kept={state.data !== undefined}
          retrying={state.fetching}
          onRetry={state.reload}
          testId="inst-load-error"
        />
      )}
      {state.data && <NewMt others={state.data.mts} onCreated={state.add} />}
      {state.data && state.data.mts.length === 0 && <Body1>{t('inst.none')}</Body1>}
      {state.data && (
        <ul className={styles.list}>
          {state.data.mts.map((mt) => (
            <li key={mt.id}>
              <MtCard
                mt={mt}
                others={state.data?.mts ?? []}
                log={state.data?.herinneringen ?? []}
                installaties={state.data?.installaties ?? []}
                onSaved={state.replace}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function JobBlock() {
  const styles = useStyles();
  const t = useSettingsT();
  const locale = useLocale();
  const state = useJobStatus();
  const job = state.data;
  const when = (iso: string | undefined) => (iso ? formatInstant(iso, locale) : t('inst.job.never'));
  return (
    <section className={styles.block} aria-labelledby="job-title" data-testid="job-status">
      <Subtitle2 as="h3" id="job-title">
        {t('inst.job.title')}
      </Subtitle2>
      {state.status === 'loading' && <Spinner size="tiny" label={t('inst.job.loading')} />}
      {/* A failed read says so and offers a retry; the status read before stays below it. */}
      {state.error !== undefined && (
        <LoadError
          title={t('inst.job.error')}
          error={state.error}
          kept={job !== undefined}
          retrying={state.fetching}
          onRetry={state.reload}
          testId="job-status-error"
        />
      )}
      {job === null && <Body1>{t('inst.job.none')}</Body1>}
      {job && (
        <>
          <dl className={styles.facts}>
            <dt className={styles.term}>{t('inst.job.lastRun')}</dt>
            <dd className={styles.desc}>{job.running ? t('inst.job.running') : when(job.lastRunEndedAt)}</dd>
            <dt className={styles.term}>{t('inst.job.nextRun')}</dt>
            <dd className={styles.desc}>{when(job.nextRunAt)}</dd>
            <dt className={styles.term}>{t('inst.job.sent')}</dt>
            <dd className={styles.desc} data-testid="job-sent">
              {job.totals.sent}
            </dd>
            <dt className={styles.term}>{t('inst.job.failed')}</dt>
            <dd className={styles.desc} data-testid="job-failed">
              {job.totals.failed}
            </dd>
            <dt className={styles.term}>{t('inst.job.lastError')}</dt>
            <dd className={styles.desc}>
              {job.lastError ? `${job.lastError.kind} (${when(job.lastError.at)})` : t('inst.job.noError')}
            </dd>
          </dl>
          <Caption1 className={styles.muted}>{t('inst.job.since')}</Caption1>
        </>
      )}
    </section>
  );
}

function useLeadText(): (minutes: number | undefined) => string {
  const t = useSettingsT();
  return (minutes) => {
    const parts = leadTimeParts(minutes);
    if (parts.unit === 'default') return t('inst.lead.default');
    const key: Record<typeof parts.unit, SettingsMessageKey> = {
      days: 'inst.lead.days',
      hours: 'inst.lead.hours',
      minutes: 'inst.lead.minutes',
    };
    return t(key[parts.unit], { count: parts.count });
  };
}

const CHANNEL_TEXT: Record<Exclude<ChannelState['kind'], 'eerste-kaart'>, SettingsMessageKey> = {
  verbonden: 'inst.kanaal.verbonden',
  'ander-kanaal': 'inst.kanaal.anderKanaal',
  'geen-team': 'inst.kanaal.geenTeam',
  'niet-geinstalleerd': 'inst.kanaal.nietGeinstalleerd',
};

function MtCard({
  mt,
  others,
  log,
  installaties,
  onSaved,
}: {
  mt: MTRegistration;
  /** Every MT, for the name check. */
  others: readonly MTRegistration[];
  log: Parameters<typeof reminderStatus>[1];
  installaties: Parameters<typeof channelState>[1];
  onSaved: (mt: MTRegistration) => void;
}) {
  const styles = useStyles();
  const t = useSettingsT();
  const locale = useLocale();
  const leadText = useLeadText();
  const { me, now } = usePlanContext();
  const [editing, setEditing] = useState(false);
  // When the form closes, the focus goes back to "Wijzigen"; without it (this person was taken off the Beheerders
  // meanwhile), to the MT's card.
  const editButton = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLElement>(null);
  useFocusAfterClose(editing, editButton, card);
  const canEdit = mayEditMT(mt, me);
  const beheerderNames = mt.beheerders.map((b) => personName(t, b)).join(', ');
  const v = mt.value;
  // Cancelled meetings that have passed no longer matter: the words name today's and later ones.
  const words = v.schema
    ? (describeScheduleText(v.schema, locale, amsterdamDate(now)) ?? t('inst.schemaUnreadable'))
    : t('inst.schemaNone');
  const headingId = `mt-${mt.id}-title`;
  const channel = channelState(v, installaties);
  const channelText =
    channel.kind === 'eerste-kaart'
      ? t(channel.kanaal === 'geregistreerd' ? 'inst.kanaal.eersteKaart' : 'inst.kanaal.eersteKaartAlgemeen')
      : t(CHANNEL_TEXT[channel.kind]);
  return (
    <article
      ref={card}
      tabIndex={-1}
      className={styles.block}
      aria-labelledby={headingId}
      data-testid="mt-card"
      data-mt={v.key}
    >
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId}>
          {v.naam}
        </Subtitle2>
        {v.actief === false && (
          <Badge appearance="outline" color="informative">
            {t('inst.inactief')}
          </Badge>
        )}
        {canEdit && !editing && (
          <Button ref={editButton} onClick={() => setEditing(true)} aria-label={t('inst.editLabel', { mt: v.naam })}>
            {t('inst.edit')}
          </Button>
        )}
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('inst.domeinen')}</dt>
        <dd className={styles.desc}>{v.domeinen.map((d) => domeinLabel(t, d)).join(', ')}</dd>
        <dt className={styles.term}>{t('inst.schema')}</dt>
        <dd className={styles.desc} data-testid="mt-schedule">
          {words}
        </dd>
        <dt className={styles.term}>{t('inst.voorlooptijd')}</dt>
        <dd className={styles.desc} data-testid="mt-lead">
          {leadText(v.voorlooptijdMinuten)}
        </dd>
        <dt className={styles.term}>{t('inst.kanaal')}</dt>
        <dd className={styles.desc} data-testid="mt-channel" data-state={channel.kind}>
          {channel.kind === 'verbonden' ? (
            <Badge appearance="tint" color="success">
              {t('inst.kanaalVerbonden')}
            </Badge>
          ) : (
            <Badge appearance="outline" color="warning">
              {t('inst.kanaalNiet')}
            </Badge>
          )}{' '}
          {channelText}
        </dd>
        <dt className={styles.term}>{t('inst.beheerders')}</dt>
        <dd className={styles.desc}>
          {mt.beheerders.length > 0 ? mt.beheerders.map((b) => personName(t, b)).join(', ') : t('inst.beheerdersNone')}
        </dd>
      </dl>
      {!canEdit && !editing && (
        <MessageBar intent="info" data-testid="mt-readonly">
          <MessageBarBody>{t('inst.readOnly', { names: beheerderNames })}</MessageBarBody>
        </MessageBar>
      )}
      {/* A form open when a refresh takes this person off the Beheerders stays, with what they typed, and says why it
          can no longer be saved (before, it closed and the typed changes were gone). */}
      {editing && (
        <MtForm
          mt={mt}
          others={others}
          revoked={canEdit ? undefined : beheerderNames}
          onDone={() => setEditing(false)}
          onSaved={onSaved}
        />
      )}
      <MtStatus mt={mt} log={log} />
    </article>
  );
}

type LeadUnit = 'dagen' | 'uren' | 'minuten';

/** The draft's fields a problem's path is about (`keuze.tijd` → the picker; `schema` → the text or the picker). */
const DRAFT_FIELDS: Record<string, readonly (keyof Draft)[]> = {
  naam: ['naam'],
  domeinen: ['domeinen'],
  schema: ['schema', 'keuze', 'schemaMode'],
  keuze: ['keuze'],
  voorlooptijdMinuten: ['lead', 'leadUnit'],
  teamId: ['teamId'],
  channelId: ['channelId'],
  beheerders: ['beheerders'],
};

/** Whether the person changed what a problem's path is about since the form opened (an unknown path counts). */
function touched(draft: Draft, start: Draft, path: string): boolean {
  const fields = DRAFT_FIELDS[path.split('.')[0] ?? ''];
  if (!fields) return true;
  return fields.some((f) => JSON.stringify(draft[f]) !== JSON.stringify(start[f]));
}

type Draft = {
  naam: string;
  domeinen: Domein[];
  /** The schedule text as stored; in 'keuze' mode it follows the picker. */
  schema: string;
  schemaMode: 'keuze' | 'tekst';
  keuze: ScheduleChoice;
  lead: string;
  leadUnit: LeadUnit;
  teamId: string;
  channelId: string;
  actief: boolean;
  beheerders: string[];
};

/** The picker's start for a text it cannot show exactly: what the rule says, from its next meeting on. */
function keuzeVoor(schema: string, today: string): ScheduleChoice {
  const exact = scheduleChoiceFromText(schema);
  if (exact) return exact;
  const parsed = parseMeetingSchedule(schema);
  const weekdagen = parsed?.byDay.map((d) => d.day).filter((d, i, all) => all.indexOf(d) === i) ?? [];
  const hour = parsed?.byHour[0] ?? parsed?.dtstart?.hour ?? 9;
  const minute = parsed?.byMinute[0] ?? parsed?.dtstart?.minute ?? 0;
  let next: Date | undefined;
  try {
    next = parsed ? nextOccurrence(parsed, new Date(`${today}T00:00:00Z`)) : undefined;
  } catch {
    next = undefined;
  }
  const eersteDatum = next ? amsterdamDate(next) : today;
  return {
    weekdagen: weekdagen.length > 0 ? weekdagen : [weekdayOf(eersteDatum)],
    tijd: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    elkeWeken: parsed?.freq === 'WEEKLY' ? parsed.interval : 1,
    eersteDatum,
    vervallen: [],
  };
}

function leadDraft(minutes: number | undefined): { lead: string; leadUnit: LeadUnit } {
  const parts = leadTimeParts(minutes);
  if (parts.unit === 'default') return { lead: '', leadUnit: 'dagen' };
  return {
    lead: String(parts.count),
    leadUnit: parts.unit === 'days' ? 'dagen' : parts.unit === 'hours' ? 'uren' : 'minuten',
  };
}

function draftOf(mt: MTRegistration | undefined, today: string): Draft {
  const v = mt?.value;
  const schema = v?.schema ?? '';
  return {
    naam: v?.naam ?? '',
    domeinen: [...(v?.domeinen ?? [])],
    schema,
    schemaMode: schema === '' || scheduleChoiceFromText(schema) ? 'keuze' : 'tekst',
    keuze: keuzeVoor(schema, today),
    ...leadDraft(v?.voorlooptijdMinuten),
    teamId: v?.teamId ?? '',
    channelId: v?.channelId ?? '',
    actief: v?.actief !== false,
    beheerders: mt?.beheerders.map((b) => b.id) ?? [],
  };
}

/** The schedule text a draft stands for. */
function schemaOf(draft: Draft): string {
  return draft.schemaMode === 'keuze'
    ? scheduleChoiceProblems(draft.keuze).length === 0
      ? scheduleTextFromChoice(draft.keuze)
      : ''
    : draft.schema.trim();
}

/** Minutes of the draft's lead time; 'invalid' when it is no whole number ≥ 0; undefined for the default. */
function leadMinutes(draft: Draft): number | undefined | 'invalid' {
  const text = draft.lead.trim();
  if (text === '' || text === '0') return undefined;
  if (!/^\d+$/.test(text)) return 'invalid';
  const aantal = Number(text);
  return draft.leadUnit === 'minuten'
    ? aantal
    : (voorlooptijdMinuten({ aantal, eenheid: draft.leadUnit }) ?? 'invalid');
}

/**
 * The draft moved onto a newer version of the MT (`rebaseDraft`, after a 412): a field this person changed keeps their
 * value, the others take the newer one. The lead time (amount and unit) and the schedule (text, picker and which of
 * the two shows) are one value each over several fields, so each moves as a whole, compared by what it stands for:
 * else 3 typed over 2 hours and their 1 day would make 3 days, a value nobody chose.
 */
function rebaseMtDraft(draft: Draft, from: Draft, to: Draft): Draft {
  const rebased = rebaseDraft(draft, from, to);
  const lead = leadMinutes(draft) === leadMinutes(from) ? to : draft;
  const schedule = schemaOf(draft) === schemaOf(from) ? to : draft;
  return {
    ...rebased,
    lead: lead.lead,
    leadUnit: lead.leadUnit,
    schema: schedule.schema,
    schemaMode: schedule.schemaMode,
    keuze: schedule.keuze,
  };
}

/** The change a draft makes to an MT: only the fields that differ. */
function changeOf(mt: MTRegistration, draft: Draft, today: string): { change: MTChange; leadInvalid: boolean } {
  const before = draftOf(mt, today);
  const change: MTChange = {};
  if (draft.naam.trim() !== before.naam) change.naam = draft.naam.trim();
  if (draft.domeinen.join('|') !== before.domeinen.join('|')) change.domeinen = draft.domeinen;
  const schema = schemaOf(draft);
  if (schema !== before.schema.trim()) change.schema = schema || undefined;
  const lead = leadMinutes(draft);
  const leadInvalid = lead === 'invalid';
  if (!leadInvalid && lead !== mt.value.voorlooptijdMinuten) change.voorlooptijdMinuten = lead;
  if (draft.teamId.trim() !== before.teamId) {
    change.teamId = draft.teamId.trim() || undefined;
    // The group id belonged to the team typed before.
    if (mt.value.groepId !== undefined) change.groepId = undefined;
  }
  if (draft.channelId.trim() !== before.channelId) change.channelId = draft.channelId.trim() || undefined;
  // A conversation the bot recorded for another channel than the one now registered would keep getting the card.
  // The card goes to the registered channel, else the team's General channel (its id is the team's thread id).
  const conversation = mt.value.conversationId;
  if (conversation !== undefined && ('teamId' in change || 'channelId' in change)) {
    const target = draft.channelId.trim() || draft.teamId.trim();
    if (target === '' || !conversationIsChannel(conversation, target)) change.conversationId = undefined;
  }
  if (draft.actief !== before.actief) change.actief = draft.actief;
  if ([...draft.beheerders].sort().join('|') !== [...before.beheerders].sort().join('|'))
    change.beheerders = draft.beheerders;
  return { change, leadInvalid };
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'conflict' }
  | { kind: 'deleted' }
  | { kind: 'invalid' }
  | { kind: 'failed'; detail: string };

const WEEKDAG_KEY: Record<WeekdayCode, SettingsMessageKey> = {
  MO: 'inst.dag.MO',
  TU: 'inst.dag.TU',
  WE: 'inst.dag.WE',
  TH: 'inst.dag.TH',
  FR: 'inst.dag.FR',
  SA: 'inst.dag.SA',
  SU: 'inst.dag.SU',
};

/** "MT toevoegen": a button, then the registration form for a new MT. */
function NewMt({ others, onCreated }: { others: readonly MTRegistration[]; onCreated: (mt: MTRegistration) => void }) {
  const t = useSettingsT();
  const [open, setOpen] = useState(false);
  const add = useRef<HTMLButtonElement>(null);
  // The form takes the button's place: on closing (saved or not) the focus goes back to "MT toevoegen".
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => add.current?.focus());
  };
  if (!open) {
    return (
      <div>
        <Button ref={add} appearance="primary" onClick={() => setOpen(true)} data-testid="mt-add">
          {t('inst.add')}
        </Button>
      </div>
    );
  }
  return (
    <section aria-label={t('inst.addTitle')} data-testid="mt-new">
      <Subtitle2 as="h3" block>
        {t('inst.addTitle')}
      </Subtitle2>
      <MtForm others={others} onDone={close} onSaved={onCreated} />
    </section>
  );
}

/** The registration form: a change to `mt`, or a new MT when `mt` is absent. */
function MtForm({
  mt,
  others = [],
  revoked,
  onDone,
  onSaved,
}: {
  mt?: MTRegistration;
  /** Every MT (this one included): their names may not be taken, their keys not reused. */
  others?: readonly MTRegistration[];
  /** Set (to the Beheerders' names) when this person was taken off the Beheerders while the form was open. */
  revoked?: string | undefined;
  onDone: () => void;
  onSaved: (mt: MTRegistration) => void;
}) {
  const styles = useStyles();
  const t = useSettingsT();
  const say = useDomainText();
  const locale = useLocale();
  const leadText = useLeadText();
  const { session, siteId, plan, now } = usePlanContext();
  const today = amsterdamDate(now);
  // The MT's domains are the site's set-up's (issue 12.8), in its order.
  const inrichting = plan?.inrichting ?? ZOETERMEER_INRICHTING;
  const domeinen = useMemo(() => inrichting.domeinen.map((d) => d.naam), [inrichting]);
  const [base, setBase] = useState(mt);
  const [draft, setDraft] = useState<Draft>(() => draftOf(mt, today));
  const [vervallenNieuw, setVervallenNieuw] = useState('');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [startDraft] = useState(draft);
  const [attempted, setAttempted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const naamRef = useRef<HTMLInputElement>(null);
  // The form takes the place of the button that opened it ("MT toevoegen", or an MT's "Wijzigen"): the focus goes to
  // its first field, not the page.
  useEffect(() => {
    naamRef.current?.focus();
  }, []);
  // After a refused save the focus goes to the first field that says why, not stay on the button.
  const focusFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], input:invalid')?.focus(),
    );
  const users = useMemo(() => assignablePeople(plan?.users ?? []), [plan?.users]);
  const creating = base === undefined;
  const { change, leadInvalid } = useMemo(() => {
    if (base) return changeOf(base, draft, today);
    // A new MT: every field the person filled is part of it.
    const lead = leadMinutes(draft);
    const fields: MTChange & { naam: string } = {
      naam: draft.naam.trim(),
      domeinen: draft.domeinen,
      actief: draft.actief,
    };
    const schema = schemaOf(draft);
    if (schema) fields.schema = schema;
    if (lead !== 'invalid' && lead !== undefined) fields.voorlooptijdMinuten = lead;
    if (draft.teamId.trim()) fields.teamId = draft.teamId.trim();
    if (draft.channelId.trim()) fields.channelId = draft.channelId.trim();
    if (draft.beheerders.length > 0) fields.beheerders = draft.beheerders;
    return { change: fields, leadInvalid: lead === 'invalid' };
  }, [base, draft, today]);
  const issues = useMemo(() => {
    const current = base?.value ?? { key: 'nieuw', naam: '', domeinen: [] };
    const own = checkMTChange(
      current,
      creating ? { ...change, naam: draft.naam.trim() } : change,
      inrichting,
    ).issues.map((i) => ({
      path: i.path,
      message: say(i.message),
    }));
    const picker =
      draft.schemaMode === 'keuze'
        ? scheduleChoiceProblems(draft.keuze).map((p) => ({ path: `keuze.${p.path}`, message: say(p.message) }))
        : [];
    const naamTaken = mtNameProblem(draft.naam, base, others);
    if (naamTaken) own.push({ path: naamTaken.path, message: say(naamTaken.message) });
    const lead = leadInvalid ? [{ path: 'voorlooptijdMinuten', message: t('inst.voorlooptijdGetal') }] : [];
    return [...own.filter((i) => !(leadInvalid && i.path === 'voorlooptijdMinuten')), ...picker, ...lead];
  }, [base, change, creating, draft, leadInvalid, t, say, inrichting, others]);
  const all = [
    ...issues,
    ...serverIssues
      .filter((s) => !issues.some((i) => i.path === s.path))
      .map((i) => ({ path: i.path, message: say(i.message) })),
  ];
  // A new MT's form says nothing about a field before it was filled in or a save was tried (an empty form is no error).
  const shownFor = (path: string) => !creating || attempted || touched(draft, startDraft, path);
  const messageFor = (path: string) => {
    const found = all
      .filter((i) => (i.path === path || i.path.startsWith(`${path}.`)) && shownFor(i.path))
      .map((i) => i.message);
    return found.length > 0
      ? { validationState: 'error' as const, validationMessage: [...new Set(found)].join(' ') }
      : {};
  };
  const idBase = `mt-${mt?.id ?? 'nieuw'}`;
  const setKeuze = (k: Partial<ScheduleChoice>) => setDraft((x) => ({ ...x, keuze: { ...x.keuze, ...k } }));
  const schemaText = schemaOf(draft);
  const lead = leadMinutes(draft);
  // With the job's holidays (from the server), so each card's time is the one the job keeps; none shown until known.
  const holidays = useReminderHolidays();
  const komend = useMemo(
    () =>
      !holidays.settled
        ? undefined
        : schemaText
          ? upcomingVergaderingen(schemaText, now, {
              aantal: 3,
              ...(lead !== 'invalid' && lead !== undefined ? { voorlooptijdMinuten: lead } : {}),
              holidays: holidays.dates,
            })
          : [],
    [schemaText, now, lead, holidays],
  );
  const label = creating ? t('inst.addTitle') : t('inst.editLabel', { mt: base.value.naam });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (revoked !== undefined || saveState.kind === 'saving') return;
    setAttempted(true);
    if (issues.length > 0) {
      setSaveState({ kind: 'invalid' });
      focusFirstProblem();
      return;
    }
    if (!siteId) return;
    setSaveState({ kind: 'saving' });
    try {
      const s = await session();
      const store = createMtsStore(s.graph, siteId);
      const saved = base
        ? await store.update(base, change)
        : await store.create(
            mtKeyFor(
              draft.naam,
              others.map((o) => o.value.key),
            ),
            { ...change, naam: draft.naam.trim() },
          );
      onSaved(saved);
      setSaveState({ kind: 'idle' });
      onDone();
    } catch (error) {
      if (error instanceof MTValidationError) {
        setServerIssues(error.issues);
        setSaveState({ kind: 'invalid' });
        focusFirstProblem();
      } else if (error instanceof MTConflictError) {
        if (error.theirs) {
          // Their version becomes the base (shown above). The draft moves onto it: the person's own edits stay, and a
          // field they did not touch shows the other's value, so the next save does not put its old value back over
          // the other's change (before, the whole draft was compared with their version, and every field the other
          // changed counted as this person's change).
          const theirs = error.theirs;
          const from = base;
          if (from) setDraft((d) => rebaseMtDraft(d, draftOf(from, today), draftOf(theirs, today)));
          setBase(theirs);
          onSaved(theirs);
          setSaveState({ kind: 'conflict' });
        } else {
          setSaveState({ kind: 'deleted' });
        }
      } else {
        const described = describeError(error);
        setSaveState({ kind: 'failed', detail: t(described.key, { detail: described.detail ?? '' }) });
      }
    }
  };

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      aria-label={label}
      data-testid="mt-form"
      noValidate
    >
      {revoked !== undefined && (
        <MessageBar intent="warning" layout="multiline" data-testid="mt-revoked">
          <MessageBarBody>{t('inst.revoked', { names: revoked })}</MessageBarBody>
        </MessageBar>
      )}
      {saveState.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" data-testid="mt-conflict">
          <MessageBarBody>{t('inst.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {saveState.kind === 'deleted' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('inst.deleted')}</MessageBarBody>
        </MessageBar>
      )}
      {saveState.kind === 'invalid' && all.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{t('inst.invalid')}</MessageBarBody>
        </MessageBar>
      )}
      {saveState.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('inst.saveFailed', { detail: '' })}</MessageBarTitle>
            {saveState.detail}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('inst.naam')} required {...messageFor('naam')}>
        <Input
          ref={naamRef}
          value={draft.naam}
          maxLength={255}
          onChange={(_, data) => setDraft((x) => ({ ...x, naam: data.value }))}
        />
      </Field>
      <CheckGroup label={t('inst.domeinen')} error={messageFor('domeinen').validationMessage} row>
        {domeinen.map((d) => (
          <Checkbox
            key={d}
            // Its own id: inside a Field every control would otherwise get the Field's one id, and each label would
            // toggle the first box.
            id={`${idBase}-domein-${d.replace(/\s+/g, '-')}`}
            label={domeinLabel(t, d)}
            checked={draft.domeinen.includes(d)}
            onChange={(_, data) =>
              setDraft((x) => ({
                ...x,
                domeinen: data.checked
                  ? domeinen.filter((o) => o === d || x.domeinen.includes(o))
                  : x.domeinen.filter((o) => o !== d),
              }))
            }
          />
        ))}
      </CheckGroup>
      <fieldset className={styles.fieldset} data-testid="mt-schedule-picker">
        <legend>{t('inst.schema')}</legend>
        {draft.schemaMode === 'keuze' ? (
          <>
            <CheckGroup row label={t('inst.keuze.dagen')} error={messageFor('keuze.weekdagen').validationMessage}>
              {WEEKDAY_CODES.map((d) => (
                <Checkbox
                  key={d}
                  id={`${idBase}-dag-${d}`}
                  label={t(WEEKDAG_KEY[d])}
                  checked={draft.keuze.weekdagen.includes(d)}
                  onChange={(_, data) =>
                    setKeuze({
                      weekdagen: data.checked
                        ? WEEKDAY_CODES.filter((o) => o === d || draft.keuze.weekdagen.includes(o))
                        : draft.keuze.weekdagen.filter((o) => o !== d),
                    })
                  }
                />
              ))}
            </CheckGroup>
            <div className={styles.row}>
              <Field label={t('inst.keuze.tijd')} hint={t('inst.keuze.tijdHint')} {...messageFor('keuze.tijd')}>
                <Input
                  value={draft.keuze.tijd}
                  inputMode="numeric"
                  onChange={(_, data) => setKeuze({ tijd: data.value.trim() })}
                />
              </Field>
              <Field label={t('inst.keuze.elkeWeken')} {...messageFor('keuze.elkeWeken')}>
                <Input
                  type="number"
                  min={1}
                  max={13}
                  value={String(draft.keuze.elkeWeken)}
                  onChange={(_, data) => setKeuze({ elkeWeken: data.value.trim() === '' ? 0 : Number(data.value) })}
                />
              </Field>
              <Field label={t('inst.keuze.eersteDatum')} {...messageFor('keuze.eersteDatum')}>
                <DateInput value={draft.keuze.eersteDatum} onChange={(v) => setKeuze({ eersteDatum: v })} />
              </Field>
            </div>
            <Field
              label={t('inst.keuze.vervallen')}
              hint={t('inst.keuze.vervallenHint')}
              {...messageFor('keuze.vervallen')}
            >
              <div className={styles.row}>
                <DateInput
                  value={vervallenNieuw}
                  onChange={setVervallenNieuw}
                  min={draft.keuze.eersteDatum}
                  aria-label={t('inst.keuze.vervallenNieuw')}
                />
                <Button
                  type="button"
                  disabled={vervallenNieuw === ''}
                  onClick={() => {
                    setKeuze({ vervallen: [...new Set([...draft.keuze.vervallen, vervallenNieuw])].sort() });
                    setVervallenNieuw('');
                  }}
                >
                  {t('inst.keuze.vervallenToevoegen')}
                </Button>
              </div>
            </Field>
            {draft.keuze.vervallen.length > 0 && (
              <ul className={styles.plain} data-testid="mt-vervallen">
                {draft.keuze.vervallen.map((d) => (
                  <li key={d}>
                    {formatCalendarDate(d, locale)}{' '}
                    <Button
                      size="small"
                      appearance="subtle"
                      type="button"
                      onClick={() => setKeuze({ vervallen: draft.keuze.vervallen.filter((x) => x !== d) })}
                      aria-label={t('inst.keuze.vervallenWeg', { datum: formatCalendarDate(d, locale) })}
                    >
                      {t('inst.keuze.weg')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div>
              <Button
                type="button"
                appearance="subtle"
                onClick={() => setDraft((x) => ({ ...x, schemaMode: 'tekst', schema: schemaOf(x) || x.schema }))}
              >
                {t('inst.keuze.alsTekst')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <Field label={t('inst.schemaTekst')} hint={t('inst.schemaHint')} {...messageFor('schema')}>
              <Textarea
                value={draft.schema}
                resize="vertical"
                onChange={(_, data) => setDraft((x) => ({ ...x, schema: data.value }))}
              />
            </Field>
            <div>
              <Button
                type="button"
                appearance="subtle"
                onClick={() => setDraft((x) => ({ ...x, schemaMode: 'keuze', keuze: keuzeVoor(x.schema, today) }))}
              >
                {t('inst.keuze.kiezen')}
              </Button>
            </div>
          </>
        )}
      </fieldset>
      <div className={styles.row}>
        <Field
          label={t('inst.voorlooptijdField')}
          hint={t('inst.voorlooptijdHint')}
          {...messageFor('voorlooptijdMinuten')}
        >
          <div className={styles.actions}>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              value={draft.lead}
              onChange={(_, data) => setDraft((x) => ({ ...x, lead: data.value }))}
              aria-label={t('inst.voorlooptijdAantal')}
            />
            <Dropdown
              aria-label={t('inst.voorlooptijdEenheid')}
              value={t(
                draft.leadUnit === 'dagen'
                  ? 'inst.eenheid.dagen'
                  : draft.leadUnit === 'uren'
                    ? 'inst.eenheid.uren'
                    : 'inst.eenheid.minuten',
              )}
              selectedOptions={[draft.leadUnit]}
              onOptionSelect={(_, data) =>
                setDraft((x) => ({ ...x, leadUnit: (data.optionValue as LeadUnit | undefined) ?? x.leadUnit }))
              }
            >
              <Option value="dagen">{t('inst.eenheid.dagen')}</Option>
              <Option value="uren">{t('inst.eenheid.uren')}</Option>
              {draft.leadUnit === 'minuten' && <Option value="minuten">{t('inst.eenheid.minuten')}</Option>}
            </Dropdown>
          </div>
        </Field>
        <Field label={t('inst.teamId')} hint={t('inst.idHint')} className={styles.grow} {...messageFor('teamId')}>
          <Input value={draft.teamId} onChange={(_, data) => setDraft((x) => ({ ...x, teamId: data.value }))} />
        </Field>
        <Field label={t('inst.channelId')} hint={t('inst.idHint')} className={styles.grow} {...messageFor('channelId')}>
          <Input value={draft.channelId} onChange={(_, data) => setDraft((x) => ({ ...x, channelId: data.value }))} />
        </Field>
      </div>
      <section aria-label={t('inst.komend')} data-testid="mt-komend">
        <Caption1 block>{t('inst.komend')}</Caption1>
        {komend === undefined ? null : komend.length === 0 ? (
          <Body1 block className={styles.muted}>
            {t('inst.komendGeen')}
          </Body1>
        ) : (
          <ol className={styles.plain}>
            {komend.map((k) => (
              <li key={k.start.toISOString()}>
                {t('inst.komendItem', {
                  vergadering: formatInstant(k.start.toISOString(), locale),
                  kaart: formatInstant(k.kaartOm.toISOString(), locale),
                })}
              </li>
            ))}
          </ol>
        )}
        <Caption1 block className={styles.muted}>
          {leadText(lead === 'invalid' ? undefined : lead)}
        </Caption1>
        {holidays.settled && holidays.known && (
          <Caption1 block className={styles.muted}>
            {t('inst.komendFeestdag')}
          </Caption1>
        )}
      </section>
      <Switch
        label={t('inst.actief')}
        checked={draft.actief}
        onChange={(_, data) => setDraft((x) => ({ ...x, actief: data.checked }))}
      />
      <Field label={t('inst.beheerders')} hint={t('inst.beheerdersHint')} {...messageFor('beheerders')}>
        <Dropdown
          id={`${idBase}-beheerders`}
          multiselect
          selectedOptions={draft.beheerders}
          value={
            users
              .filter((u) => draft.beheerders.includes(u.id ?? ''))
              .map((u) => personName(t, u))
              .join(', ') ||
            (base?.beheerders.map((b) => personName(t, b)).join(', ') ?? '')
          }
          placeholder={t('inst.beheerdersNone')}
          onOptionSelect={(_, data) => setDraft((x) => ({ ...x, beheerders: data.selectedOptions }))}
        >
          {users.map((u) => (
            <Option key={u.id} value={u.id ?? ''}>
              {personName(t, u)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        {/* Focusable while saving: a disabled button drops the focus to the page. */}
        <Button
          type="submit"
          appearance="primary"
          disabled={revoked !== undefined}
          disabledFocusable={saveState.kind === 'saving'}
        >
          {saveState.kind === 'saving' ? t('inst.saving') : creating ? t('inst.addSave') : t('inst.save')}
        </Button>
        <Button type="button" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function MtStatus({ mt, log }: { mt: MTRegistration; log: Parameters<typeof reminderStatus>[1] }) {
  const styles = useStyles();
  const t = useSettingsT();
  const locale = useLocale();
  const { now, plan } = usePlanContext();
  // The job's holidays (from the server): the reminder time is shown once they are known.
  const holidays = useReminderHolidays();
  const status = useMemo(
    () => reminderStatus(mt, log, now, holidays.settled ? holidays.dates : []),
    [mt, log, now, holidays],
  );
  const userName = (id: string | undefined) =>
    id ? ((u) => (u ? personName(t, u) : id))(plan?.users.find((u) => u.id === id)) : t('common.unknown');
  const when = (iso: string) => formatInstant(iso, locale);
  const noNextKey: Record<NonNullable<typeof status.noNext>, SettingsMessageKey> = {
    inactive: 'inst.status.noNext.inactive',
    'no-schedule': 'inst.status.noNext.noSchedule',
    'invalid-schedule': 'inst.status.noNext.invalid',
    'none-soon': 'inst.status.noNext.noneSoon',
  };
  // A reminder is "planned" only while it is: once its time has passed or the log has it, it says what happened.
  const reminderText = (next: NonNullable<typeof status.next>): string => {
    const time = when(next.reminderAt.toISOString());
    if (next.logged === 'verzonden') return t('inst.status.reminderSent', { time });
    if (next.logged === 'mislukt') return t('inst.status.reminderFailed');
    if (next.logged === 'geclaimd') return t('inst.status.reminderClaimed');
    return next.due ? t('inst.status.reminderDue', { time }) : time;
  };
  const headingId = `mt-${mt.id}-status`;
  return (
    <section aria-labelledby={headingId} data-testid="mt-status">
      <Subtitle2 as="h4" id={headingId}>
        {t('inst.status.title')}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('inst.status.next')}</dt>
        <dd className={styles.desc} data-testid="mt-next-meeting">
          {status.next ? when(status.next.meeting.toISOString()) : t(noNextKey[status.noNext ?? 'none-soon'])}
        </dd>
        {status.next && holidays.settled && (
          <>
            <dt className={styles.term}>
              {t(!status.next.logged && !status.next.due ? 'inst.status.reminderAt' : 'inst.status.reminder')}
            </dt>
            <dd className={styles.desc} data-testid="mt-next-reminder">
              {reminderText(status.next)}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t('inst.status.lastSent')}</dt>
        <dd className={styles.desc} data-testid="mt-last-sent">
          {status.lastSent ? (
            <>
              {t('inst.status.lastSentFor', { time: when(status.lastSent.moment) })}{' '}
              {status.lastSent.besprokenOp
                ? t('inst.status.besproken', {
                    name: userName(status.lastSent.besprokenDoorId),
                    time: when(status.lastSent.besprokenOp),
                  })
                : t('inst.status.nietBesproken')}
            </>
          ) : (
            t('inst.status.lastSentNone')
          )}
        </dd>
      </dl>
      {status.failed.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="mt-failed">
          <MessageBarBody>
            <MessageBarTitle>{t('inst.status.failed')}</MessageBarTitle>
            <ul className={styles.plain}>
              {status.failed.map((h) => (
                <li key={h.sleutel}>
                  {t('inst.status.failedItem', { time: when(h.moment), error: h.fout ?? t('common.unknown') })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {status.unfinished.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="mt-unfinished">
          <MessageBarBody>
            <MessageBarTitle>{t('inst.status.unfinished')}</MessageBarTitle>
            <ul className={styles.plain}>
              {status.unfinished.map((h) => (
                <li key={h.sleutel}>{t('inst.status.unfinishedItem', { time: when(h.moment) })}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
