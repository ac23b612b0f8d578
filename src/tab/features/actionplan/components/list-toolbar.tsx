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
  Option,
  SearchBox,
  Switch,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { DeleteRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import { ACTIE_STATUSES, type Advies, type PersonRef } from '../../../../domain/model.js';
import type { Inrichting } from '../../../../domain/inrichting-basis.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { domeinLabel, personName, plateauLabel, STATUS_LABEL, themaLabel } from '../../../lib/labels.js';
import { NO_OWNER, PER_DOMEIN_OWNER, personKey } from '../../../lib/plan/derive.js';
import { useSavedViews } from '../hooks/use-saved-views.js';
import {
  activeFilterCount,
  DEFAULT_QUERY,
  DUE_WINDOWS,
  GROUP_KEYS,
  queryFromParams,
  queryToParams,
  type DueWindow,
  type GroupKey,
  type ListFilters,
  type ListQuery,
} from '../lib/list-query.js';
import { viewsTexts } from '../edit-i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  search: { flexGrow: 1, minWidth: '14rem', maxWidth: '28rem' },
  filter: { minWidth: '9rem', maxWidth: '14rem' },
  dropdown: { minWidth: '9rem', maxWidth: '14rem' },
  // The card's words for a deadline window ("Deadline tot en met 31 maart 2027") on one line.
  filterWide: { minWidth: '9rem', maxWidth: '19rem' },
  listbox: { minWidth: '9rem', maxWidth: 'min(48rem, calc(100vw - 2rem))' },
});

/**
 * A filter's menu is as wide as its options (an advies title on one line, not wrapped over five), never narrower
 * than its field's minimum and never wider than the window. Fluent sizes a dropdown's menu to its field unless the
 * positioning is told not to match the field's width.
 */
const CONTENT_WIDE_POSITIONING = { matchTargetSize: undefined };

export const DUE_LABEL: Record<DueWindow, MessageKey> = {
  alle: 'due.alle',
  achterstallig: 'due.achterstallig',
  '7-dagen': 'due.7dagen',
  '30-dagen': 'due.30dagen',
  'dit-kwartaal': 'due.ditKwartaal',
  'geen-deadline': 'due.geenDeadline',
};

/** The Termijn option of a `tot` date (not one of the windows). */
const TOT_OPTION = 'tot';

export const GROUP_LABEL: Record<GroupKey, MessageKey> = {
  geen: 'group.geen',
  status: 'group.status',
  advies: 'group.advies',
  plateau: 'group.plateau',
  thema: 'group.thema',
  domein: 'group.domein',
  eigenaar: 'group.eigenaar',
};

type MultiFilterProps = {
  label: string;
  options: { value: string; text: string }[];
  selected: string[];
  onChange: (values: string[]) => void;
};

