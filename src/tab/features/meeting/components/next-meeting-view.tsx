import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Agenda, AgendaActie } from '../../../../domain/agenda.js';
import { agendaKeuzeOpen, agendaKeuzeProblem, type AgendaKeuzeMessage } from '../../../../domain/agenda-keuze.js';
import type { Domein } from '../../../../domain/model.js';
import { nextOccurrence, reminderTime } from '../../../../domain/recurrence.js';
import { formatHash, useRoute } from '../../../app/router.js';
import { mayEditMT } from '../../../../data/mts-store.js';
import { NativeSelect } from '../../../components/native-select.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { formatCalendarDate, formatInstant } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/i18n.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useReminderHolidays } from '../../../lib/reminder-holidays.js';
import { useMeeting, type KeuzeInput } from '../hooks/use-meeting.js';
import { meetingTexts } from '../i18n.js';
import { LoadError } from '../../../components/load-error.js';

type VT = ReturnType<typeof useFeatureT<keyof typeof meetingTexts.nl>>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '56rem' },
  head: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, alignItems: 'end' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { flexGrow: 1, flexBasis: '12rem', minWidth: 0, overflowWrap: 'anywhere' },
  // The action's title as a button that opens it: read as text (from the start, wrapped), not as a centred label
  // that widens the page to its full length.
  titleButton: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    height: 'auto',
    minWidth: 0,
    maxWidth: '100%',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    paddingLeft: 0,
  },
  // The row's number and what follows it are read with a space between them (a margin is not read).
  nummer: { color: tokens.colorBrandForeground1, marginRight: tokens.spacingHorizontalXS },
  reden: { flexBasis: '100%', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  form: { flexBasis: '100%', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  add: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  addChoice: { minWidth: 0, maxWidth: '100%' },
});

/** A problem of the domain's validation in the UI's language (the domain's words in Dutch). */
function probleemTekst(vt: VT, bericht: AgendaKeuzeMessage): string {
  return vt(`fout.${bericht.key}`, 'params' in bericht ? bericht.params : {});
}

/**
 * "Volgende vergadering" (issue 14.3): per MT the next meeting's agenda from the same composition as the card and the
 * side panel, when its card goes out, and before that the secretary's "Ook bespreken" and "Niet nodig" (with a
 * reason). Reachable from the channel tab (its MT) and from Mijn acties (`?mt=<key>`).
 */
/** How long after the card's time it counts as "going out now": the job's round (5 minutes by default) and margin. */
const KAART_BEZIG_MS = 15 * 60_000;

