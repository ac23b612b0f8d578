import { hasDomeinVoortgang } from '../../../../domain/domein-voortgang.js';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ACTIE_STATUSES, type ActieStatus, type PersonRef } from '../../../../domain/model.js';
import { checkTransition } from '../../../../domain/status.js';
import { TEXT_MAX } from '../../../../domain/text-limits.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { personName, STATUS_LABEL } from '../../../lib/labels.js';
import { describeError } from '../../../lib/errors.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useActieWriter, type ActieChange } from '../../../lib/plan/use-actie-writer.js';
import { DateInput } from '../../../components/date-picker.js';
import { deadlineMakesOverdue } from '../lib/deadline-warning.js';
import type { DomainMessage } from '../../../../domain/messages.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { bulkTexts } from '../edit-i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { assignablePeople } from '../../../../domain/site-user.js';

export type BulkKind = 'status' | 'eigenaar' | 'deadline';
/** What a bulk change did. `deleted`: the action was deleted meanwhile (it leaves the list; nothing to select again). */
export type BulkSummary = { ok: number; failed: { id: string; nummer: string; reason: string; deleted?: true }[] };

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  skipped: { maxHeight: '8rem', overflowY: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const NO_OWNER = '__geen__';

/**
 * Changes status, owner or deadline of many actions at once, through the data layer's `$batch`. Each action is
 * checked against the plan's rules first; the ones that cannot take the change are named and left alone.
 */
export function BulkDialog({
  kind,
  ids,
  onClose,
}: {
  kind: BulkKind;
  ids: string[];
  onClose: (result?: BulkSummary) => void;
}) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const bt = useFeatureT(bulkTexts);
  const say = useDomainText();
  const { plan, now } = usePlanContext();
  const writer = useActieWriter();
  const [status, setStatus] = useState<ActieStatus>('Loopt');
  const [toelichting, setToelichting] = useState('');
  const [lopendTraject, setLopendTraject] = useState('');
  const [owner, setOwner] = useState<string>('');
  const [deadline, setDeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const items = useMemo(() => (plan?.acties ?? []).filter((a) => ids.includes(a.id)), [plan, ids]);
  const users = useMemo(() => assignablePeople(plan?.users ?? []), [plan]);

  // How many of the actions a typed deadline makes achterstallig at once (said, not refused).
  const pastCount =
    kind === 'deadline'
      ? items.filter((i) => deadlineMakesOverdue(i.value, deadline, now, i.value.deadline)).length
      : 0;
  const plannedChanges = useMemo(() => {
    const changes: { id: string; nummer: string; change: ActieChange }[] = [];
    const skipped: { nummer: string; reason: string }[] = [];
    for (const item of items) {
      const a = item.value;
      if (kind === 'status') {
        // A shared action's status is the roll-up of its domains' rows: writing its own Status would change nothing
        // anyone sees, so it is skipped with the reason, as an impossible transition is.
        if (hasDomeinVoortgang(a)) {
          skipped.push({ nummer: a.nummer, reason: t('domeinVoortgang.statusRolledUp') });
          continue;
        }
        const check = checkTransition(a.status, status, toelichting || a.statusToelichting);
        if (!check.ok) {
          skipped.push({ nummer: a.nummer, reason: say(check.message) });
          continue;
        }
        const change: ActieChange = { status };
        if (toelichting.trim()) change.statusToelichting = toelichting.trim();
        if (status === 'Belegd in lopend traject' && !a.lopendTraject) {
          if (!lopendTraject.trim()) {
            skipped.push({ nummer: a.nummer, reason: bt('needsTraject') });
            continue;
          }
          change.lopendTraject = lopendTraject.trim();
        }
        changes.push({ id: item.id, nummer: a.nummer, change });
      } else if (kind === 'eigenaar') {
        if (!owner) continue;
        const person: PersonRef | undefined = owner === NO_OWNER ? undefined : users.find((u) => u.id === owner);
        changes.push({ id: item.id, nummer: a.nummer, change: { eigenaar: person } });
      } else {
        if (deadline && a.start && deadline < a.start) {
          skipped.push({ nummer: a.nummer, reason: bt('deadlineBeforeStart') });
          continue;
        }
        changes.push({ id: item.id, nummer: a.nummer, change: { deadline: deadline || undefined } });
      }
    }
    return { changes, skipped };
  }, [items, kind, status, toelichting, lopendTraject, owner, deadline, users, t, bt, say]);

  const ready = kind === 'eigenaar' ? owner !== '' : true;
  const title =
    kind === 'status'
      ? bt('statusTitle', { count: items.length })
      : kind === 'eigenaar'
        ? bt('eigenaarTitle', { count: items.length })
        : bt('deadlineTitle', { count: items.length });

  async function apply() {
    setBusy(true);
    setError(undefined);
    try {
      const { results } = await writer.bulk(plannedChanges.changes.map(({ id, change }) => ({ id, change })));
      const nummerOf = (id: string) => plannedChanges.changes.find((c) => c.id === id)?.nummer ?? id;
      const failed = results.flatMap((r): BulkSummary['failed'] => {
        if (r.ok) return [];
        const deleted = r.error.name === 'ActieConflictError' && (r.error as Error & { deleted?: boolean }).deleted;
        if (deleted) return [{ id: r.id, nummer: nummerOf(r.id), reason: bt('deleted'), deleted: true }];
        const reason =
          r.error.name === 'ActieConflictError'
            ? bt('conflict')
            : r.error.name === 'ActieValidationError'
              ? // The domain's messages in the UI's language, not the error's Dutch text.
                (r.error as Error & { issues: { message: DomainMessage }[] }).issues
                  .map((i) => say(i.message))
                  .join(' ')
              : t(describeError(r.error).key, { detail: describeError(r.error).detail ?? '' });
        return [{ id: r.id, nummer: nummerOf(r.id), reason }];
      });
      onClose({ ok: results.filter((r) => r.ok).length, failed });
    } catch (e) {
      const d = describeError(e);
      setError(bt('failed', { detail: t(d.key, { detail: d.detail ?? '' }) }));
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {kind === 'status' && (
                <>
                  <Field label={t('detail.status')}>
                    <Select value={status} onChange={(_, d) => setStatus(d.value as ActieStatus)}>
                      {ACTIE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(STATUS_LABEL[s])}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('detail.statusToelichting')} hint={bt('toelichtingHint')}>
                    <Textarea
                      value={toelichting}
                      onChange={(_, d) => setToelichting(d.value)}
                      resize="vertical"
                      maxLength={TEXT_MAX.statusToelichting}
                    />
                  </Field>
                  {status === 'Belegd in lopend traject' && (
                    <Field label={t('detail.lopendTraject')} hint={bt('trajectHint')}>
                      <Input
                        value={lopendTraject}
                        onChange={(_, d) => setLopendTraject(d.value)}
                        maxLength={TEXT_MAX.regel}
                      />
                    </Field>
                  )}
                </>
              )}
              {kind === 'eigenaar' && (
                <Field label={t('detail.eigenaar')} required>
                  <Dropdown
                    placeholder={t('detail.chooseOwner')}
                    selectedOptions={owner ? [owner] : []}
                    value={
                      owner === NO_OWNER
                        ? t('plan.noOwner')
                        : ((u) => (u ? personName(t, u) : ''))(users.find((u) => u.id === owner))
                    }
                    onOptionSelect={(_, d) => setOwner(d.optionValue ?? '')}
                  >
                    <Option value={NO_OWNER}>{t('plan.noOwner')}</Option>
                    {users.map((u) => (
                      <Option key={u.id ?? u.displayName} value={u.id ?? ''} text={personName(t, u)}>
                        {personName(t, u)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              )}
              {kind === 'deadline' && (
                <Field
                  label={t('detail.deadline')}
                  hint={bt('deadlineHint')}
                  validationMessage={pastCount > 0 ? t('detail.deadlinePastBulk', { count: pastCount }) : undefined}
                  validationState={pastCount > 0 ? 'warning' : undefined}
                >
                  <DateInput value={deadline} onChange={setDeadline} />
                </Field>
              )}
              <MessageBar intent={plannedChanges.skipped.length ? 'warning' : 'info'} layout="multiline">
                <MessageBarBody data-testid="bulk-preview">
                  {bt('preview', { count: plannedChanges.changes.length, skipped: plannedChanges.skipped.length })}
                  {plannedChanges.skipped.length > 0 && (
                    <ul className={styles.skipped}>
                      {plannedChanges.skipped.map((s) => (
                        <li key={s.nummer}>
                          {s.nummer}: {s.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </MessageBarBody>
              </MessageBar>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose()} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button
                appearance="primary"
                type="submit"
                disabled={busy || !ready || plannedChanges.changes.length === 0}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {bt('apply', { count: plannedChanges.changes.length })}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
