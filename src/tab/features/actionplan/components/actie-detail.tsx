import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Combobox,
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
  Option,
  OverlayDrawer,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { DismissRegular, ShareRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Actie, PersonRef } from '../../../../domain/model.js';
import { ZOETERMEER_INRICHTING } from '../../../../domain/inrichting-basis.js';
import { allowedTransitions } from '../../../../domain/status.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { DeadlineText } from '../../../components/deadline-text.js';
import { deadlineKind } from '../../../../domain/planning.js';
import { bevindingenPerThema, samenhangOf } from '../../../../domain/samenhang.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { VersionList } from '../../../components/version-list.js';
import { useLocale } from '../../../i18n/i18n.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { domainMessageText } from '../../../lib/domain-message.js';
import { domeinLabel, personName, plateauLabel, STATUS_LABEL, themaLabel } from '../../../lib/labels.js';
import { deriveRows } from '../../../lib/plan/derive.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useMediaQuery } from '../../../lib/use-media-query.js';
import { useActieHistory } from '../api/use-actie-history.js';
import { LoadError } from '../../../components/load-error.js';
import { useActieEditor } from '../hooks/use-actie-editor.js';
import { useActieDetailStyles } from './actie-detail-styles.js';
import { hasDomeinVoortgang, ownerCoverage } from '../../../../domain/domein-voortgang.js';
import { ownerText } from '../../../components/owner-text.js';
import { useScope } from '../../../app/scope.js';
import { DomeinVoortgangSection } from './domein-voortgang-section.js';
import { AgenderingSection } from './agendering-section.js';
import { ActiePlanChanges, VervallenBanner } from './actie-plan-changes.js';
import { LinkedPortfolio } from './linked-portfolio.js';
import { FIELD_LABEL, MergeView } from './merge-view.js';
import { useReleaseAriaHiddenOnUnmount } from '../../../lib/modal-cleanup.js';
import { besluitenOverHash } from '../../../lib/besluiten-link.js';
import { CheckGroup } from '../../../components/check-group.js';
import { DateInput } from '../../../components/date-picker.js';
import { deadlineMakesOverdue } from '../lib/deadline-warning.js';

export type ShareResult = { kind: 'shared' } | { kind: 'copied'; url: string } | { kind: 'manual'; url: string };

