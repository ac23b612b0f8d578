import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Domein, Plateau } from '../../../../domain/model.js';
import { concernDomein, ZOETERMEER_INRICHTING } from '../../../../domain/inrichting-basis.js';
import { TEXT_MAX } from '../../../../domain/text-limits.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { describeError } from '../../../lib/errors.js';
import { domeinLabel, personName, plateauLabel, themaLabel } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useActieWriter } from '../../../lib/plan/use-actie-writer.js';
import { usePlanActor } from '../hooks/use-plan-actor.js';
import { planTexts } from '../i18n.js';
import {
  checkForm,
  differsFromDraft,
  emptyForm,
  previewNummer,
  toDraft,
  type NewActieField,
  type NewActieForm,
} from '../lib/new-actie-form.js';
import { CheckGroup } from '../../../components/check-group.js';
import { DateInput } from '../../../components/date-picker.js';
import { deadlineMakesOverdue } from '../lib/deadline-warning.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { assignablePeople } from '../../../../domain/site-user.js';
import { useReleaseAriaHiddenOnUnmount } from '../../../lib/modal-cleanup.js';
import { clearNewActieDraft, isUntouched, loadNewActieDraft, saveNewActieDraft } from '../lib/new-actie-draft.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  // Each field keeps its own height, as in the action's panel (actie-detail-styles.ts): the plateau's hint or a refused
  // date under one field no longer stretches the other one's input.
  two: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalM,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // The advies' list is as wide as the dialog: a native select is as wide as its longest option (an advies' whole
  // title), which at 320 px pushed the arrow out of the dialog.
  fit: { minWidth: 0, maxWidth: '100%' },
  // In the scrolling column a message bar would shrink to one line and its wrapped text and button overlap the field
  // under it (flex items may shrink below their content when the bar hides its overflow).
  bar: { flexShrink: 0 },
});

/**
 * "Nieuwe actie": adds an action under an advies with the next free number, in one write. The number shown is a
 * preview; the store takes the next one if someone else was quicker. What is typed is kept as a draft (new-actie-draft.ts)
 * until the action is added: closing the dialog or the page loses nothing. The client key lives as long as the draft,
 * so adding again after a lost answer, also in a dialog opened again, gives the same action, never a second one.
 */
