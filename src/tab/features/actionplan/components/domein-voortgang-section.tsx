import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { VersionList } from '../../../components/version-list.js';
import { actieVoortgang, hasDomeinVoortgang, type DomeinState } from '../../../../domain/domein-voortgang.js';
import type { Actie, ActieStatus, Domein, PersonRef } from '../../../../domain/model.js';
import { allowedTransitions } from '../../../../domain/status.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { DomeinVoortgangValidationError } from '../../../../data/domein-voortgang-store.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/i18n.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { DateInput } from '../../../components/date-picker.js';
import { describeError } from '../../../lib/errors.js';
import { domeinLabel, personName, STATUS_LABEL } from '../../../lib/labels.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';
import { LoadError } from '../../../components/load-error.js';
import { changedOnBothSides, rebaseDraft, sameFields } from '../../../lib/rebase-draft.js';
import { clearRijDraft, loadRijDraft, saveRijDraft, type RijForm } from '../lib/rij-draft-store.js';
import { assignablePeople } from '../../../../domain/site-user.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  domein: { minWidth: '9rem', fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  history: {
    flexBasis: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXS,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
  // A select is as wide as its longest option (a person's name), which at 320 pixels (the meeting side panel) pushed
  // it past the panel's edge: the field's grid column may shrink below it, and so may the select.
  fit: { gridTemplateColumns: 'minmax(0, 1fr)', minWidth: 0, maxWidth: '100%' },
});

type Message = { intent: 'success' | 'error' | 'info'; text: string };

/**
 * Progress per domain on a shared action (issue 12, point 4): the roll-up with its breakdown ("1 van 4 domeinen
 * afgerond") for everyone, and in a domain's tab that domain's own row to edit (status with the plan's transitions,
 * reason, note); outside a domain's tab, the row the signed-in person owns. Each row's history on request. Writes go through the DomeinVoortgang store (If-Match, de-duplicated create); the plan then refreshes.
 */