function MultiFilter({ label, options, selected, onChange }: MultiFilterProps) {
  const styles = useStyles();
  const t = useT();
  const text =
    selected.length === 0
      ? t('filter.all')
      : selected.map((v) => options.find((o) => o.value === v)?.text ?? v).join(', ');
  return (
    <Field label={label} size="small" className={styles.filter}>
      <Dropdown
        multiselect
        size="small"
        className={styles.dropdown}
        value={text}
        selectedOptions={selected}
        onOptionSelect={(_, data) => onChange(data.selectedOptions)}
        positioning={CONTENT_WIDE_POSITIONING}
        listbox={{ className: styles.listbox }}
      >
        {options.map((o) => (
          <Option key={o.value || '∅'} value={o.value} text={o.text}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/**
 * Search, filters, grouping and saved views of the list. Everything ends up in the URL. The plateau, theme and
 * domain filters offer the municipality's values (`inrichting`, its set-up read with the plan), in its order.
 */
export function ListToolbar({
  query,
  onChange,
  adviezen,
  users,
  perDomein,
  scoped,
  inrichting,
}: {
  query: ListQuery;
  onChange: (query: ListQuery) => void;
  adviezen: Advies[];
  users: PersonRef[];
  /** Whether "Eigenaar per domein" is an option (`offersPerDomein`). */
  perDomein: boolean;
  scoped: boolean;
  inrichting: Inrichting;
}) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const f = query.filters;
  const setFilters = (patch: Partial<ListFilters>) => onChange({ ...query, filters: { ...f, ...patch } });
  const ownerOptions = useMemo(
    () => [
      { value: NO_OWNER, text: t('plan.noOwner') },
      ...(perDomein ? [{ value: PER_DOMEIN_OWNER, text: t('plan.ownerPerDomein') }] : []),
      ...[...users]
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
        .map((u) => ({ value: personKey(u), text: personName(t, u) })),
    ],
    [users, perDomein, t],
  );
  const count = activeFilterCount(f);
  // A deadline window from a link (the agenda card's "Deadline tot en met …", in its words): an option of its own
  // while it is set.
  const totLabel = f.tot ? t('due.tot', { datum: formatCalendarDate(f.tot, locale, 'long') }) : undefined;

  return (
    <div className={styles.root} role="search" aria-label={t('list.searchAndFilter')}>
      <div className={styles.row}>
        <Field label={t('list.search')} size="small" className={styles.search}>
          <SearchBox
            size="small"
            value={f.q}
            onChange={(_, data) => setFilters({ q: data.value })}
            placeholder={t('list.searchPlaceholder')}
            // Fluent's own name for the clear button is English ("clear").
            dismiss={{ 'aria-label': t('common.clearSearch') }}
          />
        </Field>
        <Field label={t('list.group')} size="small" className={styles.filter}>
          <Dropdown
            size="small"
            className={styles.dropdown}
            value={t(GROUP_LABEL[query.group])}
            selectedOptions={[query.group]}
            onOptionSelect={(_, data) =>
              onChange({ ...query, group: (data.optionValue as GroupKey | undefined) ?? 'geen' })
            }
            positioning={CONTENT_WIDE_POSITIONING}
            listbox={{ className: styles.listbox }}
          >
            {GROUP_KEYS.map((g) => (
              <Option key={g} value={g}>
                {t(GROUP_LABEL[g])}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <SavedViews query={query} onApply={onChange} inrichting={inrichting} />
      </div>
      <div className={styles.row}>
        <MultiFilter
          label={t('filter.status')}
          options={ACTIE_STATUSES.map((s) => ({ value: s, text: t(STATUS_LABEL[s]) }))}
          selected={f.status}
          onChange={(v) => setFilters({ status: v as ListFilters['status'] })}
        />
        <MultiFilter
          label={t('filter.advies')}
          options={adviezen.map((a) => ({ value: String(a.nummer), text: `${a.nummer}. ${a.titel}` }))}
          selected={f.advies.map(String)}
          onChange={(v) => setFilters({ advies: v.map(Number) })}
        />
        <MultiFilter
          label={t('filter.plateau')}
          options={inrichting.plateaus.map((p) => ({ value: p, text: plateauLabel(t, p) }))}
          selected={f.plateau}
          onChange={(v) => setFilters({ plateau: v as ListFilters['plateau'] })}
        />
        <MultiFilter
          label={t('filter.thema')}
          options={inrichting.themas.map(({ code }) => ({
            value: code,
            text: `${code}. ${themaLabel(t, code, inrichting)}`,
          }))}
          selected={f.thema}
          onChange={(v) => setFilters({ thema: v as ListFilters['thema'] })}
        />
        {!scoped && (
          <MultiFilter
            label={t('filter.domein')}
            options={inrichting.domeinen.map(({ naam }) => ({ value: naam, text: domeinLabel(t, naam) }))}
            selected={f.domein}
            onChange={(v) => setFilters({ domein: v as ListFilters['domein'] })}
          />
        )}
        <MultiFilter
          label={t('filter.eigenaar')}
          options={ownerOptions}
          selected={f.eigenaar}
          onChange={(v) => setFilters({ eigenaar: v })}
        />
        <Field label={t('filter.due')} size="small" className={totLabel ? styles.filterWide : styles.filter}>
          <Dropdown
            size="small"
            className={totLabel ? styles.filterWide : styles.dropdown}
            value={totLabel ?? t(DUE_LABEL[f.due])}
            selectedOptions={[f.tot ? TOT_OPTION : f.due]}
            onOptionSelect={(_, data) => {
              if (data.optionValue === TOT_OPTION) return;
              setFilters({ due: (data.optionValue as DueWindow | undefined) ?? 'alle', tot: undefined });
            }}
            positioning={CONTENT_WIDE_POSITIONING}
            listbox={{ className: styles.listbox }}
          >
            {DUE_WINDOWS.map((d) => (
              <Option key={d} value={d}>
                {t(DUE_LABEL[d])}
              </Option>
            ))}
            {totLabel && <Option value={TOT_OPTION}>{totLabel}</Option>}
          </Dropdown>
        </Field>
        <Switch
          label={t('filter.problemen')}
          checked={f.problemen}
          onChange={(_, data) => setFilters({ problemen: data.checked })}
        />
        <Switch
          label={t('filter.wacht')}
          checked={f.wacht}
          onChange={(_, data) => setFilters({ wacht: data.checked })}
        />
        <Switch label={t('filter.vast')} checked={f.vast} onChange={(_, data) => setFilters({ vast: data.checked })} />
        {count > 0 && (
          <Button
            size="small"
            icon={<DismissRegular />}
            onClick={() => onChange({ ...query, filters: DEFAULT_QUERY.filters })}
          >
            {t('filter.clear', { count })}
          </Button>
        )}
      </div>
    </div>
  );
}

function SavedViews({
  query,
  onApply,
  inrichting,
}: {
  query: ListQuery;
  onApply: (query: ListQuery) => void;
  inrichting: Inrichting;
}) {
  const styles = useStyles();
  const t = useT();
  const vt = useFeatureT(viewsTexts);
  const { views, save, remove } = useSavedViews();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [failed, setFailed] = useState(false);
  const nameId = useId();
  // The dialog opens from a plain button (no DialogTrigger): this marks the button as the place the focus returns to
  // when the dialog closes (Esc, Annuleren, saved); without it the focus went to the page.
  const restoreFocus = useRestoreFocusTarget();
  const params = queryToParams(query).toString();
  const current = views.find((v) => v.params === params);

  return (
    <>
      <Field label={vt('label')} size="small" className={styles.filter}>
        <Dropdown
          size="small"
          className={styles.dropdown}
          placeholder={vt('placeholder')}
          value={current?.name ?? ''}
          selectedOptions={current ? [current.id] : []}
          onOptionSelect={(_, data) => {
            const view = views.find((v) => v.id === data.optionValue);
            if (view) onApply(queryFromParams(new URLSearchParams(view.params), inrichting));
          }}
          positioning={CONTENT_WIDE_POSITIONING}
          listbox={{ className: styles.listbox }}
        >
          {views.length === 0 ? (
            <Option value="" disabled>
              {vt('none')}
            </Option>
          ) : (
            views.map((v) => (
              <Option key={v.id} value={v.id}>
                {v.name}
              </Option>
            ))
          )}
        </Dropdown>
      </Field>
      <Button size="small" icon={<SaveRegular />} onClick={() => setOpen(true)} {...restoreFocus}>
        {vt('save')}
      </Button>
      {current && (
        <Button
          size="small"
          icon={<DeleteRegular />}
          onClick={() => remove(current.id)}
          aria-label={vt('deleteNamed', { name: current.name })}
        >
          {vt('delete')}
        </Button>
      )}
      <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogSurface>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!name.trim()) return;
              setFailed(!save(name, params));
              setOpen(false);
              setName('');
            }}
          >
            <DialogBody>
              <DialogTitle>{vt('saveTitle')}</DialogTitle>
              <DialogContent>
                <Field label={vt('name')} required hint={vt('hint')}>
                  <Input id={nameId} value={name} maxLength={60} onChange={(_, data) => setName(data.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
                <Button appearance="primary" type="submit" disabled={!name.trim()}>
                  {vt('save')}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {failed && <span role="status">{vt('storageBlocked')}</span>}
    </>
  );
}
