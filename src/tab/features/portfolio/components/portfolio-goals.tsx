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
import { useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { BEHAALD_VALUES, type Kwartaaldoel, type PortfolioItem } from '../../../../domain/model.js';
import { TEXT_MAX } from '../../../../domain/text-limits.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import {
  PortfolioConflictError,
  PortfolioValidationError,
  type KwartaaldoelChange,
} from '../../../../data/portfolio-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { rebaseDraft } from '../../../lib/rebase-draft.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { useFocusAfterClose } from '../../../lib/use-focus-after-close.js';
import type { PortfolioState } from '../api/use-portfolio.js';
import {
  clearGoalDraft,
  goalForm,
  loadGoalDraft,
  saveGoalDraft,
  type GoalDraftTarget,
  type GoalForm,
} from '../lib/goal-draft.js';
import { quarterChoices, quarterText } from '../lib/quarter-text.js';
import { usePortfolioDetailStyles as useStyles } from './portfolio-detail-styles.js';

type Said = { intent: 'success' | 'error' | 'warning' | 'info'; text: string };

/** A field of a goal's form that the domain can refuse, said on that field. */
type GoalField = 'kwartaal' | 'doel' | 'behaald' | 'reden';
type FieldIssue = { field: GoalField; text: string };

function fieldOfIssue(path: string): GoalField {
  const head = path.split('.')[0];
  return head === 'kwartaal' || head === 'doel' || head === 'behaald' ? head : 'reden';
}