export function DomeinVoortgangSection({
  item,
  domein,
  canEdit,
}: {
  item: Loaded<Actie>;
  domein: Domein | undefined;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const locale = useLocale();
  const ctx = usePlanContext();
  // The form's last message lives here, not in the form, so that it outlives the form (a domain's row that is created
  // by the first save, say, or another domain chosen).
  const [message, setMessage] = useState<Message | undefined>();
  // A domain's tab shows its own row as the action; the roll-up and the store need the action as stored.
  const stored = ctx.storedActie(item.id) ?? item;
  const loadedRijen = useMemo(
    () => (ctx.plan?.domeinVoortgang ?? []).filter((r) => r.value.actie === stored.value.nummer),
    [ctx.plan, stored.value.nummer],
  );
  const rijen = useMemo(() => loadedRijen.map((r) => r.value), [loadedRijen]);
  const voortgang = useMemo(() => actieVoortgang(stored.value, rijen), [stored.value, rijen]);
  if (!hasDomeinVoortgang(stored.value)) return null;
  // In a domain's tab: that domain's row. Elsewhere (a personal tab, opened from Mijn acties): the row this person
  // owns, so a row owner can keep their own domain's progress wherever they open the action.
  const me = ctx.me;
  const isMe = (p: PersonRef | undefined): boolean =>
    me !== undefined &&
    p !== undefined &&
    (me.id ? p.id === me.id : p.email !== undefined && p.email.toLowerCase() === me.email?.toLowerCase());
  const eigenDomein = domein ?? voortgang.perDomein.find((d) => d.rij && isMe(d.rij.eigenaar))?.domein;
  const eigen = eigenDomein ? voortgang.perDomein.find((d) => d.domein === eigenDomein) : undefined;

  return (
    <section className={styles.section} aria-labelledby={`dv-${item.id}`} data-testid="domein-voortgang">
      <Subtitle2 id={`dv-${item.id}`}>{t('domeinVoortgang.title')}</Subtitle2>
      <Body1 data-testid="domein-voortgang-summary">
        {t('domeinVoortgang.summary', { afgerond: String(voortgang.afgerond), totaal: String(voortgang.totaal) })}
      </Body1>
      <ul className={styles.list}>
        {voortgang.perDomein.map((d) => (
          <li key={d.domein} className={styles.row} data-testid="domein-voortgang-row" data-domein={d.domein}>
            <span className={styles.domein}>{domeinLabel(t, d.domein)}</span>
            <StatusBadge status={d.status} size="small" />
            <Caption1 className={styles.muted}>
              {d.eigenaar ? personName(t, d.eigenaar) : t('domeinVoortgang.noOwner')}
              {d.deadline ? ` · ${formatCalendarDate(d.deadline, locale)}` : ''}
              {d.rij ? '' : ` · ${t('domeinVoortgang.followsActie')}`}
            </Caption1>
            {d.notitie && <Caption1>{d.notitie}</Caption1>}
            {(() => {
              const loaded = loadedRijen.find((r) => r.value.domein === d.domein);
              return loaded ? (
                <RijGeschiedenis key={loaded.id} rijId={loaded.id} version={loaded.eTag} domein={d.domein} />
              ) : null;
            })()}
          </li>
        ))}
      </ul>
      {eigen && canEdit && (
        <EigenRij key={eigen.domein} item={stored} stand={eigen} message={message} onMessage={setMessage} />
      )}
    </section>
  );
}

/**
 * A domain row's history on request: its SharePoint versions, newest first, with the person a card's write was made
 * for next to the app ("Informatiemanager Sociaal Domein (via …)"). Read again when the row's eTag changes.
 */
function RijGeschiedenis({ rijId, version, domein }: { rijId: string; version: string; domein: Domein }) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const ctx = usePlanContext();
  const [open, setOpen] = useState(false);
  // Read when opened, and again for each of the row's versions (eTag); the history shown stays meanwhile.
  const history = useTabQuery(
    ['domeinVoortgang', 'history', rijId],
    async ({ session, siteId }) => {
      if (!ctx.plan) throw new Error('The plan is not loaded.');
      return (await (await session()).domeinVoortgang(siteId, ctx.plan)).history(rijId);
    },
    { version, enabled: open },
  );
  const label = domeinLabel(t, domein);
  return (
    <div className={styles.history}>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="domein-voortgang-history-toggle"
      >
        {t(open ? 'domeinVoortgang.historyHide' : 'domeinVoortgang.historyShow', { domein: label })}
      </Button>
      {open && history.status === 'loading' && <Spinner size="tiny" label={t('detail.historyLoading')} />}
      {open && history.error !== undefined && (
        <LoadError
          title={t('detail.historyError')}
          error={history.error}
          kept={history.data !== undefined}
          retrying={history.fetching}
          onRetry={history.reload}
          testId="domein-voortgang-history-error"
        />
      )}
      {open && history.data && (
        <VersionList
          versions={history.data}
          testId="domein-voortgang-history"
          noFieldsKey="domeinVoortgang.historyNoFields"
        />
      )}
    </div>
  );
}

/** The domain row's form: what the person edits. */
/** The form as the stored row (or, before the domain has a row, the action) has it. */
function rijForm(stand: DomeinState): RijForm {
  return {
    status: stand.status,
    toelichting: stand.rij?.statusToelichting ?? '',
    notitie: stand.notitie ?? '',
    // The row's own owner and deadline; an empty deadline means the action's deadline holds for the domain.
    eigenaarId: stand.rij?.eigenaar?.id ?? '',
    deadline: stand.rij?.deadline ?? '',
  };
}

/**
 * A form typed against `base` moved onto the row as stored now (`rebaseDraft`), with the fields both sides changed to
 * different values (`clashes`). A status the stored status cannot go to falls back to the stored one, and is named too.
 */
function moveOnto(
  form: RijForm,
  base: RijForm,
  stored: RijForm,
  statuses: readonly ActieStatus[],
): { form: RijForm; clashes: (keyof RijForm)[] } {
  const rebased = rebaseDraft(form, base, stored);
  const reset = !statuses.includes(rebased.status);
  const both = changedOnBothSides(form, base, stored);
  return {
    form: reset ? { ...rebased, status: stored.status } : rebased,
    clashes: reset && !both.includes('status') ? [...both, 'status'] : both,
  };
}

/**
 * The person's own domain row. When the stored row changes under it (a save came back with the plan, or someone
 * else's change arrived with the reload after a 412), the form moves onto it with `rebaseDraft`: what the person typed
 * stays, a field they did not touch shows the stored value (so the next save does not write its stale copy over the
 * other's edit), and a status the new stored status cannot go to falls back to the stored one.
 */
