import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { currentKwartaal } from '../../../../domain/dates.js';
import { BEHAALD_VALUES, type Behaald, type Kwartaaldoel, type PortfolioItem } from '../../../../domain/model.js';
import { TEXT_MAX } from '../../../../domain/text-limits.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import {
  PortfolioConflictError,
  PortfolioValidationError,
  type KwartaaldoelChange,
} from '../../../../data/portfolio-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { useFocusAfterClose } from '../../../lib/use-focus-after-close.js';
import type { PortfolioState } from '../api/use-portfolio.js';
import {
  clearGoalDraft,
  goalDraftIds,
  goalForm,
  loadGoalDraft,
  rebaseGoalForm,
  saveGoalDraft,
  type GoalDraft,
  type GoalDraftTarget,
  type GoalForm,
} from '../lib/goal-draft.js';
import { quarterChoices, quarterText } from '../lib/quarter-text.js';
import { usePortfolioDetailStyles as useStyles } from './portfolio-detail-styles.js';

type Said = { intent: 'success' | 'error' | 'warning' | 'info'; text: string };

/** A field of a goal's form that the domain can refuse, said on that field. */
type GoalField = keyof GoalForm;
type FieldIssue = { field: GoalField; text: string };
type T = ReturnType<typeof usePortfolioT>;

const FIELD_LABEL = {
  kwartaal: 'pf.tab.kwartaal',
  doel: 'pf.goals.doel',
  behaald: 'pf.goals.outcome',
  reden: 'pf.goals.reason',
} as const;

function fieldOfIssue(path: string): GoalField {
  const head = path.split('.')[0];
  return head === 'kwartaal' || head === 'doel' || head === 'behaald' ? head : 'reden';
}

/** A sentence and, when both people changed a field, which ones (their labels, in the form's order). */
function withBoth(t: T, text: string, both: readonly GoalField[]): string {
  if (both.length === 0) return text;
  const fields = both.map((f) => t(FIELD_LABEL[f]).toLowerCase()).join(', ');
  return `${text} ${t('pf.goals.bothChanged', { fields })}`;
}

/**
 * The initiative's quarter goals (3.3), newest quarter first. Whoever may edit the portfolio (the IMO) adds a goal for
 * a quarter, records its outcome afterwards (behaald, deels, niet, with a reason), corrects a goal's text or quarter,
 * and deletes a goal. Every write goes through the portfolio store: validated first, a change or a delete with
 * If-Match, so someone else's change meanwhile is a visible conflict and never overwritten. What was typed stays: in
 * the form when a write fails, and as a draft (`goal-draft.ts`) when the panel closes before it was saved; the draft
 * of a goal someone else deleted meanwhile comes back in the new goal's form.
 */