export function NextMeetingView({ domein, onOpenActie }: { domein?: Domein; onOpenActie: (id: string) => void }) {
  const [route, navigate] = useRoute();
  const params = route.params;
  const onParamsChange = (next: URLSearchParams) =>
    navigate(formatHash({ view: 'vergadering', actieId: route.actieId, params: next }), { replace: true });
  const nextMeeting = nextOccurrence;
  const styles = useStyles();
  const vt = useFeatureT(meetingTexts);
  const locale = useLocale();
  const { now, me, plan } = usePlanContext();
  const mtKey = params.get('mt') ?? undefined;
  const v = useMeeting(domein, undefined, nextMeeting, { ...(mtKey ? { mtKey } : {}), upcoming: true });
  const active = v.mts.filter((m) => m.value.actief !== false);
  const mt = v.mt ? v.mts.find((m) => m.id === v.mt?.id) : undefined;
  // Opened without an MT named (from Mijn acties, in a personal tab): the MT whose registration names this person as
  // a Beheerder (its secretary) rather than the CMT, when there is one.
  const own = useMemo(() => {
    if (mtKey !== undefined || domein !== undefined || !me) return undefined;
    const who = { ...(me.id ? { id: me.id } : {}), ...(me.email ? { email: me.email } : {}) };
    return active.find((m) => m.beheerders.length > 0 && mayEditMT(m, who));
  }, [active, mtKey, domein, me]);
  useEffect(() => {
    if (!own || own.value.key === v.mt?.value.key) return;
    const next = new URLSearchParams(params);
    next.set('mt', own.value.key);
    onParamsChange(next);
    // Only when the MT to land on is known or changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [own?.value.key]);

  // The job's holidays from the server: a card that would go out on one goes out on the working day before. Until
  // the server has answered, no time is shown rather than one the job may not keep.
  const holidays = useReminderHolidays();
  const kaartOm = useMemo(
    () =>
      v.start && holidays.settled
        ? reminderTime(v.start, {
            ...(mt?.value.voorlooptijdMinuten !== undefined
              ? { voorlooptijdMinuten: mt.value.voorlooptijdMinuten }
              : {}),
            holidays: holidays.dates,
          })
        : undefined,
    [v.start, mt, holidays],
  );
  // The reminder log's items for this meeting: sent (or being sent), or failed. None after the card's time: not sent
  // (yet), for instance because the MT's channel is not connected; the job still sends it until the meeting starts.
  const log = v.herinneringen.filter((h) => v.agenda !== undefined && h.value.sleutel === v.agenda.occurrence.key);
  const verstuurd = log.some((h) => h.value.status !== 'mislukt');
  const mislukt = !verstuurd && log.length > 0;
  const open = kaartOm !== undefined && agendaKeuzeOpen(now, kaartOm, verstuurd);
  // Just after the card's time the job has usually not had its round yet (every few minutes): the card "goes out
  // now", and the log is read again every minute (the plan's clock) until it says so.
  const bezig =
    kaartOm !== undefined && !open && !verstuurd && !mislukt && now.getTime() < kaartOm.getTime() + KAART_BEZIG_MS;
  const { reload } = v;
  // Not on the first render: the log was just read for it.
  const readAt = useRef(now);
  useEffect(() => {
    if (bezig && now !== readAt.current) reload();
  }, [bezig, now, reload]);
  const mag =
    mt !== undefined &&
    mayEditMT(mt, me ? { ...(me.id ? { id: me.id } : {}), ...(me.email ? { email: me.email } : {}) } : undefined);
  const canChoose = open && mag;

  // A failed read says what failed and offers a retry; an agenda read before stays below it.
  const loadError =
    v.error !== undefined ? (
      <LoadError
        title={vt('loadError')}
        error={v.error}
        kept={v.kept}
        retrying={v.fetching}
        onRetry={v.reload}
        testId="volgende-error"
      />
    ) : null;
  if (loadError && !v.kept) return loadError;
  if (v.loading) return <Spinner label={vt('title')} />;

  return (
    <section className={styles.root} data-testid="volgende-vergadering" aria-labelledby="volgende-title">
      <Title3 as="h2" id="volgende-title">
        {vt('title')}
      </Title3>
      <Body1>{vt('intro')}</Body1>
      {loadError}
      {mtKey !== undefined && !mt && active.length > 0 && (
        <MessageBar intent="warning" data-testid="volgende-onbekend-mt">
          <MessageBarBody>{vt('onbekendMt', { mt: mtKey.slice(0, 80) })}</MessageBarBody>
        </MessageBar>
      )}
      {active.length === 0 ? (
        <Body1>{vt('geenMts')}</Body1>
      ) : (
        <div className={styles.head}>
          <NativeSelect
            label={vt('mt')}
            value={mt?.value.key ?? ''}
            onChange={(key) => {
              const next = new URLSearchParams(params);
              next.set('mt', key);
              onParamsChange(next);
            }}
          >
            {!mt && <option value="" />}
            {active.map((m) => (
              <option key={m.id} value={m.value.key}>
                {m.value.naam}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      {mt && (!v.start || !v.agenda) && <Body1>{vt('geenVergadering', { mt: mt.value.naam })}</Body1>}
      {mt && v.start && v.agenda && kaartOm && (
        <>
          <div data-testid="volgende-wanneer" data-occurrence={v.agenda.occurrence.key}>
            <Subtitle2 as="p" block>
              {vt('wanneer', { datum: formatInstant(v.agenda.occurrence.start, locale) })}
            </Subtitle2>
            <Caption1 as="p" block data-testid="volgende-kaart">
              {verstuurd
                ? vt('kaartVerstuurd')
                : open
                  ? vt('kaartOm', { datum: formatInstant(kaartOm.toISOString(), locale) })
                  : mislukt
                    ? vt('kaartMislukt')
                    : bezig
                      ? vt('kaartGaatNuUit')
                      : vt('kaartNietVerstuurd', { datum: formatInstant(kaartOm.toISOString(), locale) })}
            </Caption1>
          </div>
          {open && !mag && (
            <MessageBar intent="info" data-testid="volgende-alleen-secretaris">
              <MessageBarBody>
                {vt('alleenSecretaris', {
                  namen: mt.beheerders.map((b) => b.displayName ?? b.email ?? '').join(', '),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          <AgendaSections
            agenda={v.agenda}
            vt={vt}
            locale={locale}
            canChoose={canChoose}
            kiezen={v.kiezen}
            intrekken={v.intrekken}
            onOpenActie={onOpenActie}
            kandidaten={(plan?.acties ?? [])
              .filter((a) => a.value.vervallen !== true)
              .map((a) => ({ id: a.id, nummer: a.value.nummer, titel: a.value.titel }))}
          />
        </>
      )}
    </section>
  );
}

type SectionProps = {
  agenda: Agenda;
  vt: VT;
  locale: ReturnType<typeof useLocale>;
  canChoose: boolean;
  kiezen: (input: KeuzeInput) => Promise<void>;
  intrekken: (actieId: string) => Promise<void>;
  onOpenActie: (id: string) => void;
  kandidaten: { id: string; nummer: string; titel: string }[];
};

function failureText(vt: VT, error: unknown): string {
  if (error instanceof Error && error.name === 'AgendaKeuzeConflictError') {
    const nummer = (error as Error & { actieNummer?: string }).actieNummer ?? '';
    return vt('conflict', { nummer });
  }
  // A choice the domain refuses (the form's own checks bypassed): its message in the UI's words, not the store's Dutch.
  if (error instanceof Error && error.name === 'AgendaKeuzeValidationError')
    return probleemTekst(vt, (error as Error & { bericht: AgendaKeuzeMessage }).bericht);
  return vt('mislukt', { detail: error instanceof Error ? error.message : String(error) });
}

/** The card's sections, in the card's order, each action with "Niet nodig" while the secretary may still choose. */
function AgendaSections(props: SectionProps) {
  const { agenda, vt, locale, canChoose } = props;
  const styles = useStyles();
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'failed'; text: string } | undefined>();
  const onListed = new Set(
    [
      ...agenda.ookBespreken,
      ...agenda.overdue,
      ...agenda.blocked,
      ...agenda.dueBeforeNextMeeting,
      ...agenda.withoutOwner,
      ...agenda.nietNodig,
    ].map((a) => a.id),
  );
  const sections: { id: string; title: string; acties: AgendaActie[] }[] = [
    { id: 'ookBespreken', title: vt('section.ookBespreken'), acties: agenda.ookBespreken },
    { id: 'overdue', title: vt('section.overdue'), acties: agenda.overdue },
    { id: 'blocked', title: vt('section.blocked'), acties: agenda.blocked },
    {
      id: 'due',
      title: vt('section.due', { datum: formatCalendarDate(agenda.dueUntil, locale) }),
      acties: agenda.dueBeforeNextMeeting,
    },
    { id: 'withoutOwner', title: vt('section.withoutOwner'), acties: agenda.withoutOwner },
    {
      id: 'changed',
      title: vt('section.changed'),
      acties: agenda.changedSinceLastMeeting.flatMap((c) => (c.kind === 'removed' ? [] : [c.actie])),
    },
  ];
  // `typed`: the reason typed for a "Niet nodig". After a conflict the agenda is read again, and the action may have
  // moved to another section (someone else chose "Ook bespreken"), where its row, and the reason typed in it, is
  // another; the message then keeps that reason.
  const run = (p: Promise<void>, typed?: string) =>
    p.then(
      () => setStatus({ kind: 'saved' }),
      (e: unknown) => {
        const lost = typed && e instanceof Error && e.name === 'AgendaKeuzeConflictError';
        const text = failureText(vt, e);
        setStatus({ kind: 'failed', text: lost ? `${text} ${vt('redenNietOpgeslagen', { reden: typed })}` : text });
      },
    );
  const empty = sections.every((s) => s.acties.length === 0) && agenda.geagendeerd.length === 0;
  return (
    <>
      <div role="status" aria-live="polite" data-testid="volgende-status">
        {status?.kind === 'saved' && <Caption1>{vt('opgeslagen')}</Caption1>}
        {status?.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {agenda.geagendeerd.length > 0 && (
        <section aria-label={vt('section.geagendeerd')} data-testid="volgende-sectie" data-sectie="geagendeerd">
          <Subtitle2 as="h3">{`${vt('section.geagendeerd')} (${agenda.geagendeerd.length})`}</Subtitle2>
          <ul className={styles.list}>
            {agenda.geagendeerd.map((g) => (
              <li key={g.id} className={styles.row}>
                <span className={styles.title}>
                  <span className={styles.nummer}>{g.nummer}</span> {g.titel}
                </span>
                <span className={styles.reden}>{vt('redenTekst', { reden: g.reden })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {empty && <Body1>{vt('leeg')}</Body1>}
      {sections
        .filter((s) => s.acties.length > 0)
        .map((s) => (
          <section key={s.id} aria-label={s.title} data-testid="volgende-sectie" data-sectie={s.id}>
            <Subtitle2 as="h3">{`${s.title} (${s.acties.length})`}</Subtitle2>
            <ul className={styles.list}>
              {s.acties.map((a) => (
                <ActieRegel
                  key={a.id}
                  actie={a}
                  sectie={s.id}
                  {...props}
                  run={run}
                  // "Ook bespreken" is withdrawn with Terugzetten; elsewhere an action can be taken off.
                  mode={s.id === 'ookBespreken' ? 'terugzetten' : 'nietNodig'}
                />
              ))}
            </ul>
          </section>
        ))}
      {canChoose && (
        <OokBespreken {...props} run={run} kandidaten={props.kandidaten.filter((k) => !onListed.has(k.id))} />
      )}
      {agenda.nietNodig.length > 0 && (
        <section aria-label={vt('section.nietNodig')} data-testid="volgende-sectie" data-sectie="nietNodig">
          <Subtitle2 as="h3">{`${vt('section.nietNodig')} (${agenda.nietNodig.length})`}</Subtitle2>
          <ul className={styles.list}>
            {agenda.nietNodig.map((a) => (
              <ActieRegel key={a.id} actie={a} sectie="nietNodig" {...props} run={run} mode="terugzetten">
                <span className={styles.reden}>{vt('redenTekst', { reden: a.reden })}</span>
              </ActieRegel>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ActieRegel({
  actie,
  sectie,
  vt,
  canChoose,
  kiezen,
  intrekken,
  onOpenActie,
  run,
  mode,
  children,
}: SectionProps & {
  actie: AgendaActie;
  sectie: string;
  run: (p: Promise<void>, typed?: string) => void;
  mode: 'nietNodig' | 'terugzetten';
  children?: ReactNode;
}) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const redenId = useId();
  const item = `${actie.nummer} ${actie.titel}`;
  return (
    <li className={styles.row} data-testid="volgende-actie" data-nummer={actie.nummer} data-sectie={sectie}>
      <span className={styles.title}>
        <span className={styles.nummer}>{actie.nummer}</span>
        <Button
          appearance="transparent"
          size="small"
          className={styles.titleButton}
          onClick={() => onOpenActie(actie.id)}
        >
          {actie.titel}
        </Button>
      </span>
      {children}
      {canChoose && mode === 'terugzetten' && (
        <Button size="small" aria-label={vt('terugzettenBij', { item })} onClick={() => run(intrekken(actie.id))}>
          {vt('terugzetten')}
        </Button>
      )}
      {canChoose && mode === 'nietNodig' && !asking && (
        <Button size="small" aria-label={vt('nietNodigBij', { item })} onClick={() => setAsking(true)}>
          {vt('nietNodig')}
        </Button>
      )}
      {canChoose && mode === 'nietNodig' && asking && (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const p = agendaKeuzeProblem({ keuze: 'Niet nodig', actieId: actie.id, reden });
            if (p) {
              setFout(probleemTekst(vt, p.bericht));
              return;
            }
            setFout(undefined);
            run(kiezen({ actieId: actie.id, keuze: 'Niet nodig', reden: reden.trim() }), reden.trim());
          }}
        >
          <Field
            label={vt('redenBij', { item })}
            required
            validationState={fout ? 'error' : 'none'}
            validationMessage={fout}
          >
            <Textarea id={redenId} value={reden} onChange={(_, d) => setReden(d.value)} resize="vertical" />
          </Field>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" size="small">
              {vt('bevestigen')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setAsking(false);
                setFout(undefined);
              }}
            >
              {vt('annuleren')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}

function OokBespreken({ vt, kiezen, run, kandidaten }: SectionProps & { run: (p: Promise<void>) => void }) {
  const styles = useStyles();
  const [gekozen, setGekozen] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  return (
    <form
      className={styles.add}
      data-testid="volgende-ook-bespreken"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const p = agendaKeuzeProblem({ keuze: 'Ook bespreken', actieId: gekozen });
        if (p) {
          setFout(probleemTekst(vt, p.bericht));
          return;
        }
        setFout(undefined);
        run(kiezen({ actieId: gekozen, keuze: 'Ook bespreken' }).then(() => setGekozen('')));
      }}
    >
      <div className={styles.addChoice}>
        <NativeSelect label={vt('ookBesprekenKies')} value={gekozen} onChange={setGekozen}>
          <option value="">{vt('ookBesprekenGeen')}</option>
          {kandidaten.map((k) => (
            <option key={k.id} value={k.id}>
              {`${k.nummer} ${k.titel}`}
            </option>
          ))}
        </NativeSelect>
        {fout && (
          <Caption1 role="alert" data-testid="volgende-ook-fout">
            {fout}
          </Caption1>
        )}
      </div>
      <Button type="submit">{vt('ookBespreken')}</Button>
    </form>
  );
}
