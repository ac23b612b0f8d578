import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import {
  Body1,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  OverlayDrawer,
  Select,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { useFocusAfterClose } from '../../../lib/use-focus-after-close.js';
import { KWARTAAL_KEUZES, PORTFOLIO_FASEN, PORTFOLIO_STATUSES, type PortfolioItem } from '../../../../domain/model.js';
import { useLocale } from '../../../i18n/i18n.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { PortfolioMessageKey as MessageKey } from '../hooks/use-portfolio-t.js';
import { domeinLabel, personName } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useMediaQuery } from '../../../lib/use-media-query.js';
import type { PortfolioState } from '../api/use-portfolio.js';
import { usePortfolioEditor, type PortfolioEditor } from '../hooks/use-portfolio-editor.js';
import { changedFormFields, type FormField } from '../lib/portfolio-form.js';
import { PortfolioGoals } from './portfolio-goals.js';
import { PortfolioHistory } from './portfolio-history.js';
import { usePortfolioDetailStyles as useStyles } from './portfolio-detail-styles.js';
import { ThisKwartaalBadge, StatusBadge } from './portfolio-tables.js';
import { useReleaseAriaHiddenOnUnmount } from '../../../lib/modal-cleanup.js';
import { besluitenOverHash } from '../../../lib/besluiten-link.js';
import { DateInput } from '../../../components/date-picker.js';
import { usePortfolioLabels } from '../../../lib/portfolio-labels.js';
import { assignablePeople } from '../../../../domain/site-user.js';

const LABEL: Record<FormField, MessageKey> = {
  titel: 'pf.col.titel',
  omschrijving: 'pf.detail.omschrijving',
  fase: 'pf.col.fase',
  status: 'pf.col.status',
  statusToelichting: 'pf.detail.statusToelichting',
  prioriteit: 'pf.col.prioriteit',
  ditKwartaal: 'pf.col.ditKwartaal',
  opdrachtgeverId: 'pf.detail.opdrachtgever',
  informatiemanagerId: 'pf.detail.informatiemanager',
  iaContactId: 'pf.detail.iaContact',
  start: 'pf.detail.start',
  einde: 'pf.detail.einde',
  acties: 'pf.detail.acties',
};

/**
 * An initiative's detail: its facts, linked actions and quarter goals, and its edit form. The state and the save
 * (validation, If-Match, draft, conflict) are `usePortfolioEditor`'s; the styles `portfolio-detail-styles.ts`'s.
 */