export function NewActieDialog({
  scope,
  mtDomein,
  advies: initialAdvies,
  onClose,
  onCreated,
}: {
  scope?: Domein | undefined;
  mtDomein?: Domein | undefined;
  advies?: number | undefined;
  onClose: () => void;
  onCreated: (id: string, nummer: string) => void;
}) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const say = useDomainText();
  const ft = useFeatureT(planTexts);
  const { plan, userKey, siteId = '', now } = usePlanContext();
  const writer = useActieWriter();
  const { actor, loading } = usePlanActor(mtDomein);
  const adviezen = useMemo(() => (plan?.adviezen ?? []).map((a) => a.value), [plan]);
  const users = useMemo(() => assignablePeople(plan?.users ?? []), [plan]);
  const acties = useMemo(() => (plan?.acties ?? []).map((a) => a.value), [plan]);
  const bevindingen = useMemo(() => (plan?.bevindingen ?? []).map((b) => b.value), [plan]);
  // The plateaus and domains to choose from are the municipality's (its set-up, read with the plan).
  const inrichting = plan?.inrichting ?? ZOETERMEER_INRICHTING;
  const first = adviezen.find((a) => a.nummer === initialAdvies) ?? adviezen[0];
  // A draft of an advies the plan still has comes back, unless the dialog was opened for another advies.
  const [restored] = useState(() => {
    const draft = siteId ? loadNewActieDraft(userKey, siteId, inrichting) : undefined;
    const fits = draft && adviezen.some((a) => a.nummer === draft.form.advies);
    return fits && (initialAdvies === undefined || draft.form.advies === initialAdvies) ? draft : undefined;
  });
  const fresh = (advies = first) => (advies ? emptyForm(advies, scope, inrichting) : undefined);
  const [form, setForm] = useState<NewActieForm | undefined>(() => restored?.form ?? fresh());
  const [draftShown, setDraftShown] = useState(restored !== undefined);
  // A restored draft's plateau counts as chosen when it is not its advies' own (a new advies then leaves it alone).
  const [plateauTouched, setPlateauTouched] = useState(
    () =>
      restored !== undefined &&
      restored.form.plateau !== adviezen.find((a) => a.nummer === restored.form.advies)?.plateau,
  );
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: string; text: string } | undefined>();
  const clientKey = useRef(restored?.clientKey ?? `nieuw:${crypto.randomUUID()}`);
  // Whether the key may have made an action already (a restored draft's, or an add whose answer was lost): then the
  // store returns that action, which may no longer be what the form says (`differsFromDraft`).
  const keyUsed = useRef(restored !== undefined);
  const [earlier, setEarlier] = useState<{ id: string; nummer: string } | undefined>();
  const latest = useRef(form);
  latest.current = form;
  const titel = useRef<HTMLTextAreaElement>(null);
  useReleaseAriaHiddenOnUnmount();

  // Every change is kept as the draft; a form changed back to how it started leaves none. Not on opening: a dialog
  // opened for another advies than the draft's must not throw that draft away.
  // Nor once the action is added: a render after that (the plan taking the new action in) must not store it again.
  const opened = useRef(true);
  const added = useRef(false);
  useEffect(() => {
    if (opened.current) {
      opened.current = false;
      return;
    }
    if (!form || !siteId || added.current) return;
    const advies = adviezen.find((a) => a.nummer === form.advies);
    const start = advies ? emptyForm(advies, scope, inrichting) : undefined;
    if (start && isUntouched(form, start)) clearNewActieDraft(userKey, siteId);
    else saveNewActieDraft(userKey, siteId, { form, clientKey: clientKey.current, savedAt: new Date().toISOString() });
  }, [form, adviezen, scope, inrichting, userKey, siteId]);

  // Without an MT (the tab shows every domain), the way to add is to choose the MT's domain at the top.
  const notAllowed =
    !actor.beheerder && actor.mtDomeinen.length === 0
      ? ft('notAllowedNoMt', { concern: domeinLabel(t, concernDomein(inrichting)) })
      : ft('notAllowed');
  const issues = useMemo(
    () => (form ? checkForm(form, { acties, bevindingen, inrichting }, users, actor, notAllowed, say) : {}),
    [form, acties, bevindingen, inrichting, users, actor, notAllowed, say],
  );
  if (!form) return null;
  const advies = adviezen.find((a) => a.nummer === form.advies);
  const nummer = previewNummer(form, acties);
  // Who may add an action with the chosen domains is said as soon as the role is known, not after filling in the rest.
  const roleProblem = !loading && issues.domeinen === notAllowed;
  const shown = (field: NewActieField) =>
    submitted || (field === 'domeinen' && roleProblem) ? issues[field] : undefined;
  // Said as soon as it is typed (accepted: a plan may record a late date), unlike the problems, which wait for a save.
  const pastDeadline = deadlineMakesOverdue({ nummer, ...toDraft(form, users, inrichting) }, form.deadline, now);
  const set = <K extends NewActieField>(field: K, value: NewActieForm[K]) =>
    setForm((f) => (f ? { ...f, [field]: value } : f));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!form || loading || busy || Object.keys(issues).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    setEarlier(undefined);
    const draft = toDraft(form, users, inrichting);
    const repeated = keyUsed.current;
    keyUsed.current = true;
    const outcome = await writer.create(draft, clientKey.current);
    setBusy(false);
    if (outcome.kind === 'saved' && repeated && differsFromDraft(outcome.item.value, draft)) {
      // The key's action was added before, as the form was then: the form as it is now is kept, with a new key, so
      // adding it again adds it as an action of its own.
      clientKey.current = `nieuw:${crypto.randomUUID()}`;
      keyUsed.current = false;
      // The form as it is now (typed on while the add ran, perhaps), under its new key.
      saveNewActieDraft(userKey, siteId, {
        form: latest.current ?? form,
        clientKey: clientKey.current,
        savedAt: new Date().toISOString(),
      });
      setEarlier({ id: outcome.item.id, nummer: outcome.item.value.nummer });
    } else if (outcome.kind === 'saved') {
      added.current = true;
      clearNewActieDraft(userKey, siteId);
      onCreated(outcome.item.id, outcome.item.value.nummer);
    } else if (outcome.kind === 'invalid')
      setFailure({ title: ft('invalidTitle'), text: outcome.issues.map((i) => say(i.message)).join(' ') });
    else if (outcome.kind === 'failed') {
      const d = describeError(outcome.error);
      setFailure({ title: ft('failedTitle'), text: `${t(d.key, { detail: d.detail ?? '' })} ${ft('failedKept')}` });
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="nieuwe-actie">
          <DialogBody>
            <DialogTitle>{ft('dialogTitle')}</DialogTitle>
            <DialogContent className={styles.content}>
              {draftShown && (
                <MessageBar intent="info" layout="multiline" className={styles.bar} data-testid="nieuwe-actie-concept">
                  <MessageBarBody>{ft('draftRestored')}</MessageBarBody>
                  <MessageBarActions>
                    <Button
                      size="small"
                      onClick={() => {
                        clearNewActieDraft(userKey, siteId);
                        clientKey.current = `nieuw:${crypto.randomUUID()}`;
                        keyUsed.current = false;
                        setEarlier(undefined);
                        setForm(fresh());
                        setPlateauTouched(false);
                        setSubmitted(false);
                        setDraftShown(false);
                        // The button goes with the message: the focus goes to the first field, not to the page.
                        titel.current?.focus();
                      }}
                    >
                      {ft('draftDiscard')}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              <Field label={ft('advies')} className={styles.fit}>
                <Select
                  className={styles.fit}
                  value={String(form.advies)}
                  onChange={(_, d) => {
                    const next = adviezen.find((a) => String(a.nummer) === d.value);
                    if (!next) return;
                    setForm((f) =>
                      f ? { ...f, advies: next.nummer, plateau: plateauTouched ? f.plateau : next.plateau } : f,
                    );
                  }}
                >
                  {adviezen.map((a) => (
                    <option key={a.nummer} value={a.nummer}>
                      {a.nummer}. {a.titel}
                    </option>
                  ))}
                </Select>
              </Field>
              <Caption1 className={styles.muted} data-testid="nummer-preview">
                {ft('nummerPreview', { nummer })}
                {advies ? ` ${ft('thema')}: ${themaLabel(t, advies.thema, inrichting)}.` : ''}
              </Caption1>
              <Field label={t('detail.titel')} required validationMessage={shown('titel')}>
                <Textarea
                  ref={titel}
                  value={form.titel}
                  onChange={(_, d) => set('titel', d.value)}
                  resize="vertical"
                  maxLength={400}
                />
              </Field>
              <Field
                label={t('detail.omschrijving')}
                hint={ft('omschrijvingHint', { max: String(TEXT_MAX.omschrijving) })}
                validationMessage={shown('omschrijving')}
              >
                <Textarea
                  value={form.omschrijving}
                  onChange={(_, d) => set('omschrijving', d.value)}
                  resize="vertical"
                  rows={4}
                  maxLength={TEXT_MAX.omschrijving}
                  data-testid="nieuwe-actie-omschrijving"
                />
              </Field>
              <div className={styles.two}>
                <Field label={t('detail.plateau')} hint={ft('plateauHint')} validationMessage={shown('plateau')}>
                  <Select
                    value={form.plateau}
                    onChange={(_, d) => {
                      setPlateauTouched(true);
                      set('plateau', d.value as Plateau);
                    }}
                  >
                    {inrichting.plateaus.map((p) => (
                      <option key={p} value={p}>
                        {plateauLabel(t, p)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field
                  label={t('detail.deadline')}
                  validationMessage={shown('deadline') ?? (pastDeadline ? t('detail.deadlinePast') : undefined)}
                  validationState={shown('deadline') ? 'error' : pastDeadline ? 'warning' : undefined}
                >
                  <DateInput value={form.deadline} onChange={(value) => set('deadline', value)} />
                </Field>
              </div>
              <CheckGroup label={t('detail.domeinen')} error={shown('domeinen')} row>
                {inrichting.domeinen.map(({ naam: d }) => (
                  <Checkbox
                    key={d}
                    label={domeinLabel(t, d)}
                    checked={form.domeinen.includes(d)}
                    onChange={(_, data) =>
                      set('domeinen', data.checked ? [...form.domeinen, d] : form.domeinen.filter((x) => x !== d))
                    }
                  />
                ))}
              </CheckGroup>
              <Field label={t('detail.eigenaar')} validationMessage={shown('eigenaarId')}>
                <Select value={form.eigenaarId} onChange={(_, d) => set('eigenaarId', d.value)}>
                  <option value="">{t('plan.noOwner')}</option>
                  {users.map((u) => (
                    <option key={u.id ?? u.displayName} value={u.id ?? ''}>
                      {personName(t, u)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label={ft('afhankelijkVan')}
                hint={ft('afhankelijkVanHint')}
                validationMessage={shown('afhankelijkVan')}
              >
                <Input value={form.afhankelijkVan} onChange={(_, d) => set('afhankelijkVan', d.value)} />
              </Field>
              <CheckGroup label={ft('bevindingen')} error={shown('bevindingen')}>
                {bevindingen.map((b) => (
                  <Checkbox
                    key={b.nummer}
                    label={`${b.nummer}. ${b.titel}`}
                    checked={form.bevindingen.includes(b.nummer)}
                    onChange={(_, data) =>
                      set(
                        'bevindingen',
                        data.checked ? [...form.bevindingen, b.nummer] : form.bevindingen.filter((x) => x !== b.nummer),
                      )
                    }
                  />
                ))}
              </CheckGroup>
              {earlier && (
                <MessageBar
                  intent="warning"
                  layout="multiline"
                  role="alert"
                  className={styles.bar}
                  data-testid="nieuwe-actie-eerder"
                >
                  <MessageBarBody>
                    <MessageBarTitle>{ft('addedBeforeTitle', { nummer: earlier.nummer })}</MessageBarTitle>
                    {ft('addedBefore', { nummer: earlier.nummer })}
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => onCreated(earlier.id, earlier.nummer)}>
                      {ft('addedBeforeOpen', { nummer: earlier.nummer })}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              {failure && (
                <MessageBar
                  intent="error"
                  layout="multiline"
                  role="alert"
                  className={styles.bar}
                  data-testid="nieuwe-actie-error"
                >
                  <MessageBarBody>
                    <MessageBarTitle>{failure.title}</MessageBarTitle>
                    {failure.text}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button
                appearance="primary"
                type="submit"
                // Focusable while it works: a disabled button drops the focus out of the dialog.
                disabledFocusable={busy || loading}
                icon={busy || loading ? <Spinner size="tiny" /> : undefined}
              >
                {loading ? ft('checkingRole') : busy ? ft('adding') : ft('add')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
