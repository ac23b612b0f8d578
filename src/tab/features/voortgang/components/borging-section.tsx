import { Body1, Link, mergeClasses, Spinner, Subtitle2 } from '@fluentui/react-components';
import { STALL_THRESHOLD, type BorgingMT } from '../../../../domain/borging.js';
import type { ActieStatus, CalendarDate } from '../../../../domain/model.js';
import { formatCalendarDate, formatInstant } from '../../../i18n/format.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { STATUS_LABEL } from '../../../lib/labels.js';
import { voortgangCatalogue } from '../i18n.js';
import { useDashboardStyles } from './table-styles.js';
import { TableRegion } from './table-region.js';

/**
 * Borging of advies 11.5 per MT up to the report date: meetings, agenda item sent, discussed (and the share of the
 * sent ones), decisions, ticks, failures, the last meeting; then the actions that stood still through three or more
 * meetings, each with a link that opens it.
 */
export function BorgingSection({
  rows,
  peildatum,
  onOpen,
}: {
  rows: readonly BorgingMT[] | undefined;
  peildatum: CalendarDate;
  onOpen?: ((id: string) => void) | undefined;
}) {
  const styles = useDashboardStyles();
  const t = useT();
  const ft = useFeatureT(voortgangCatalogue);
  const locale = useLocale();
  const stil = (rows ?? []).flatMap((mt) => mt.stilstaand.map((s) => ({ mt, s })));
  const statusText = (status: string) => (status in STATUS_LABEL ? t(STATUS_LABEL[status as ActieStatus]) : status);
  return (
    <section className={styles.section} aria-labelledby="borging-title" data-testid="borging">
      <Subtitle2 as="h3" id="borging-title" block>
        {ft('borging.title')}
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        {ft('borging.intro')}
      </Body1>
      {!rows ? (
        <Spinner size="small" label={ft('data.loading')} labelPosition="after" />
      ) : rows.length === 0 ? (
        <Body1 as="p">{ft('borging.noMts')}</Body1>
      ) : (
        <>
          <TableRegion>
            {(captionId) => (
              <>
                <table className={styles.table} data-testid="borging-table">
                  <caption id={captionId} className={styles.caption}>
                    {ft('borging.caption', { datum: formatCalendarDate(peildatum, locale, 'long') })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.th}>
                        {ft('borging.col.mt')}
                      </th>
                      {(
                        [
                          'borging.col.vergaderingen',
                          'borging.col.verzonden',
                          'borging.col.besproken',
                          'borging.col.besprokenPercent',
                          'borging.col.besluiten',
                          'borging.col.afgevinkt',
                          'borging.col.mislukt',
                        ] as const
                      ).map((k) => (
                        <th key={k} scope="col" className={mergeClasses(styles.th, styles.num)}>
                          {ft(k)}
                        </th>
                      ))}
                      <th scope="col" className={styles.th}>
                        {ft('borging.col.laatste')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((mt) => (
                      <tr key={mt.mtId} data-mt={mt.mtKey}>
                        <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                          {mt.naam}
                        </th>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="vergaderingen">
                          {mt.vergaderingen}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="verzonden">
                          {mt.verzonden}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="besproken">
                          {mt.besproken}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="besprokenPercent">
                          {mt.besprokenPercent}%
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="besluiten">
                          {mt.besluiten}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="afgevinkt">
                          {mt.afgevinkt}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="mislukt">
                          {mt.mislukt}
                        </td>
                        <td className={mergeClasses(styles.td, styles.nowrap)} data-col="laatste">
                          {mt.laatsteVergadering ? formatInstant(mt.laatsteVergadering, locale) : ft('borging.geen')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </TableRegion>
          <Subtitle2 as="h4" block>
            {ft('stilstand.title')}
          </Subtitle2>
          {stil.length === 0 ? (
            <Body1 as="p" data-testid="stilstand-none">
              {ft('stilstand.none', { drempel: STALL_THRESHOLD })}
            </Body1>
          ) : (
            <>
              <Body1 as="p" className={styles.muted}>
                {ft('stilstand.intro', { drempel: STALL_THRESHOLD })}
              </Body1>
              <TableRegion>
                {(captionId) => (
                  <>
                    <table className={styles.table} data-testid="stilstand-table">
                      <caption id={captionId} className={styles.caption}>
                        {ft('stilstand.caption')}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col" className={styles.th}>
                            {ft('stilstand.col.actie')}
                          </th>
                          <th scope="col" className={styles.th}>
                            {ft('stilstand.col.mt')}
                          </th>
                          <th scope="col" className={styles.th}>
                            {ft('stilstand.col.status')}
                          </th>
                          <th scope="col" className={styles.th}>
                            {ft('stilstand.col.sinds')}
                          </th>
                          <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                            {ft('stilstand.col.vergaderingen')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {stil.map(({ mt, s }) => {
                          const label = `${s.nummer} ${s.titel ?? ''}`.trim();
                          return (
                            <tr key={`${mt.mtId}:${s.id}`} data-mt={mt.mtKey} data-nummer={s.nummer}>
                              <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                                {onOpen ? (
                                  <Link as="button" inline onClick={() => onOpen(s.id)} data-testid="stilstand-open">
                                    {label}
                                  </Link>
                                ) : (
                                  label
                                )}
                              </th>
                              <td className={styles.td}>{mt.naam}</td>
                              <td className={styles.td}>{statusText(s.status)}</td>
                              <td className={mergeClasses(styles.td, styles.nowrap)}>
                                {formatInstant(s.sinds, locale)}
                              </td>
                              <td className={mergeClasses(styles.td, styles.num)}>{s.vergaderingen}</td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </>
                )}
              </TableRegion>
            </>
          )}
        </>
      )}
    </section>
  );
}