/**
 * The initiative's quarter goals (3.3), newest quarter first. Whoever may edit the portfolio (the IMO) adds a goal for
 * a quarter, records its outcome afterwards (behaald, deels, niet, with a reason), corrects a goal's text or quarter,
 * and deletes a goal. Every write goes through the portfolio store: validated first, a change or a delete with
 * If-Match, so someone else's change meanwhile is a visible conflict and never overwritten. What was typed stays: in
 * the form when a write fails, and as a draft (`goal-draft.ts`) when the panel closes before it was saved.
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
  // A deleted goal's row is gone with its message: the section says it, and takes the focus the row's form had.
  const [removed, setRemoved] = useState<string | undefined>();
  const section = useRef<HTMLElement>(null);
  const doelen = (portfolio.data?.kwartaaldoelen ?? [])
    .filter((d) => d.value.portfolioKey === item.value.key)
    .sort((a, b) => b.value.kwartaal.localeCompare(a.value.kwartaal) || Number(a.id) - Number(b.id));
  if (doelen.length === 0 && !canEdit) return null;
  const onRemoved = (text: string) => {
    setRemoved(text);
    section.current?.focus();
  };
  return (
    <section aria-labelledby={`${titleId}-doelen`} data-testid="portfolio-goals" ref={section} tabIndex={-1}>
      <Subtitle2 as="h3" id={`${titleId}-doelen`}>
        {t('pf.goals.title')}
      </Subtitle2>
      {removed && (
        <MessageBar intent="success" data-testid="portfolio-goals-message">
          <MessageBarBody>{removed}</MessageBarBody>
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
      {canEdit && <NewGoal item={item} portfolio={portfolio} />}
    </section>
  );
}

/**
 * The form's state kept as a draft per person and goal: `change` writes it with every keystroke, `forget` removes it
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
  const [open, setOpen] = useState(draft.restored !== undefined);
  // The version the form was opened on (or the draft was typed against): the change and its If-Match are against it.
  const [base, setBase] = useState<Loaded<Kwartaaldoel>>(draft.restored?.base ?? doel);
  const [form, setForm] = useState<GoalForm>(draft.restored?.form ?? goalForm(doel.value));
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState<Said | undefined>(
    draft.restored ? { intent: 'info', text: t('pf.goals.draftRestored') } : undefined,
  );
  const [fieldIssue, setFieldIssue] = useState<FieldIssue | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  const fields = {
    kwartaal: useRef<HTMLSelectElement>(null),
    doel: useRef<HTMLTextAreaElement>(null),
    behaald: useRef<HTMLSelectElement>(null),
    reden: useRef<HTMLTextAreaElement>(null),
  } satisfies Record<GoalField, RefObject<HTMLElement | null>>;
  useFocusAfterClose(open, toggle);
  // The goal's own text names its button and form for a screen reader: every goal has the same "Uitkomst vastleggen".
  const textId = useId();
  const choices = withChoice(quarterChoices(now), form.kwartaal);

  const edit = (field: keyof GoalForm, value: string) => {
    const next = { ...form, [field]: value } as GoalForm;
    setForm(next);
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
  const takeTheirs = (theirs: Loaded<Kwartaaldoel>) => {
    const rebased = rebaseDraft(form, goalForm(base.value), goalForm(theirs.value));
    portfolio.replaceDoel(theirs);
    setBase(theirs);
    setForm(rebased);
    draft.keep(rebased, theirs);
  };
  const start = () => {
    setBase(doel);
    setForm(goalForm(doel.value));
    setSaid(undefined);
    setFieldIssue(undefined);
    setOpen(true);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const was = goalForm(base.value);
    const change: KwartaaldoelChange = {};
    if (form.kwartaal !== was.kwartaal) change.kwartaal = form.kwartaal;
    if (form.doel.trim() !== was.doel.trim()) change.doel = form.doel.trim();
    if (form.behaald !== was.behaald) change.behaald = form.behaald === '' ? undefined : form.behaald;
    if (form.reden.trim() !== was.reden.trim()) change.reden = form.reden.trim() === '' ? undefined : form.reden.trim();
    if (form.doel.trim() === '') {
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
        takeTheirs(error.theirs as Loaded<Kwartaaldoel>);
        setSaid({ intent: 'warning', text: t('pf.goals.conflict') });
      } else if (error instanceof PortfolioConflictError) {
        // Deleted meanwhile: read the goals again (the row then leaves the list) and close the form.
        close({ intent: 'warning', text: t('pf.goals.deleted') });
        portfolio.invalidate();
      } else if (error instanceof PortfolioValidationError && error.issues[0]) {
        // Said on its field, with the focus there; nothing was written.
        const issue = error.issues[0];
        refuse({ field: fieldOfIssue(issue.path), text: say(issue.message) });
      } else {
        setSaid({
          intent: 'error',
          text: t('pf.detail.saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
        });
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
    } catch (error) {
      if (error instanceof PortfolioConflictError && error.theirs) {
        // Changed meanwhile: nothing deleted; their version is shown, in the form too where this person changed nothing.
        takeTheirs(error.theirs as Loaded<Kwartaaldoel>);
        setConfirming(false);
        setSaid({ intent: 'warning', text: t('pf.goals.removeConflict') });
        setBusy(false);
      } else if (error instanceof PortfolioConflictError) {
        // Someone else deleted it first: what this person wanted is done.
        draft.forget();
        portfolio.dropDoel(doel.id);
        onRemoved(t('pf.goals.removed', { doel: base.value.doel }));
      } else {
        setSaid({
          intent: 'error',
          text: t('pf.detail.saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
        });
        setBusy(false);
      }
    }
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
        <div>
          <Button size="small" ref={toggle} onClick={start} aria-describedby={textId}>
            {doel.value.behaald ? t('pf.goals.changeOutcome') : t('pf.goals.recordOutcome')}
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
          {draft.blocked && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('pf.detail.draftBlocked')}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t('pf.tab.kwartaal')} {...issueProps(fieldIssue, 'kwartaal')}>
            <Select ref={fields.kwartaal} value={form.kwartaal} onChange={(_, d) => edit('kwartaal', d.value)}>
              {choices.map((k) => (
                <option key={k} value={k}>
                  {quarterText(k)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('pf.goals.doel')} required {...issueProps(fieldIssue, 'doel')}>
            <Textarea
              ref={fields.doel}
              value={form.doel}
              maxLength={TEXT_MAX.kwartaaldoel}
              onChange={(_, d) => edit('doel', d.value)}
              resize="vertical"
            />
          </Field>
          <Field label={t('pf.goals.outcome')} {...issueProps(fieldIssue, 'behaald')}>
            <Select ref={fields.behaald} value={form.behaald} onChange={(_, d) => edit('behaald', d.value)} autoFocus>
              <option value="">{t('pf.behaald.open')}</option>
              {BEHAALD_VALUES.map((b) => (
                <option key={b} value={b}>
                  {t(`pf.behaald.${b}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('pf.goals.reason')} hint={t('pf.goals.reasonHint')} {...issueProps(fieldIssue, 'reden')}>
            <Textarea
              ref={fields.reden}
              value={form.reden}
              maxLength={TEXT_MAX.reden}
              onChange={(_, d) => edit('reden', d.value)}
              resize="vertical"
            />
          </Field>
          <FormButtons busy={busy} onCancel={() => close()}>
            {!confirming && (
              <Button onClick={() => setConfirming(true)} disabled={busy}>
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

/** "Delete this goal?" with the two answers; the focus goes to the one that deletes nothing. */
function RemoveConfirm({ busy, onRemove, onKeep }: { busy: boolean; onRemove: () => void; onKeep: () => void }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const textId = useId();
  return (
    <div role="group" aria-labelledby={textId} data-testid="portfolio-goal-remove">
      <Body1 as="p" id={textId}>
        {t('pf.goals.removeConfirm')}
      </Body1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onRemove} disabled={busy}>
          {t('pf.goals.removeYes')}
        </Button>
        <Button onClick={onKeep} disabled={busy} autoFocus>
          {t('pf.goals.removeNo')}
        </Button>
      </div>
    </div>
  );
}