function EigenRij({
  item,
  stand,
  message,
  onMessage: setMessage,
}: {
  item: Loaded<Actie>;
  stand: DomeinState;
  message: Message | undefined;
  onMessage: (message: Message | undefined) => void;
}) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const say = useDomainText();
  const ctx = usePlanContext();
  const locale = useLocale();
  const storedForm = rijForm(stand);
  const statuses = [stand.status, ...allowedTransitions(stand.status)];
  // A draft typed earlier (the panel closed, the page reloaded) comes back onto the row as it is stored now, and a
  // field someone else changed meanwhile to another value is named, as when their change arrives while typing.
  const [restored] = useState(() => {
    const draft = loadRijDraft(ctx.userKey, item.id, stand.domein);
    const moved = draft && moveOnto(draft.form, draft.base, storedForm, statuses);
    return moved && !sameFields(moved.form, storedForm) ? moved : undefined;
  });
  const [base, setBase] = useState(storedForm);
  const [form, setForm] = useState(restored?.form ?? storedForm);
  const [draftShown, setDraftShown] = useState(restored !== undefined);
  // The fields someone else changed too, where the form keeps this person's value (or the status it had to reset):
  // named under the form with the stored value, until the next save.
  const [clashes, setClashes] = useState<(keyof RijForm)[]>(restored?.clashes ?? []);
  if (!sameFields(base, storedForm)) {
    const moved = moveOnto(form, base, storedForm, statuses);
    setBase(storedForm);
    setForm(moved.form);
    setClashes(moved.clashes);
  }
  // What differs from the stored row is kept as a draft; nothing to keep, nothing stored. A browser that refuses to
  // store it (storage blocked or full) gets the warning the action's own form gives: a reload would lose the text.
  const [draftBlocked, setDraftBlocked] = useState(false);
  useEffect(() => {
    if (sameFields(form, base)) {
      clearRijDraft(ctx.userKey, item.id, stand.domein);
      setDraftBlocked(false);
    } else
      setDraftBlocked(
        !saveRijDraft(ctx.userKey, item.id, stand.domein, { base, form, savedAt: new Date().toISOString() }),
      );
  }, [form, base, ctx.userKey, item.id, stand.domein]);
  const discardDraft = () => {
    setForm(storedForm);
    setClashes([]);
    setDraftShown(false);
  };
  const { status, toelichting, notitie, eigenaarId, deadline } = form;
  const edit = <K extends keyof RijForm>(field: K, value: RijForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    // "Er is niets gewijzigd." no longer holds once something is typed.
    if (message?.intent === 'info') setMessage(undefined);
  };
  const users = useMemo(() => assignablePeople(ctx.plan?.users ?? []), [ctx.plan]);
  const [saving, setSaving] = useState(false);
  const domeinNaam = domeinLabel(t, stand.domein);
  // Each field's label: on the form, and where a clash names it.
  const labelOf = (field: keyof RijForm): string =>
    ({
      status: t('domeinVoortgang.status', { domein: domeinNaam }),
      toelichting: t('domeinVoortgang.toelichting', { domein: domeinNaam }),
      notitie: t('domeinVoortgang.notitie'),
      eigenaarId: t('domeinVoortgang.eigenaar', { domein: domeinNaam }),
      deadline: t('domeinVoortgang.deadline', { domein: domeinNaam }),
    })[field];
  // The stored value of a field, as the form would show it.
  const storedText = (field: keyof RijForm): string => {
    if (field === 'status') return t(STATUS_LABEL[storedForm.status]);
    if (field === 'eigenaarId') {
      const owner = users.find((u) => u.id === storedForm.eigenaarId);
      return owner ? personName(t, owner) : t('domeinVoortgang.noOwnerOption');
    }
    if (field === 'deadline')
      return storedForm.deadline ? formatCalendarDate(storedForm.deadline, locale) : t('domeinVoortgang.noDeadline');
    return storedForm[field];
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!ctx.plan || !ctx.siteId) return;
    // Nothing changed: nothing written. A save would make a new version of the row, or, where the domain still follows
    // the action, a row of its own that no longer follows it.
    // Spaces around a text are no change either (the texts are stored trimmed).
    const trimmed = (f: RijForm): RijForm => ({ ...f, toelichting: f.toelichting.trim(), notitie: f.notitie.trim() });
    if (sameFields(trimmed(form), trimmed(storedForm))) {
      setClashes([]);
      setDraftShown(false);
      setMessage({ intent: 'info', text: t('detail.noChanges') });
      return;
    }
    setSaving(true);
    setMessage(undefined);
    setClashes([]);
    try {
      const store = await (await ctx.session()).domeinVoortgang(ctx.siteId, ctx.plan);
      const change = {
        ...(status !== storedForm.status ? { status } : {}),
        statusToelichting: toelichting.trim() === '' ? undefined : toelichting.trim(),
        notitie: notitie.trim() === '' ? undefined : notitie.trim(),
        // Only what changed: an unchanged owner or deadline is not written again.
        ...(eigenaarId !== storedForm.eigenaarId ? { eigenaar: users.find((u) => u.id === eigenaarId) } : {}),
        ...(deadline !== storedForm.deadline ? { deadline: deadline === '' ? undefined : deadline } : {}),
      };
      await store.save(item, stand.domein, change);
      // The texts as stored (trimmed): no change of this person's any more once the plan comes back with them.
      setForm((f) => ({ ...f, toelichting: f.toelichting.trim(), notitie: f.notitie.trim() }));
      setDraftShown(false);
      setMessage({ intent: 'success', text: t('domeinVoortgang.saved', { domein: domeinNaam }) });
      ctx.reload();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'DomeinVoortgangValidationError')
        setMessage({
          intent: 'error',
          text: (error as DomeinVoortgangValidationError).issues.map((i) => say(i.message)).join(' '),
        });
      else if (name === 'DomeinVoortgangConflictError') {
        setMessage({ intent: 'error', text: t('domeinVoortgang.conflict', { domein: domeinNaam }) });
        ctx.reload();
      } else {
        const d = describeError(error);
        setMessage({
          intent: 'error',
          text: t('domeinVoortgang.failed', { detail: t(d.key, { detail: d.detail ?? '' }) }),
        });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void onSubmit(e)}
      data-testid="domein-voortgang-form"
      aria-label={t('domeinVoortgang.formLabel', { domein: domeinNaam })}
    >
      {draftBlocked && (
        <MessageBar intent="warning" data-testid="domein-voortgang-draft-blocked">
          <MessageBarBody>{t('detail.draftBlocked')}</MessageBarBody>
        </MessageBar>
      )}
      {draftShown && (
        <MessageBar intent="info" data-testid="domein-voortgang-draft">
          <MessageBarBody>{t('domeinVoortgang.draft', { domein: domeinNaam })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={discardDraft}>
              {t('domeinVoortgang.discardDraft')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field label={labelOf('status')}>
        <Select
          value={status}
          onChange={(_, d) => edit('status', d.value as ActieStatus)}
          data-testid="domein-voortgang-status"
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL[s])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={labelOf('toelichting')}>
        <Textarea
          value={toelichting}
          onChange={(_, d) => edit('toelichting', d.value)}
          resize="vertical"
          rows={2}
          data-testid="domein-voortgang-toelichting"
        />
      </Field>
      <Field label={labelOf('eigenaarId')} className={styles.fit}>
        <Select
          className={styles.fit}
          value={eigenaarId}
          onChange={(_, d) => edit('eigenaarId', d.value)}
          data-testid="domein-voortgang-eigenaar"
        >
          <option value="">{t('domeinVoortgang.noOwnerOption')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {personName(t, u)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={labelOf('deadline')} hint={t('domeinVoortgang.deadlineHint')}>
        <DateInput
          value={deadline}
          onChange={(value) => edit('deadline', value)}
          data-testid="domein-voortgang-deadline"
        />
      </Field>
      <Field label={labelOf('notitie')}>
        <Textarea
          value={notitie}
          onChange={(_, d) => edit('notitie', d.value)}
          resize="vertical"
          rows={2}
          data-testid="domein-voortgang-notitie"
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={saving} data-testid="domein-voortgang-save">
          {t('domeinVoortgang.save', { domein: domeinNaam })}
        </Button>
      </div>
      {clashes.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="domein-voortgang-clash">
          <MessageBarBody>
            {t('domeinVoortgang.clash', {
              velden: clashes.map((field) => `${labelOf(field)}: “${storedText(field)}”`).join('; '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar
          intent={message.intent}
          role={message.intent === 'error' ? 'alert' : 'status'}
          data-testid="domein-voortgang-message"
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