export function PortfolioGoals({
  item,
  portfolio,
  titleId,
  canEdit,
}: {
  item: Loaded<PortfolioItem>;
  portfolio: PortfolioState;
  titleId: string;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const { userKey } = usePlanContext();
  const portfolioKey = item.value.key;
  // What the section says (a goal deleted here, or one deleted elsewhere while this person worked on it); the count
  // makes the same sentence a new message, said again.
  const [said, setSaid] = useState<(Said & { n: number }) | undefined>();
  const say = (next: Said) => setSaid((before) => ({ ...next, n: (before?.n ?? 0) + 1 }));
  // Remounts the new goal's form, which then reads the draft moved into it.
  const [newGoalRound, setNewGoalRound] = useState(0);
  const section = useRef<HTMLElement>(null);
  const doelen = (portfolio.data?.kwartaaldoelen ?? [])
    .filter((d) => d.value.portfolioKey === portfolioKey)
    .sort((a, b) => b.value.kwartaal.localeCompare(a.value.kwartaal) || Number(a.id) - Number(b.id));
  const ids = doelen.map((d) => d.id).join(',');

  // A draft of a goal that is no longer there (deleted elsewhere while this person typed in it): its text goes into
  // the new goal's form, to add again or throw away, instead of staying in storage unseen. Only while the portfolio
  // is not being read again (a list read moments ago may still hold a goal that is gone, never the other way round),
  // and only when the new goal's form has no draft of its own.
  useEffect(() => {
    if (!canEdit || portfolio.status !== 'ready' || portfolio.fetching) return;
    const live = new Set(ids.split(','));
    const gone = goalDraftIds(userKey, portfolioKey).find((id) => !live.has(id));
    if (gone === undefined) return;
    const newGoal: GoalDraftTarget = { portfolioKey, goalId: 'nieuw' };
    if (loadGoalDraft(userKey, newGoal)) return;
    const orphan = loadGoalDraft(userKey, { portfolioKey, goalId: gone });
    if (orphan && !saveGoalDraft(userKey, newGoal, { form: orphan.form })) return;
    clearGoalDraft(userKey, { portfolioKey, goalId: gone });
    if (!orphan) return;
    setNewGoalRound((n) => n + 1);
    setSaid((before) => ({ intent: 'warning', text: t('pf.goals.orphaned'), n: (before?.n ?? 0) + 1 }));
    // The row whose form had the focus went with the goal: the focus comes to the section that says why.
    if (document.activeElement === document.body) section.current?.focus();
  }, [canEdit, portfolio.status, portfolio.fetching, ids, userKey, portfolioKey, t]);

  if (doelen.length === 0 && !canEdit) return null;
  const onRemoved = (text: string) => {
    say({ intent: 'success', text });
    section.current?.focus();
  };
  return (
    <section aria-labelledby={`${titleId}-doelen`} data-testid="portfolio-goals" ref={section} tabIndex={-1}>
      <Subtitle2 as="h3" id={`${titleId}-doelen`}>
        {t('pf.goals.title')}
      </Subtitle2>
      {said && (
        <MessageBar key={said.n} intent={said.intent} data-testid="portfolio-goals-message">
          <MessageBarBody>{said.text}</MessageBarBody>
        </MessageBar>
      )}
      {doelen.length === 0 ? (
        <Body1 as="p">{t('pf.goals.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {doelen.map((d) => (
            <GoalRow key={d.id} doel={d} portfolio={portfolio} canEdit={canEdit} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
      {canEdit && <NewGoal key={`${portfolioKey}|${newGoalRound}`} item={item} portfolio={portfolio} />}
    </section>
  );
}

/**
 * The form's state kept as a draft per person and goal: `keep` writes it with every keystroke, `forget` removes it
 * (saved, cancelled); `restored` is the draft found when the row or form mounted.
 */
function useGoalDraft(target: GoalDraftTarget, enabled: boolean) {
  const { userKey } = usePlanContext();
  const [restored] = useState(() => (enabled ? loadGoalDraft(userKey, target) : undefined));
  const [blocked, setBlocked] = useState(false);
  return {
    restored,
    blocked,
    keep: (form: GoalForm, base?: Loaded<Kwartaaldoel>) =>
      setBlocked(!saveGoalDraft(userKey, target, base ? { form, base } : { form })),
    forget: () => {
      clearGoalDraft(userKey, target);
      setBlocked(false);
    },
  };
}

/**
 * Where a goal's form starts: a draft typed against an older version of the goal is moved onto the goal as it is now
 * (the fields this person did not change take the current values), and says so.
 */
function startingForm(restored: GoalDraft | undefined, doel: Loaded<Kwartaaldoel>, t: T) {
  if (!restored) return { base: doel, form: goalForm(doel.value), said: undefined };
  const said: Said = { intent: 'info', text: t('pf.goals.draftRestored') };
  if (!restored.base || restored.base.eTag === doel.eTag)
    return { base: restored.base ?? doel, form: restored.form, said };
  const moved = rebaseGoalForm(restored.form, restored.base.value, doel.value);
  return { base: doel, form: moved.form, said: { ...said, text: withBoth(t, said.text, moved.both) } };
}

function GoalRow({
  doel,
  portfolio,
  canEdit,
  onRemoved,
}: {
  doel: Loaded<Kwartaaldoel>;
  portfolio: PortfolioState;
  canEdit: boolean;
  onRemoved: (text: string) => void;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const say = useDomainText();
  const { now } = usePlanContext();
  const draft = useGoalDraft({ portfolioKey: doel.value.portfolioKey, goalId: doel.id }, canEdit);
  const [start] = useState(() => startingForm(draft.restored, doel, t));
  const [open, setOpen] = useState(draft.restored !== undefined);
  // The version the form was opened on (or its draft moved onto): the change and its If-Match are against it.
  const [base, setBase] = useState<Loaded<Kwartaaldoel>>(start.base);
  const [form, setForm] = useState<GoalForm>(start.form);
  // The form as last typed, for an answer that comes after more typing (the fields stay editable during a write).
  const latest = useRef(form);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState<Said | undefined>(start.said);
  const [fieldIssue, setFieldIssue] = useState<FieldIssue | undefined>();
  // The field the form opens on: the outcome ("Uitkomst vastleggen") or the goal's text ("Doel wijzigen").
  const [focusOn, setFocusOn] = useState<GoalField | undefined>();
  const outcomeButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const fields = {
    kwartaal: useRef<HTMLSelectElement>(null),
    doel: useRef<HTMLTextAreaElement>(null),
    behaald: useRef<HTMLSelectElement>(null),
    reden: useRef<HTMLTextAreaElement>(null),
  } satisfies Record<GoalField, RefObject<HTMLElement | null>>;
  // A goal of a later quarter has no outcome yet (kwartaaldoelOutcomeIssues): no button to record one, unless one is
  // stored (then it can be corrected or cleared). Its form still shows the field, which refuses with the reason.
  const outcomeOffered = doel.value.behaald !== undefined || doel.value.kwartaal <= currentKwartaal(now);
  const outcomeOrEdit = outcomeOffered ? outcomeButton : editButton;
  useFocusAfterClose(open, focusOn === 'doel' ? editButton : outcomeOrEdit, outcomeOrEdit);
  // "Niet verwijderen", or a delete refused by a conflict: back to the button that asked.
  useFocusAfterClose(confirming, removeButton);
  useEffect(() => {
    if (open && focusOn) fields[focusOn].current?.focus();
    // The refs are stable; the focus moves when the form opens on a field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, focusOn]);
  // The goal's own text names its buttons and form for a screen reader: every goal has the same "Uitkomst vastleggen".
  const textId = useId();
  const choices = withChoice(quarterChoices(now), form.kwartaal);

  const show = (next: GoalForm) => {
    latest.current = next;
    setForm(next);
  };
  const edit = (field: GoalField, value: string) => {
    const next = { ...latest.current, [field]: value } as GoalForm;
    show(next);
    draft.keep(next, base);
    if (fieldIssue?.field === field) setFieldIssue(undefined);
  };
  const refuse = (issue: FieldIssue) => {
    setFieldIssue(issue);
    fields[issue.field].current?.focus();
  };
  const close = (message?: Said) => {
    draft.forget();
    setConfirming(false);
    setFieldIssue(undefined);
    setSaid(message);
    setOpen(false);
  };
  // Someone else's version: the form moves onto it (a field this person did not change takes their value, so saving
  // again never writes the form's stale copy over their edit), and the next write is against it.
  const takeTheirs = (theirs: Loaded<Kwartaaldoel>, text: string) => {
    const moved = rebaseGoalForm(latest.current, base.value, theirs.value);
    portfolio.replaceDoel(theirs);
    setBase(theirs);
    show(moved.form);
    draft.keep(moved.form, theirs);
    setSaid({ intent: 'warning', text: withBoth(t, text, moved.both) });
  };
  const begin = (field: GoalField) => {
    setBase(doel);
    show(goalForm(doel.value));
    setSaid(undefined);
    setFieldIssue(undefined);
    setFocusOn(field);
    setOpen(true);
  };
  const failed = (error: unknown) =>
    setSaid({
      intent: 'error',
      text: t('pf.detail.saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const typed = latest.current;
    const was = goalForm(base.value);
    const change: KwartaaldoelChange = {};
    if (typed.kwartaal !== was.kwartaal) change.kwartaal = typed.kwartaal;
    if (typed.doel.trim() !== was.doel.trim()) change.doel = typed.doel.trim();
    if (typed.behaald !== was.behaald) change.behaald = typed.behaald === '' ? undefined : typed.behaald;
    if (typed.reden.trim() !== was.reden.trim())
      change.reden = typed.reden.trim() === '' ? undefined : typed.reden.trim();
    if (typed.doel.trim() === '') {
      refuse({ field: 'doel', text: t('pf.goals.doelRequired') });
      return;
    }
    if (Object.keys(change).length === 0) {
      close({ intent: 'success', text: t('pf.detail.noChanges') });
      return;
    }
    setBusy(true);
    setSaid(undefined);
    setFieldIssue(undefined);
    try {
      const saved = await (await portfolio.store()).updateKwartaaldoel(base, change);
      portfolio.replaceDoel(saved);
      const goalChanged = change.doel !== undefined || change.kwartaal !== undefined;
      close({ intent: 'success', text: t(goalChanged ? 'pf.goals.goalSaved' : 'pf.goals.saved') });
    } catch (error) {
      if (error instanceof PortfolioConflictError && error.theirs) {
        // Their version is shown; what this person changed stays in the form (and its draft), to check and save again.
        takeTheirs(error.theirs as Loaded<Kwartaaldoel>, t('pf.goals.conflict'));
      } else if (error instanceof PortfolioConflictError) {
        // Deleted meanwhile: the goals are read again and the row goes; the draft stays, and the section puts it in
        // the new goal's form (`PortfolioGoals`), so what was typed is not lost with the row.
        setOpen(false);
        portfolio.invalidate();
      } else if (error instanceof PortfolioValidationError && error.issues[0]) {
        // Said on its field, with the focus there; nothing was written.
        const issue = error.issues[0];
        refuse({ field: fieldOfIssue(issue.path), text: say(issue.message) });
      } else {
        failed(error);
      }
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setSaid(undefined);
    try {
      await (await portfolio.store()).removeKwartaaldoel(base);
      draft.forget();
      portfolio.dropDoel(doel.id);
      onRemoved(t('pf.goals.removed', { doel: base.value.doel }));
      return;
    } catch (error) {
      if (error instanceof PortfolioConflictError && error.theirs) {
        // Changed meanwhile: nothing deleted; their version shows, in the form too where this person changed nothing.
        setConfirming(false);
        takeTheirs(error.theirs as Loaded<Kwartaaldoel>, t('pf.goals.removeConflict'));
      } else if (error instanceof PortfolioConflictError) {
        // Someone else deleted it first: what this person wanted is done.
        draft.forget();
        portfolio.dropDoel(doel.id);
        onRemoved(t('pf.goals.removed', { doel: base.value.doel }));
        return;
      } else {
        failed(error);
      }
    }
    setBusy(false);
  };

  return (
    <li className={styles.goal} data-testid="portfolio-goal" data-kwartaal={doel.value.kwartaal}>
      <span id={textId}>
        {quarterText(doel.value.kwartaal)}: {doel.value.doel}
        {' · '}
        {t(`pf.behaald.${doel.value.behaald ?? 'open'}`)}
        {doel.value.reden && <span className={styles.reden}> · {doel.value.reden}</span>}
      </span>
      {canEdit && !open && (
        <div className={styles.buttons}>
          {outcomeOffered && (
            <Button size="small" ref={outcomeButton} onClick={() => begin('behaald')} aria-describedby={textId}>
              {doel.value.behaald ? t('pf.goals.changeOutcome') : t('pf.goals.recordOutcome')}
            </Button>
          )}
          <Button size="small" ref={editButton} onClick={() => begin('doel')} aria-describedby={textId}>
            {t('pf.goals.edit')}
          </Button>
        </div>
      )}
      {said && (
        <MessageBar intent={said.intent} data-testid="portfolio-goal-message">
          <MessageBarBody>{said.text}</MessageBarBody>
        </MessageBar>
      )}
      {open && (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => void save(e)}
          aria-label={t('pf.goals.outcomeForm')}
          aria-describedby={textId}
        >
          {draft.blocked && <DraftBlocked />}
          <GoalFields
            kwartaal={form.kwartaal}
            doel={form.doel}
            choices={choices}
            edit={edit}
            issue={fieldIssue}
            kwartaalRef={fields.kwartaal}
            doelRef={fields.doel}
          />
          <OutcomeFields
            form={form}
            edit={edit}
            issue={fieldIssue}
            behaaldRef={fields.behaald}
            redenRef={fields.reden}
          />
          <FormButtons busy={busy} onCancel={() => close()}>
            {!confirming && (
              <Button ref={removeButton} onClick={() => setConfirming(true)} disabledFocusable={busy}>
                {t('pf.goals.remove')}
              </Button>
            )}
          </FormButtons>
          {confirming && (
            <RemoveConfirm busy={busy} onRemove={() => void remove()} onKeep={() => setConfirming(false)} />
          )}
        </form>
      )}
    </li>
  );
}

/** A goal's quarter and its text (a goal's form and the new goal's). */
function GoalFields({
  kwartaal,
  doel,
  choices,
  edit,
  issue,
  kwartaalRef,
  doelRef,
  autoFocus,
}: {
  kwartaal: string;
  doel: string;
  choices: readonly string[];
  edit: (field: GoalField, value: string) => void;
  issue: FieldIssue | undefined;
  kwartaalRef?: RefObject<HTMLSelectElement | null>;
  doelRef: RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
}) {
  const t = usePortfolioT();
  return (
    <>
      <Field label={t(FIELD_LABEL.kwartaal)} {...issueProps(issue, 'kwartaal')}>
        <Select ref={kwartaalRef} value={kwartaal} onChange={(_, d) => edit('kwartaal', d.value)}>
          {choices.map((k) => (
            <option key={k} value={k}>
              {quarterText(k)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(FIELD_LABEL.doel)} required {...issueProps(issue, 'doel')}>
        <Textarea
          ref={doelRef}
          value={doel}
          maxLength={TEXT_MAX.kwartaaldoel}
          onChange={(_, d) => edit('doel', d.value)}
          autoFocus={autoFocus}
          resize="vertical"
        />
      </Field>
    </>
  );
}

/** A goal's outcome and its reason (a goal's form, and a new goal's that took a deleted goal's draft). */
function OutcomeFields({
  form,
  edit,
  issue,
  behaaldRef,
  redenRef,
}: {
  form: GoalForm;
  edit: (field: GoalField, value: string) => void;
  issue?: FieldIssue | undefined;
  behaaldRef?: RefObject<HTMLSelectElement | null>;
  redenRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = usePortfolioT();
  return (
    <>
      <Field label={t(FIELD_LABEL.behaald)} {...issueProps(issue, 'behaald')}>
        <Select ref={behaaldRef} value={form.behaald} onChange={(_, d) => edit('behaald', d.value)}>
          <option value="">{t('pf.behaald.open')}</option>
          {BEHAALD_VALUES.map((b) => (
            <option key={b} value={b}>
              {t(`pf.behaald.${b}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t(FIELD_LABEL.reden)}
        hint={t('pf.goals.reasonHint')}
        // The domain asks a reason when a goal was met in part or not (validateKwartaaldoel).
        required={form.behaald === 'deels' || form.behaald === 'nee'}
        {...issueProps(issue, 'reden')}
      >
        <Textarea
          ref={redenRef}
          value={form.reden}
          maxLength={TEXT_MAX.reden}
          onChange={(_, d) => edit('reden', d.value)}
          resize="vertical"
        />
      </Field>
    </>
  );
}

function DraftBlocked() {
  const t = usePortfolioT();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{t('pf.goals.draftBlocked')}</MessageBarBody>
    </MessageBar>
  );
}

/** The field's error state and message when the domain refused that field. */
function issueProps(issue: FieldIssue | undefined, field: GoalField) {
  return issue?.field === field
    ? { validationState: 'error' as const, validationMessage: issue.text }
    : { validationState: 'none' as const };
}

/** The quarters offered, with the goal's own one when it is outside them (an older goal), in the lists' order. */
function withChoice(choices: readonly string[], kwartaal: string): string[] {
  return choices.includes(kwartaal) || kwartaal === '' ? [...choices] : [...choices, kwartaal].sort();
}

/**
 * "Delete this goal?" with the two answers; the focus goes to the one that deletes nothing. While the delete is under
 * way the buttons stay focusable (disabled, they would drop the focus to the page).
 */
function RemoveConfirm({ busy, onRemove, onKeep }: { busy: boolean; onRemove: () => void; onKeep: () => void }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const textId = useId();
  return (
    <div
      role="group"
      aria-labelledby={textId}
      data-testid="portfolio-goal-remove"
      // Esc answers the question (nothing deleted), as a dialog's Esc would; it does not close the whole panel.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || busy) return;
        event.preventDefault();
        event.stopPropagation();
        onKeep();
      }}
    >
      <Body1 as="p" id={textId}>
        {t('pf.goals.removeConfirm')}
      </Body1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onRemove} disabledFocusable={busy}>
          {t('pf.goals.removeYes')}
        </Button>
        <Button onClick={onKeep} disabledFocusable={busy} autoFocus>
          {t('pf.goals.removeNo')}
        </Button>
      </div>
    </div>
  );
}

const EMPTY_GOAL = (kwartaal: string): GoalForm => ({ kwartaal, doel: '', behaald: '', reden: '' });

function NewGoal({ item, portfolio }: { item: Loaded<PortfolioItem>; portfolio: PortfolioState }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const say = useDomainText();
  const { now } = usePlanContext();
  const draft = useGoalDraft({ portfolioKey: item.value.key, goalId: 'nieuw' }, true);
  const [open, setOpen] = useState(draft.restored !== undefined);
  const choices = quarterChoices(now);
  const current = choices[1] ?? choices[0] ?? '';
  const [form, setForm] = useState<GoalForm>(draft.restored?.form ?? EMPTY_GOAL(current));
  // A draft that came from a goal deleted elsewhere may carry an outcome: its fields show then, and it is created with it.
  const withOutcome = form.behaald !== '' || form.reden !== '';
  // A tab left open past a quarter's end (or a draft from an earlier quarter): a choice that dropped off the list is
  // not kept out of sight.
  const kwartaal = choices.includes(form.kwartaal) ? form.kwartaal : current;
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | undefined>(
    draft.restored ? { intent: 'info', text: t('pf.goals.draftRestored') } : undefined,
  );
  const toggle = useRef<HTMLButtonElement>(null);
  const doelField = useRef<HTMLTextAreaElement>(null);
  useFocusAfterClose(open, toggle);

  const edit = (field: GoalField, value: string) => {
    const next = { ...form, kwartaal, [field]: value } as GoalForm;
    setForm(next);
    draft.keep(next);
    if (field === 'doel' && value.trim() !== '') setMissing(false);
  };
  const close = (message?: Said) => {
    draft.forget();
    setForm(EMPTY_GOAL(current));
    setMissing(false);
    setSaid(message);
    setOpen(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (form.doel.trim() === '') {
      setMissing(true);
      doelField.current?.focus();
      return;
    }
    setBusy(true);
    setSaid(undefined);
    try {
      const created = await (
        await portfolio.store()
      ).createKwartaaldoel({
        portfolioKey: item.value.key,
        kwartaal,
        doel: form.doel.trim(),
        ...(form.behaald !== '' ? { behaald: form.behaald as Behaald } : {}),
        ...(form.reden.trim() !== '' ? { reden: form.reden.trim() } : {}),
      });
      portfolio.replaceDoel(created);
      close({ intent: 'success', text: t('pf.goals.added', { kwartaal: quarterText(created.value.kwartaal) }) });
    } catch (error) {
      setSaid({
        intent: 'error',
        text:
          error instanceof PortfolioValidationError && error.issues[0]
            ? say(error.issues[0].message)
            : t('pf.detail.saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {said && (
        <MessageBar intent={said.intent} data-testid="portfolio-new-goal-message">
          <MessageBarBody>{said.text}</MessageBarBody>
        </MessageBar>
      )}
      {!open ? (
        <Button
          size="small"
          ref={toggle}
          onClick={() => {
            setSaid(undefined);
            setOpen(true);
          }}
        >
          {t('pf.goals.add')}
        </Button>
      ) : (
        <form className={styles.form} noValidate onSubmit={(e) => void save(e)} aria-label={t('pf.goals.add')}>
          {draft.blocked && <DraftBlocked />}
          <GoalFields
            kwartaal={kwartaal}
            doel={form.doel}
            choices={choices}
            edit={edit}
            issue={missing ? { field: 'doel', text: t('pf.goals.doelRequired') } : undefined}
            doelRef={doelField}
            autoFocus
          />
          {withOutcome && <OutcomeFields form={form} edit={edit} />}
          <FormButtons busy={busy} onCancel={() => close()} />
        </form>
      )}
    </div>
  );
}

/**
 * A goal form's Opslaan (submits) and Annuleren, and what else the form offers beside them. While a write is under
 * way they stay focusable (a disabled button would drop the focus to the page); the form ignores a second submit.
 */
function FormButtons({ busy, onCancel, children }: { busy: boolean; onCancel: () => void; children?: ReactNode }) {
  const t = usePortfolioT();
  const styles = useStyles();
  return (
    <div className={styles.buttons}>
      <Button type="submit" appearance="primary" disabledFocusable={busy}>
        {t('pf.detail.save')}
      </Button>
      <Button onClick={onCancel} disabledFocusable={busy}>
        {t('common.cancel')}
      </Button>
      {children}
    </div>
  );
}