function NewGoal({ item, portfolio }: { item: Loaded<PortfolioItem>; portfolio: PortfolioState }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const say = useDomainText();
  const { now } = usePlanContext();
  const draft = useGoalDraft({ portfolioKey: item.value.key, goalId: 'nieuw' }, true);
  const [open, setOpen] = useState(draft.restored !== undefined);
  const choices = quarterChoices(now);
  const current = choices[1] ?? choices[0] ?? '';
  const [form, setForm] = useState<GoalForm>(
    draft.restored?.form ?? { kwartaal: current, doel: '', behaald: '', reden: '' },
  );
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

  const edit = (field: 'kwartaal' | 'doel', value: string) => {
    const next = { ...form, kwartaal, [field]: value };
    setForm(next);
    draft.keep(next);
    if (field === 'doel' && value.trim() !== '') setMissing(false);
  };
  const close = (message?: Said) => {
    draft.forget();
    setForm({ kwartaal: current, doel: '', behaald: '', reden: '' });
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
      ).createKwartaaldoel({ portfolioKey: item.value.key, kwartaal, doel: form.doel.trim() });
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
          {draft.blocked && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('pf.detail.draftBlocked')}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t('pf.tab.kwartaal')}>
            <Select value={kwartaal} onChange={(_, d) => edit('kwartaal', d.value)}>
              {choices.map((k) => (
                <option key={k} value={k}>
                  {quarterText(k)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('pf.goals.doel')}
            required
            validationState={missing ? 'error' : 'none'}
            validationMessage={missing ? t('pf.goals.doelRequired') : undefined}
          >
            <Textarea
              ref={doelField}
              value={form.doel}
              maxLength={TEXT_MAX.kwartaaldoel}
              onChange={(_, d) => edit('doel', d.value)}
              autoFocus
              resize="vertical"
            />
          </Field>
          <FormButtons busy={busy} onCancel={() => close()} />
        </form>
      )}
    </div>
  );
}

/** A goal form's Opslaan (submits) and Annuleren, and what else the form offers beside them. */
function FormButtons({ busy, onCancel, children }: { busy: boolean; onCancel: () => void; children?: ReactNode }) {
  const t = usePortfolioT();
  const styles = useStyles();
  return (
    <div className={styles.buttons}>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('pf.detail.save')}
      </Button>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      {children}
    </div>
  );
}