export function PortfolioDetail({
  id,
  portfolio,
  onClose,
  onOpenActie,
  canEdit,
}: {
  id: string;
  portfolio: PortfolioState;
  onClose: () => void;
  onOpenActie: (id: string) => void;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const titleId = useId();
  const narrow = useMediaQuery('(max-width: 640px)');
  const editor = usePortfolioEditor(id, portfolio);
  const { item, form, base, message, conflict } = editor;
  // When the form closes (saved or cancelled), the focus goes back to "Bewerken", not to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  useFocusAfterClose(editor.editing, editButton);
  useReleaseAriaHiddenOnUnmount();

  if (!item || !form || !base) {
    return (
      <OverlayDrawer
        open
        position="end"
        onOpenChange={(_, d) => !d.open && onClose()}
        aria-label={t('pf.detail.notFound')}
      >
        <DrawerBody>
          <Body1>{t('pf.detail.notFound')}</Body1>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </DrawerBody>
      </OverlayDrawer>
    );
  }

  return (
    <OverlayDrawer
      open
      position="end"
      size={narrow ? 'full' : 'medium'}
      onOpenChange={(_, d) => !d.open && onClose()}
      aria-labelledby={titleId}
      data-testid="portfolio-detail"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={t('common.close')} icon={<DismissRegular />} onClick={onClose} />
          }
        >
          <span id={titleId}>{item.value.titel}</span>
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.body}>
          {message && (
            <MessageBar intent={message.intent}>
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
          {editor.editing && editor.draftBlocked && (
            <MessageBar intent="warning" data-testid="portfolio-draft-blocked">
              <MessageBarBody>{t('pf.detail.draftBlocked')}</MessageBarBody>
            </MessageBar>
          )}
          {conflict && (
            <MessageBar intent="warning" layout="multiline" data-testid="portfolio-conflict">
              <MessageBarBody>
                <MessageBarTitle>{t('pf.detail.conflictTitle')}</MessageBarTitle>
                {conflict.theirs
                  ? t('pf.detail.conflict', {
                      fields: changedFormFields(base.value, conflict.theirs.value)
                        .map((f) => t(LABEL[f]))
                        .join(', '),
                    })
                  : t('pf.detail.deleted')}
              </MessageBarBody>
              <MessageBarActions>
                {conflict.theirs && (
                  <Button appearance="primary" disabled={editor.busy} onClick={editor.applyMine}>
                    {t('pf.detail.applyMine')}
                  </Button>
                )}
                <Button onClick={editor.takeTheirs}>{t('pf.detail.takeTheirs')}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {!editor.editing ? (
            <PortfolioFacts item={item} canEdit={canEdit} onEdit={editor.startEditing} editButton={editButton} />
          ) : (
            <PortfolioEditForm editor={editor} />
          )}
          <PortfolioLinks item={item} titleId={titleId} onOpenActie={onOpenActie} />
          <PortfolioGoals key={item.value.key} item={item} portfolio={portfolio} titleId={titleId} canEdit={canEdit} />
          <PortfolioHistory id={id} version={item.eTag} store={portfolio.store} headingId={`${titleId}-history`} />
        </div>
      </DrawerBody>
    </OverlayDrawer>
  );
}

/** The initiative as stored, and "Wijzigen" for whoever may edit. */
function PortfolioFacts({
  item,
  canEdit,
  onEdit,
  editButton,
}: {
  item: Loaded<PortfolioItem>;
  canEdit: boolean;
  onEdit: () => void;
  editButton: RefObject<HTMLButtonElement | null>;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const labels = usePortfolioLabels();
  const locale = useLocale();
  const v = item.value;
  // Without dates the period is unknown ("–"), not "… – …"; with one date it says which end it is.
  const periodeText = (start: string | undefined, einde: string | undefined): string => {
    if (start && einde) return `${formatCalendarDate(start, locale)} – ${formatCalendarDate(einde, locale)}`;
    if (start) return t('pf.periode.vanaf', { datum: formatCalendarDate(start, locale) });
    if (einde) return t('pf.periode.tot', { datum: formatCalendarDate(einde, locale) });
    return t('pf.periode.geen');
  };
  return (
    <>
      <dl className={styles.facts}>
        <dt className={styles.dt}>{t('pf.col.domein')}</dt>
        <dd className={styles.dd}>{domeinLabel(t, v.domein)}</dd>
        <dt className={styles.dt}>{t('pf.col.fase')}</dt>
        <dd className={styles.dd}>{labels.fase(v.fase)}</dd>
        <dt className={styles.dt}>{t('pf.col.status')}</dt>
        <dd className={styles.dd}>
          <StatusBadge status={v.status} /> {v.statusToelichting}
        </dd>
        <dt className={styles.dt}>{t('pf.col.prioriteit')}</dt>
        <dd className={styles.dd} data-testid="detail-prioriteit">
          {v.prioriteit ?? t('pf.noRank')} <ThisKwartaalBadge value={v.ditKwartaal} />
        </dd>
        <dt className={styles.dt}>{t('pf.detail.opdrachtgever')}</dt>
        <dd className={styles.dd}>{v.opdrachtgever ? personName(t, v.opdrachtgever) : '–'}</dd>
        <dt className={styles.dt}>{t('pf.detail.informatiemanager')}</dt>
        <dd className={styles.dd}>{v.informatiemanager ? personName(t, v.informatiemanager) : '–'}</dd>
        <dt className={styles.dt}>{t('pf.detail.iaContact')}</dt>
        <dd className={styles.dd} data-testid="detail-ia-contact">
          {v.iaContact ? personName(t, v.iaContact) : '–'}
        </dd>
        <dt className={styles.dt}>{t('pf.col.periode')}</dt>
        <dd className={styles.dd} data-testid="detail-periode">
          {periodeText(v.start, v.einde)}
        </dd>
      </dl>
      {v.omschrijving && <Body1 as="p">{v.omschrijving}</Body1>}
      {canEdit && (
        <div>
          <Button appearance="primary" onClick={onEdit} ref={editButton}>
            {t('pf.detail.edit')}
          </Button>
        </div>
      )}
    </>
  );
}

/** The edit form: each field with its problem, saved with If-Match from `editor.base`. */
function PortfolioEditForm({ editor }: { editor: PortfolioEditor }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const labels = usePortfolioLabels();
  const { issues, update, busy } = editor;
  const form = editor.form;
  // The form takes the place of "Bewerken": the focus goes to its first field, not to the page.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  if (!form) return null;
  // No maxLength: a pasted text longer than the list's column stays whole and the domain's validation (text-limits.ts)
  // names it as too long on saving, instead of the input cutting it off without a word.
  const text = (field: FormField, multiline = false) => (
    <Field
      label={t(LABEL[field])}
      // The initiative's name is the one field an item cannot do without.
      required={field === 'titel'}
      validationMessage={issues[field]}
      validationState={issues[field] ? 'error' : 'none'}
    >
      {multiline ? (
        <Textarea value={form[field]} onChange={(_, d) => update(field, d.value)} />
      ) : (
        <Input value={form[field]} onChange={(_, d) => update(field, d.value)} />
      )}
    </Field>
  );
  const select = (field: FormField, options: readonly { value: string; label: string }[]) => (
    <Field label={t(LABEL[field])} validationMessage={issues[field]} validationState={issues[field] ? 'error' : 'none'}>
      <Select value={form[field]} onChange={(_, d) => update(field, d.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  const people = [
    { value: '', label: t('pf.detail.nobody') },
    ...assignablePeople(editor.users).map((u) => ({ value: u.id, label: personName(t, u) })),
  ];
  return (
    <form ref={formRef} className={styles.form} onSubmit={editor.submit} noValidate aria-label={t('pf.detail.edit')}>
      {text('titel')}
      {text('omschrijving', true)}
      <div className={styles.row}>
        {select(
          'fase',
          PORTFOLIO_FASEN.map((f) => ({ value: f, label: labels.fase(f) })),
        )}
        {select(
          'status',
          PORTFOLIO_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
        )}
      </div>
      {text('statusToelichting', true)}
      <div className={styles.row}>
        {text('prioriteit')}
        {select(
          'ditKwartaal',
          KWARTAAL_KEUZES.map((k) => ({ value: k, label: t(k === 'wel' ? 'pf.wel' : 'pf.niet') })),
        )}
      </div>
      {select('opdrachtgeverId', people)}
      {select('informatiemanagerId', people)}
      {select('iaContactId', people)}
      <div className={styles.row}>
        <Field
          label={t('pf.detail.start')}
          validationMessage={issues.start}
          validationState={issues.start ? 'error' : 'none'}
        >
          <DateInput value={form.start} onChange={(value) => update('start', value)} />
        </Field>
        <Field
          label={t('pf.detail.einde')}
          validationMessage={issues.einde}
          validationState={issues.einde ? 'error' : 'none'}
        >
          <DateInput value={form.einde} onChange={(value) => update('einde', value)} />
        </Field>
      </div>
      <Field
        label={t('pf.detail.acties')}
        hint={t('pf.detail.actiesHint')}
        validationMessage={issues.acties}
        validationState={issues.acties ? 'error' : 'none'}
      >
        <Input value={form.acties} onChange={(_, d) => update('acties', d.value)} />
      </Field>
      <div className={styles.buttons}>
        {/* Focusable while saving: a disabled button drops the focus to the page, also after a refused save. */}
        <Button appearance="primary" type="submit" disabledFocusable={busy}>
          {busy ? t('pf.detail.saving') : t('pf.detail.save')}
        </Button>
        <Button onClick={editor.cancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** The linked actions (to their detail) and the link to the decisions about this initiative. */
function PortfolioLinks({
  item,
  titleId,
  onOpenActie,
}: {
  item: Loaded<PortfolioItem>;
  titleId: string;
  onOpenActie: (id: string) => void;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const { plan } = usePlanContext();
  const actieByNummer = new Map((plan?.acties ?? []).map((a) => [a.value.nummer, a]));
  const v = item.value;
  return (
    <section aria-labelledby={`${titleId}-acties`}>
      <Subtitle2 as="h3" id={`${titleId}-acties`}>
        {t('pf.detail.acties')}
      </Subtitle2>
      {v.acties.length === 0 ? (
        <Body1 as="p">{t('pf.detail.noActies')}</Body1>
      ) : (
        <ul className={styles.list} data-testid="linked-acties">
          {v.acties.map((nummer) => {
            const actie = actieByNummer.get(nummer);
            return (
              <li key={nummer}>
                {actie ? (
                  <Link
                    href={`#/actie/${encodeURIComponent(actie.id)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpenActie(actie.id);
                    }}
                  >
                    {nummer} {actie.value.titel}
                  </Link>
                ) : (
                  nummer
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Link href={besluitenOverHash('portfolio', item.id)} data-testid="besluiten-over-link">
        {t('pf.detail.besluiten')}
      </Link>
    </section>
  );
}