/** The detail of one action in a side panel: every field, editable with the plan's rules, and its context. */
export function ActieDetail({
  id,
  onClose,
  onOpen,
  canEdit,
  onShare,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  canEdit: boolean;
  onShare: (item: Loaded<Actie>) => Promise<ShareResult>;
}) {
  const t = useTextsT(detailTexts, historyTexts);
  const styles = useActieDetailStyles();
  const narrow = useMediaQuery('(max-width: 640px)');
  const { plan } = usePlanContext();
  const item = plan?.acties.find((a) => a.id === id);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(document.activeElement);

  useReleaseAriaHiddenOnUnmount();
  useEffect(() => {
    const previous = returnFocus.current;
    return () => {
      // The panel closes by a route change; focus goes back to what opened it (WCAG 2.4.3).
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <OverlayDrawer
      open
      position="end"
      size={narrow ? 'full' : 'medium'}
      onOpenChange={(_, data) => !data.open && onClose()}
      aria-labelledby={titleId}
      data-testid="actie-detail"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: titleId, className: styles.title }}
          action={
            <Button appearance="subtle" aria-label={t('common.close')} icon={<DismissRegular />} onClick={onClose} />
          }
        >
          {item ? `${item.value.nummer} · ${item.value.titel}` : t('detail.notFoundTitle')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {item ? (
          <DetailBody key={id} item={item} onOpen={onOpen} canEdit={canEdit} onShare={onShare} />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t('detail.notFound')}</MessageBarBody>
          </MessageBar>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function DetailBody({
  item,
  onOpen,
  canEdit,
  onShare,
}: {
  item: Loaded<Actie>;
  onOpen: (id: string) => void;
  canEdit: boolean;
  onShare: (item: Loaded<Actie>) => Promise<ShareResult>;
}) {
  const styles = useActieDetailStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const locale = useLocale();
  const ctx = usePlanContext();
  const editor = useActieEditor(item, canEdit);
  const { base, form, users, conflict, saving, message, restored, draftBlocked, dirty, shownIssue, set } = editor;

  const row = useMemo(
    () => (ctx.plan ? deriveRows(ctx.plan, ctx.now).find((r) => r.id === item.id) : undefined),
    [ctx.plan, ctx.now, item.id],
  );
  const advies = row?.advies;
  // The plateaus, domains and themes are the municipality's (its set-up, read with the plan).
  const inrichting = ctx.plan?.inrichting ?? ZOETERMEER_INRICHTING;
  const bevindingen = (ctx.plan?.bevindingen ?? []).filter((b) => item.value.bevindingen.includes(b.value.nummer));
  // The findings as the report's appendices group them (by theme), and the adviezen the college relates to this one.
  const bevindingGroepen = bevindingenPerThema(
    bevindingen.map((b) => ({ ...b.value, id: b.id })),
    inrichting.themas,
  );
  const adviezen = (ctx.plan?.adviezen ?? []).map((a) => a.value);
  const samenhang = advies ? samenhangOf(adviezen, advies.nummer) : { noemt: [], genoemdDoor: [] };
  const adviesTitel = (nummer: number): string => {
    const a = adviezen.find((x) => x.nummer === nummer);
    return a ? `${a.nummer}. ${a.titel}` : String(nummer);
  };
  const statusOptions = [base.value.status, ...allowedTransitions(base.value.status)];
  const scope = useScope();
  // A shared action's status is the roll-up of its domains: it changes through their rows, not here.
  const rolledUp = hasDomeinVoortgang(item.value);
  const history = useActieHistory(item.id, base.eTag);
  // A typed deadline that makes the action achterstallig at once is said (accepted: a plan may record a late date).
  const pastDeadline = deadlineMakesOverdue(
    { ...item.value, status: rolledUp ? item.value.status : form.status, planning: form.planning },
    form.deadline,
    ctx.now,
    item.value.deadline,
  );
  const [share, setShare] = useState<ShareResult | undefined>();

  return (
    <div className={styles.body}>
      <div className={styles.actions}>
        <StatusBadge status={item.value.status} />
        <DeadlineText
          deadline={item.value.deadline}
          overdue={row?.overdue ?? false}
          doorlopend={deadlineKind(item.value) === 'doorlopend'}
        />
        <Button
          size="small"
          icon={<ShareRegular />}
          onClick={() => void onShare(item).then(setShare, () => setShare({ kind: 'manual', url: '' }))}
        >
          {t('detail.share')}
        </Button>
      </div>
      <VervallenBanner actie={item.value} />
      {item.value.omschrijving && (
        <section className={styles.section} aria-labelledby="omschrijving-title">
          <Subtitle2 as="h3" id="omschrijving-title">
            {t('detail.omschrijving')}
          </Subtitle2>
          <Body1 as="p" className={styles.dd} data-testid="actie-omschrijving">
            {item.value.omschrijving}
          </Body1>
        </section>
      )}
      {share && (
        <MessageBar intent={share.kind === 'manual' ? 'info' : 'success'} data-testid="share-result">
          <MessageBarBody className={styles.share}>
            {share.kind === 'shared'
              ? t('detail.shared')
              : share.kind === 'copied'
                ? t('detail.copied')
                : t('detail.copyManually')}
            {share.kind !== 'shared' && share.url && <div>{share.url}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {restored && (
        <MessageBar intent="info" layout="multiline" data-testid="draft-restored">
          <MessageBarBody>
            <MessageBarTitle>{t('detail.draftRestoredTitle')}</MessageBarTitle>
            {t('detail.draftRestored')}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={editor.discardDraft}>
              {t('detail.discardDraft')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {message && (
        <MessageBar
          intent={message.intent}
          layout="multiline"
          data-testid="save-message"
          role={message.intent === 'error' ? 'alert' : 'status'}
        >
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {draftBlocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('detail.draftBlocked')}</MessageBarBody>
        </MessageBar>
      )}

      <DomeinVoortgangSection item={item} domein={scope.domein} canEdit={canEdit} />
      {canEdit && <AgenderingSection item={item} domein={scope.domein} />}
      {conflict ? (
        <MergeView
          base={base.value}
          mine={form}
          theirs={conflict.theirs.value}
          users={users}
          busy={saving}
          onSave={editor.saveMerge}
          onTakeTheirs={editor.takeTheirs}
        />
      ) : canEdit ? (
        <form
          ref={editor.formRef}
          className={styles.form}
          onSubmit={editor.onSubmit}
          noValidate
          aria-label={t('detail.formLabel')}
        >
          {/* No maxLength on the texts: a pasted text longer than the column takes stays whole and is named as too long by
              the plan's validation, instead of being cut off without a word. */}
          <Field label={t(FIELD_LABEL.titel)} required validationMessage={shownIssue('titel')} data-field="titel">
            <Textarea value={form.titel} onChange={(_, d) => set('titel', d.value)} resize="vertical" />
          </Field>
          <div className={styles.two}>
            <Field
              label={t(FIELD_LABEL.status)}
              validationMessage={shownIssue('status')}
              hint={rolledUp ? t('domeinVoortgang.statusRolledUp') : undefined}
              data-field="status"
            >
              {/* A shared action's status is its domains' roll-up, as stored now (a domain's save just changed it), not
                  the form's copy from when the panel opened. */}
              <Select
                value={rolledUp ? item.value.status : form.status}
                onChange={(_, d) => set('status', d.value as Actie['status'])}
                disabled={rolledUp}
              >
                {(rolledUp ? [item.value.status] : statusOptions).map((s) => (
                  <option key={s} value={s}>
                    {t(STATUS_LABEL[s])}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(FIELD_LABEL.plateau)} validationMessage={shownIssue('plateau')} data-field="plateau">
              <Select value={form.plateau} onChange={(_, d) => set('plateau', d.value as Actie['plateau'])}>
                {inrichting.plateaus.map((p) => (
                  <option key={p} value={p}>
                    {plateauLabel(t, p)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field
            label={t(FIELD_LABEL.statusToelichting)}
            validationMessage={shownIssue('statusToelichting')}
            data-field="statusToelichting"
          >
            <Textarea
              value={form.statusToelichting}
              onChange={(_, d) => set('statusToelichting', d.value)}
              resize="vertical"
              rows={3}
            />
          </Field>
          <Field
            label={t(FIELD_LABEL.eigenaarId)}
            validationMessage={shownIssue('eigenaarId')}
            hint={rolledUp ? t('domeinVoortgang.ownerPerDomein') : undefined}
            data-field="eigenaarId"
          >
            <OwnerPicker users={users} value={form.eigenaarId} onChange={(v) => set('eigenaarId', v)} />
          </Field>
          <div className={styles.two}>
            <Field label={t(FIELD_LABEL.start)} validationMessage={shownIssue('start')} data-field="start">
              <DateInput value={form.start} onChange={(value) => set('start', value)} />
            </Field>
            <Field
              label={t(FIELD_LABEL.deadline)}
              validationMessage={shownIssue('deadline') ?? (pastDeadline ? t('detail.deadlinePast') : undefined)}
              validationState={shownIssue('deadline') ? 'error' : pastDeadline ? 'warning' : undefined}
              data-field="deadline"
            >
              <DateInput value={form.deadline} onChange={(value) => set('deadline', value)} />
            </Field>
          </div>
          <Field label={t(FIELD_LABEL.planning)} validationMessage={shownIssue('planning')} data-field="planning">
            <Input value={form.planning} onChange={(_, d) => set('planning', d.value)} />
          </Field>
          <Field
            label={t(FIELD_LABEL.lopendTraject)}
            validationMessage={shownIssue('lopendTraject')}
            data-field="lopendTraject"
          >
            <Input value={form.lopendTraject} onChange={(_, d) => set('lopendTraject', d.value)} />
          </Field>
          <CheckGroup label={t(FIELD_LABEL.domeinen)} error={shownIssue('domeinen')} row data-field="domeinen">
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
          <div className={styles.actions}>
            {/* disabledFocusable, not disabled: the button that was pressed keeps the focus while it waits and after the
                save (a disabled one drops it to the page, and Escape no longer closed the panel). */}
            <Button
              appearance="primary"
              type="submit"
              disabledFocusable={saving || !dirty}
              icon={saving ? <Spinner size="tiny" /> : undefined}
            >
              {saving ? t('detail.saving') : t('detail.save')}
            </Button>
            <Button disabledFocusable={saving || !dirty} onClick={editor.undo}>
              {t('detail.undo')}
            </Button>
            {dirty && <Caption1 className={styles.muted}>{t('detail.unsaved')}</Caption1>}
            {/* The outcome where the person pressed; the message at the top says it in full (and to a screen reader). */}
            {!dirty && message?.intent === 'success' && <Caption1 data-testid="save-outcome">{message.title}</Caption1>}
          </div>
        </form>
      ) : (
        <ReadOnlyFields actie={item.value} />
      )}

      <section className={styles.section} aria-labelledby="context-title">
        <Subtitle2 as="h3" id="context-title">
          {t('detail.context')}
        </Subtitle2>
        <dl className={styles.dl}>
          <dt className={styles.dt}>{t('detail.advies')}</dt>
          <dd className={styles.dd}>{advies ? `${advies.nummer}. ${advies.titel}` : item.value.advies}</dd>
          {advies?.omschrijving && (
            <>
              <dt className={styles.dt}>{t('detail.adviesOmschrijving')}</dt>
              <dd className={styles.dd} data-testid="advies-omschrijving">
                {advies.omschrijving}
              </dd>
            </>
          )}
          {advies?.collegeReactie && (
            <>
              <dt className={styles.dt}>{t('detail.collegeReactie')}</dt>
              <dd className={styles.dd}>{advies.collegeReactie}</dd>
            </>
          )}
          {(samenhang.noemt.length > 0 || samenhang.genoemdDoor.length > 0) && (
            <>
              <dt className={styles.dt}>{t('detail.samenhang')}</dt>
              <dd className={styles.dd} data-testid="samenhang">
                <ul className={styles.list}>
                  {samenhang.noemt.map((n) => (
                    <li key={`noemt-${n}`} data-advies={n}>
                      {adviesTitel(n)}
                      <Caption1 as="p" block className={styles.toelichting}>
                        {t('detail.samenhangNoemt')}
                      </Caption1>
                    </li>
                  ))}
                  {samenhang.genoemdDoor.map((n) => (
                    <li key={`door-${n}`} data-advies={n}>
                      {adviesTitel(n)}
                      <Caption1 as="p" block className={styles.toelichting}>
                        {t('detail.samenhangGenoemdDoor', { nummer: n })}
                      </Caption1>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt className={styles.dt}>{t('detail.collegePlanning')}</dt>
          <dd className={styles.dd}>{advies?.collegePlanning || t('plan.noPlanning')}</dd>
          <dt className={styles.dt}>{t('detail.lopendTraject')}</dt>
          <dd className={styles.dd}>{item.value.lopendTraject || t('detail.none')}</dd>
          <dt className={styles.dt}>{t('detail.bevindingen')}</dt>
          <dd className={styles.dd}>
            {bevindingen.length === 0
              ? t('detail.none')
              : bevindingGroepen.map((groep) => (
                  <div
                    key={groep.thema?.code ?? '-'}
                    data-testid="bevinding-thema"
                    data-thema={groep.thema?.code ?? ''}
                  >
                    <Caption1 as="p" block className={styles.themaKop}>
                      {groep.thema
                        ? t('plan.theme', { code: groep.thema.code, naam: themaLabel(t, groep.thema.code, inrichting) })
                        : t('detail.zonderThema')}
                    </Caption1>
                    <ul className={styles.list}>
                      {groep.bevindingen.map((b) => (
                        <li key={b.id} data-testid="bevinding">
                          {b.nummer}. {b.titel}
                          {b.toelichting && (
                            <Caption1 as="p" block className={styles.toelichting}>
                              {b.toelichting}
                            </Caption1>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
          </dd>
          <dt className={styles.dt}>{t('detail.portfolio')}</dt>
          <dd className={styles.dd}>
            <LinkedPortfolio nummer={item.value.nummer} />
          </dd>
          <dt className={styles.dt}>{t('nav.besluiten')}</dt>
          <dd className={styles.dd}>
            <Link href={besluitenOverHash('actie', item.id)} data-testid="besluiten-over-link">
              {t('detail.besluiten')}
            </Link>
          </dd>
        </dl>
      </section>

      <section className={styles.section} aria-labelledby="deps-title">
        <Subtitle2 as="h3" id="deps-title">
          {t('detail.dependencies')}
        </Subtitle2>
        {row && row.dependsOn.length === 0 && row.dependents.length === 0 && (
          <Body1 className={styles.muted}>{t('detail.noDependencies')}</Body1>
        )}
        {row && row.dependsOn.length > 0 && (
          <>
            <Body1>{t('detail.buildsOn')}</Body1>
            <ul className={styles.list} data-testid="depends-on">
              {row.dependsOn.map((d) => (
                <li key={d.nummer} className={styles.depItem}>
                  {d.item ? (
                    <>
                      <Link as="button" onClick={() => d.item && onOpen(d.item.id)}>
                        {d.nummer} {d.item.value.titel}
                      </Link>
                      <StatusBadge status={d.item.value.status} size="small" />
                      {row.blockedBy.some((b) => b.nummer === d.nummer) && <Caption1>{t('detail.holdsUp')}</Caption1>}
                    </>
                  ) : (
                    <span>{t('detail.missingDependency', { nummer: d.nummer })}</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {row && row.dependents.length > 0 && (
          <>
            <Body1>{t('detail.dependents')}</Body1>
            <ul className={styles.list}>
              {row.dependents.map((nummer) => {
                const dep = ctx.plan?.acties.find((a) => a.value.nummer === nummer);
                return (
                  <li key={nummer}>
                    {dep ? (
                      <Link as="button" onClick={() => onOpen(dep.id)}>
                        {nummer} {dep.value.titel}
                      </Link>
                    ) : (
                      nummer
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {/* Hidden, not unmounted, while the main form's conflict is merged: what was typed here (dependencies, a reason
          to retire) stays. */}
      {canEdit && (
        <div
          hidden={conflict !== undefined}
          style={{ display: conflict !== undefined ? 'none' : 'contents' }}
          data-testid="plan-changes"
        >
          <ActiePlanChanges item={item} scope={scope.domein} />
        </div>
      )}

      {item.problems.length > 0 && (
        <section className={styles.section} aria-labelledby="problems-title">
          <Subtitle2 as="h3" id="problems-title">
            {t('detail.problems')}
          </Subtitle2>
          <ul className={styles.list}>
            {item.problems.map((p, i) => (
              <li key={i}>{p.domain ? domainMessageText(p.domain, t, locale) : p.message}</li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-labelledby="history-title">
        <Subtitle2 as="h3" id="history-title">
          {t('detail.history')}
        </Subtitle2>
        {history.status === 'loading' && <Spinner size="tiny" label={t('detail.historyLoading')} />}
        {history.error !== undefined && (
          <LoadError
            title={t('detail.historyError')}
            error={history.error}
            kept={history.data !== undefined}
            retrying={history.fetching}
            onRetry={history.reload}
            testId="history-error"
          />
        )}
        {history.data && <VersionList versions={history.data} testId="history" noFieldsKey="detail.historyNoFields" />}
      </section>
    </div>
  );
}

/** Chooses the owner among the site users; typing filters the list (a real site has many users). */
function OwnerPicker({
  users,
  value,
  onChange,
}: {
  users: readonly PersonRef[];
  value: string;
  onChange: (id: string) => void;
}) {
  const t = useTextsT(detailTexts, historyTexts);
  const selected = users.find((u) => u.id === value);
  const selectedName = selected ? personName(t, selected) : '';
  const [query, setQuery] = useState(selectedName);
  useEffect(() => setQuery(selectedName), [selectedName]);
  const matches = users.filter(
    (u) => personName(t, u).toLowerCase().includes(query.toLowerCase()) || selectedName === query,
  );
  return (
    <Combobox
      value={query}
      selectedOptions={value ? [value] : ['']}
      placeholder={t('detail.chooseOwner')}
      // Fluent's own name for the button that opens the list is English ("Open").
      expandIcon={{ 'aria-label': t('common.showChoices') }}
      onChange={(e) => setQuery(e.target.value)}
      onOptionSelect={(_, d) => {
        onChange(d.optionValue ?? '');
        setQuery(d.optionValue ? (d.optionText ?? '') : '');
      }}
    >
      <Option value="" text={t('plan.noOwner')}>
        {t('plan.noOwner')}
      </Option>
      {matches.slice(0, 100).map((u) => (
        <Option key={u.id ?? u.displayName} value={u.id ?? ''} text={personName(t, u)}>
          {personName(t, u)}
        </Option>
      ))}
    </Combobox>
  );
}

function ReadOnlyFields({ actie }: { actie: Actie }) {
  const styles = useActieDetailStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const { plan } = usePlanContext();
  // On the roll-up, a shared action without an owner of its own says how its domains carry it, as its card does.
  const coverage =
    plan && plan.projectedFor === undefined
      ? ownerCoverage(
          actie,
          plan.domeinVoortgang.map((r) => r.value),
        )
      : undefined;
  const rows: [string, string][] = [
    [t('detail.status'), t(STATUS_LABEL[actie.status])],
    [t('detail.statusToelichting'), actie.statusToelichting ?? t('detail.none')],
    [t('detail.eigenaar'), ownerText(t, actie.eigenaar, coverage?.kind === 'perDomein' ? coverage : undefined)],
    [t('detail.start'), actie.start ?? t('detail.none')],
    [t('detail.deadline'), actie.deadline ?? t('plan.noDeadline')],
    [t('detail.planning'), actie.planning ?? t('detail.none')],
    [t('detail.plateau'), plateauLabel(t, actie.plateau)],
    [t('detail.domeinen'), actie.domeinen.map((d) => domeinLabel(t, d)).join(', ')],
  ];
  return (
    <dl className={styles.dl}>
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={styles.dt}>{label}</dt>
          <dd className={styles.dd}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
