import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SearchBox,
  Select,
  Spinner,
  Subtitle1,
  Switch,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { type BesluitLogEntry } from '../../../../domain/besluitenlog.js';
import { isValidCalendarDate } from '../../../../domain/dates.js';
import type { Domein } from '../../../../domain/model.js';
import { formatInstant } from '../../../i18n/format.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { besluitenTexts } from '../i18n.js';
import { useBesluitenView } from '../hooks/use-besluiten-view.js';
import { useBesluitenViewStyles } from './besluiten-view-styles.js';
import { ALL_MTS, hasFilters, mtParam, type BesluitenQuery } from '../lib/besluiten-query.js';
import { DateInput } from '../../../components/date-picker.js';
import { LoadError } from '../../../components/load-error.js';

/**
 * The decision log (issue 8, item 4): every tick and decision recorded in MT meetings, in the side panel or on the
 * agenda card, newest meeting first, with its MT, action and portfolio item. Search (all words, without regard to
 * accents), MT, "alleen besluiten" and a period are in the URL, so a link reproduces the view; the export holds
 * exactly the rows shown.
 */
export function BesluitenView({
  scope,
  params,
  onParamsChange,
  onOpenActie,
}: {
  scope?: Domein | undefined;
  params: URLSearchParams;
  onParamsChange: (params: URLSearchParams) => void;
  onOpenActie: (id: string) => void;
}) {
  const styles = useBesluitenViewStyles();
  const ft = useFeatureT(besluitenTexts);
  const t = useT();
  const { log, query, setQuery, defaultKey, mtKey, invalidPeriod, rows, exportRows, exportError } = useBesluitenView(
    scope,
    params,
    onParamsChange,
  );

  if (log.status === 'loading') return <Spinner label={ft('loading')} />;
  const loadError = log.error !== undefined && (
    <LoadError
      title={ft('loadFailed')}
      error={log.error}
      kept={log.status === 'ready'}
      retrying={log.fetching}
      onRetry={log.reload}
      testId="besluiten-error"
    />
  );
  if (log.status === 'error') return loadError;

  const total = log.entries.length;
  const filtered = hasFilters(query) || mtKey !== undefined;
  const count = filtered
    ? rows.length === 1
      ? ft('countFilteredOne', { total })
      : ft('countFiltered', { count: rows.length, total })
    : rows.length === 1
      ? ft('countAllOne')
      : ft('countAll', { count: rows.length });

  return (
    <section aria-labelledby="besluiten-title" data-testid="besluiten-view">
      {loadError}
      <div className={styles.head}>
        <div>
          <Subtitle1 as="h2" id="besluiten-title">
            {ft('title')}
          </Subtitle1>
          <Body1 as="p" className={styles.intro}>
            {ft('intro')}
          </Body1>
        </div>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => void exportRows()}
          disabled={rows.length === 0}
          data-testid="besluiten-export"
        >
          {ft('export')}
        </Button>
      </div>
      {exportError && (
        <MessageBar intent="error" className={styles.bar}>
          <MessageBarBody>{ft('exportFailed', { detail: exportError })}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.toolbar} role="search" aria-label={ft('filters')}>
        <Field label={ft('search')} className={styles.search}>
          <SearchBox
            value={query.zoek}
            onChange={(_, data) => setQuery({ ...query, zoek: data.value })}
            placeholder={ft('searchPlaceholder')}
            dismiss={{ 'aria-label': t('common.clearSearch') }}
            data-testid="besluiten-zoek"
          />
        </Field>
        <Field label={ft('mt')} className={styles.filter}>
          <Select
            value={mtKey ?? ALL_MTS}
            onChange={(_, data) => {
              const { mt: _old, ...rest } = query;
              const next = mtParam(data.value === ALL_MTS ? undefined : data.value, defaultKey);
              setQuery(next === undefined ? rest : { ...rest, mt: next });
            }}
            data-testid="besluiten-mt"
          >
            <option value={ALL_MTS}>{ft('mtAll')}</option>
            {log.mts.map((m) => (
              <option key={m.id} value={m.value.key}>
                {m.value.naam}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={ft('van')} className={styles.filter}>
          <DateInput
            value={query.van ?? ''}
            onChange={(value) => setQuery(withDate(query, 'van', value))}
            data-testid="besluiten-van"
          />
        </Field>
        <Field
          label={ft('tot')}
          className={styles.filter}
          validationState={invalidPeriod ? 'error' : 'none'}
          validationMessage={invalidPeriod ? ft('periodInvalid') : undefined}
        >
          <DateInput
            value={query.tot ?? ''}
            onChange={(value) => setQuery(withDate(query, 'tot', value))}
            data-testid="besluiten-tot"
          />
        </Field>
        <Switch
          label={ft('alleenBesluiten')}
          checked={query.alleenBesluiten}
          onChange={(_, data) => setQuery({ ...query, alleenBesluiten: data.checked })}
          data-testid="besluiten-alleen"
        />
        {hasFilters(query) && (
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            onClick={() => setQuery({ zoek: '', alleenBesluiten: false })}
          >
            {ft('clear')}
          </Button>
        )}
      </div>

      {query.over && (
        <MessageBar intent="info" className={styles.bar} data-testid="besluiten-over">
          <MessageBarBody>{ft('over', { wat: overLabel(query.over, log.entries) })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => setQuery(withoutOver(query))}>
              {ft('overAll')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Caption1 className={styles.count} role="status" aria-live="polite" data-testid="besluiten-count">
        {count}
      </Caption1>

      {total === 0 ? (
        <MessageBar intent="info" data-testid="besluiten-empty">
          <MessageBarBody>{ft('empty')}</MessageBarBody>
        </MessageBar>
      ) : rows.length === 0 ? (
        <Body1 as="p" data-testid="besluiten-no-match">
          {ft('noMatch')}
        </Body1>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="besluiten-table">
            <caption className={styles.caption}>{ft('tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {ft('col.vergadering')}
                </th>
                <th scope="col" className={styles.th}>
                  {ft('col.mt')}
                </th>
                <th scope="col" className={styles.th}>
                  {ft('col.besluit')}
                </th>
                <th scope="col" className={styles.th}>
                  {ft('col.actie')}
                </th>
                <th scope="col" className={styles.th}>
                  {ft('col.portfolio')}
                </th>
                <th scope="col" className={styles.th}>
                  {ft('col.vastgelegd')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <BesluitRow key={e.id} entry={e} params={params} onOpenActie={onOpenActie} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function withDate(query: BesluitenQuery, field: 'van' | 'tot', value: string): BesluitenQuery {
  const { [field]: _old, ...rest } = query;
  return isValidCalendarDate(value) ? { ...rest, [field]: value } : rest;
}

function BesluitRow({
  entry: e,
  params,
  onOpenActie,
}: {
  entry: BesluitLogEntry;
  params: URLSearchParams;
  onOpenActie: (id: string) => void;
}) {
  const styles = useBesluitenViewStyles();
  const ft = useFeatureT(besluitenTexts);
  const locale = useLocale();
  const actieHref = useMemo(() => {
    if (!e.actie) return undefined;
    const p = new URLSearchParams(params);
    p.set('actie', e.actie.id);
    return `#/besluiten?${p.toString()}`;
  }, [e.actie, params]);
  return (
    <tr
      data-testid="besluit-row"
      data-id={e.id}
      data-mt={e.mt?.key ?? ''}
      data-soort={e.tekst === '' ? 'besproken' : 'besluit'}
    >
      <td className={`${styles.td} ${styles.when}`}>{e.vergadering ? formatInstant(e.vergadering, locale) : '—'}</td>
      <td className={styles.td}>{e.mt ? e.mt.naam : <span className={styles.muted}>{ft('onbekendMt')}</span>}</td>
      <td className={`${styles.td} ${styles.tekst}`} data-testid="besluit-tekst">
        {e.tekst !== '' ? (
          e.tekst
        ) : (
          <span className={styles.tick} title={ft('besprokenHint')}>
            {ft('besproken')}
          </span>
        )}
      </td>
      <td className={styles.td}>
        {e.actie && actieHref ? (
          <Link
            href={actieHref}
            onClick={(event) => {
              event.preventDefault();
              if (e.actie) onOpenActie(e.actie.id);
            }}
            data-testid="besluit-actie"
          >
            {e.actie.nummer} {e.actie.titel}
          </Link>
        ) : (
          <span className={styles.muted}>—</span>
        )}
      </td>
      <td className={styles.td}>
        {e.portfolio ? (
          <Link href={`#/portfolio?item=${encodeURIComponent(e.portfolio.id)}`} data-testid="besluit-portfolio">
            {e.portfolio.titel}
          </Link>
        ) : (
          <span className={styles.muted}>—</span>
        )}
      </td>
      <td className={styles.td}>
        <span className={styles.stack}>
          <span>{e.door ? ft('door', { name: e.door }) : ft('doorOnbekend')}</span>
          {e.op && <span className={`${styles.muted} ${styles.when}`}>{formatInstant(e.op, locale)}</span>}
        </span>
      </td>
    </tr>
  );
}

function withoutOver(query: BesluitenQuery): BesluitenQuery {
  const { over: _over, ...rest } = query;
  return rest;
}

/** "11.5 Digitalisering als vast thema" or the portfolio item's title, from the log itself. */
function overLabel(over: NonNullable<BesluitenQuery['over']>, entries: readonly BesluitLogEntry[]): string {
  for (const e of entries) {
    if (over.kind === 'actie' && e.actie?.id === over.id) return `${e.actie.nummer} ${e.actie.titel}`;
    if (over.kind === 'portfolio' && e.portfolio?.id === over.id) return e.portfolio.titel;
  }
  return `#${over.id}`;
}
