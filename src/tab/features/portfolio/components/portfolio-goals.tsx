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
import { useId, useRef, useState, type FormEvent } from 'react';
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
import { quarterChoices, quarterText } from '../lib/quarter-text.js';
import { usePortfolioDetailStyles as useStyles } from './portfolio-detail-styles.js';

type Said = { intent: 'success' | 'error' | 'warning'; text: string };

/**
 * The initiative's quarter goals (3.3), newest quarter first. Whoever may edit the portfolio (the IMO) adds a goal for
 * a quarter and records its outcome afterwards (behaald, deels, niet, with a reason). Every write goes through the
 * portfolio store: validated first, an outcome with If-Match, so someone else's change meanwhile is a visible conflict
 * and never overwritten; what was typed stays in the form when a write fails.
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
  const doelen = (portfolio.data?.kwartaaldoelen ?? [])
    .filter((d) => d.value.portfolioKey === item.value.key)
    .sort((a, b) => b.value.kwartaal.localeCompare(a.value.kwartaal) || Number(a.id) - Number(b.id));
  if (doelen.length === 0 && !canEdit) return null;
  return (
    <section aria-labelledby={`${titleId}-doelen`} data-testid="portfolio-goals">
      <Subtitle2 as="h3" id={`${titleId}-doelen`}>
        {t('pf.goals.title')}
      </Subtitle2>
      {doelen.length === 0 ? (
        <Body1 as="p">{t('pf.goals.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {doelen.map((d) => (
            <GoalRow key={d.id} doel={d} portfolio={portfolio} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit && <NewGoal item={item} portfolio={portfolio} />}
    </section>
  );
}

function GoalRow({
  doel,
  portfolio,
  canEdit,
}: {
  doel: Loaded<Kwartaaldoel>;
  portfolio: PortfolioState;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const say = useDomainText();
  const [open, setOpen] = useState(false);
  const [behaald, setBehaald] = useState<Behaald | ''>(doel.value.behaald ?? '');
  const [reden, setReden] = useState(doel.value.reden ?? '');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | undefined>();
  /** The domain's refusal of a field (a reason is needed for "deels" and "niet behaald"), said on that field. */
  const [fieldIssue, setFieldIssue] = useState<{ field: 'behaald' | 'reden'; text: string } | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  const behaaldField = useRef<HTMLSelectElement>(null);
  const redenField = useRef<HTMLTextAreaElement>(null);
  useFocusAfterClose(open, toggle);
  // The goal's own text names its button and form for a screen reader: every goal has the same "Uitkomst vastleggen".
  const textId = useId();

  const start = () => {
    setBehaald(doel.value.behaald ?? '');
    setReden(doel.value.reden ?? '');
    setSaid(undefined);
    setFieldIssue(undefined);
    setOpen(true);
  };
  const cancel = () => {
    setSaid(undefined);
    setFieldIssue(undefined);
    setOpen(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const change: KwartaaldoelChange = {};
    if ((doel.value.behaald ?? '') !== behaald) change.behaald = behaald === '' ? undefined : behaald;
    if ((doel.value.reden ?? '').trim() !== reden.trim()) change.reden = reden.trim() === '' ? undefined : reden.trim();
    if (Object.keys(change).length === 0) {
      setOpen(false);
      setSaid({ intent: 'success', text: t('pf.detail.noChanges') });
      return;
    }
    setBusy(true);
    setSaid(undefined);
    setFieldIssue(undefined);
    try {
      const saved = await (await portfolio.store()).updateKwartaaldoel(doel, change);
      portfolio.replaceDoel(saved);
      setOpen(false);
      setSaid({ intent: 'success', text: t('pf.goals.saved') });
    } catch (error) {
      if (error instanceof PortfolioConflictError && error.theirs) {
        // Their version is shown; what this person chose stays in the form, to check and save again.
        portfolio.replaceDoel(error.theirs as Loaded<Kwartaaldoel>);
        setSaid({ intent: 'warning', text: t('pf.goals.conflict') });
      } else if (error instanceof PortfolioConflictError) {
        // Deleted meanwhile: read the goals again (the row then leaves the list) and close the form.
        setOpen(false);
        setSaid({ intent: 'warning', text: t('pf.goals.deleted') });
        portfolio.invalidate();
      } else if (error instanceof PortfolioValidationError && error.issues[0]) {
        // Said on its field, with the focus there; nothing was written.
        const issue = error.issues[0];
        const field = issue.path.startsWith('behaald') ? 'behaald' : 'reden';
        setFieldIssue({ field, text: say(issue.message) });
        (field === 'behaald' ? behaaldField : redenField).current?.focus();
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

  return (
    <li data-testid="portfolio-goal" data-kwartaal={doel.value.kwartaal}>
      <span id={textId}>
        {quarterText(doel.value.kwartaal)}: {doel.value.doel}
        {' · '}
        {t(`pf.behaald.${doel.value.behaald ?? 'open'}`)}
        {doel.value.reden ? ` · ${doel.value.reden}` : ''}
      </span>
      {canEdit && !open && (
        <div>
          <Button size="small" appearance="subtle" ref={toggle} onClick={start} aria-describedby={textId}>
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
          <Field
            label={t('pf.goals.outcome')}
            validationState={fieldIssue?.field === 'behaald' ? 'error' : 'none'}
            validationMessage={fieldIssue?.field === 'behaald' ? fieldIssue.text : undefined}
          >
            <Select
              ref={behaaldField}
              value={behaald}
              onChange={(_, d) => setBehaald(d.value as Behaald | '')}
              autoFocus
            >
              <option value="">{t('pf.behaald.open')}</option>
              {BEHAALD_VALUES.map((b) => (
                <option key={b} value={b}>
                  {t(`pf.behaald.${b}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('pf.goals.reason')}
            hint={t('pf.goals.reasonHint')}
            validationState={fieldIssue?.field === 'reden' ? 'error' : 'none'}
            validationMessage={fieldIssue?.field === 'reden' ? fieldIssue.text : undefined}
          >
            <Textarea
              ref={redenField}
              value={reden}
              maxLength={TEXT_MAX.reden}
              onChange={(_, d) => setReden(d.value)}
              resize="vertical"
            />
          </Field>
          <FormButtons busy={busy} onCancel={cancel} />
        </form>
      )}
    </li>
  );
}

function NewGoal({ item, portfolio }: { item: Loaded<PortfolioItem>; portfolio: PortfolioState }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const say = useDomainText();
  const { now } = usePlanContext();
  const [open, setOpen] = useState(false);
  const choices = quarterChoices(now);
  const current = choices[1] ?? choices[0] ?? '';
  const [picked, setKwartaal] = useState(current);
  // A tab left open past a quarter's end: a choice that dropped off the list is not kept out of sight.
  const kwartaal = choices.includes(picked) ? picked : current;
  const [doel, setDoel] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  const doelField = useRef<HTMLTextAreaElement>(null);
  useFocusAfterClose(open, toggle);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (doel.trim() === '') {
      setMissing(true);
      doelField.current?.focus();
      return;
    }
    setBusy(true);
    setSaid(undefined);
    try {
      const created = await (
        await portfolio.store()
      ).createKwartaaldoel({ portfolioKey: item.value.key, kwartaal, doel: doel.trim() });
      portfolio.replaceDoel(created);
      setDoel('');
      setOpen(false);
      setSaid({ intent: 'success', text: t('pf.goals.added', { kwartaal: quarterText(created.value.kwartaal) }) });
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
          <Field label={t('pf.tab.kwartaal')}>
            <Select value={kwartaal} onChange={(_, d) => setKwartaal(d.value)}>
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
              value={doel}
              maxLength={TEXT_MAX.kwartaaldoel}
              onChange={(_, d) => {
                setDoel(d.value);
                if (d.value.trim() !== '') setMissing(false);
              }}
              autoFocus
              resize="vertical"
            />
          </Field>
          <FormButtons busy={busy} onCancel={() => setOpen(false)} />
        </form>
      )}
    </div>
  );
}

/** A goal form's Opslaan (submits) and Annuleren. */
function FormButtons({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const t = usePortfolioT();
  return (
    <div>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('pf.detail.save')}
      </Button>{' '}
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
