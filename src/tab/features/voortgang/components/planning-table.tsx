import { Badge, Body1, Caption1, mergeClasses, Subtitle2, type BadgeProps } from '@fluentui/react-components';
import {
  ArrowRepeatAll16Regular,
  CheckmarkCircle16Regular,
  Clock16Regular,
  DismissCircle16Regular,
  Subtract16Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { PlanningOordeel, Voortgangsrapportage } from '../../../../domain/report.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale } from '../../../i18n/i18n.js';
import { voortgangCatalogue } from '../i18n.js';
import { useDashboardStyles } from './table-styles.js';
import { TableRegion } from './table-region.js';

/** Colour and icon only repeat the judgement's text: the words carry the meaning. */
const OORDEEL: Record<PlanningOordeel, { color: BadgeProps['color']; icon: ReactElement }> = {
  gehaald: { color: 'success', icon: <CheckmarkCircle16Regular /> },
  'niet-gehaald': { color: 'danger', icon: <DismissCircle16Regular /> },
  doorlopend: { color: 'brand', icon: <ArrowRepeatAll16Regular /> },
  'niet-gestart': { color: 'warning', icon: <DismissCircle16Regular /> },
  'binnen-termijn': { color: 'informative', icon: <Clock16Regular /> },
  'geen-termijn': { color: 'subtle', icon: <Subtract16Regular /> },
};

/** Per advies: the college's planning text, the term that follows from it and the judgement on the report date. */
export function PlanningTable({ model }: { model: Voortgangsrapportage }) {
  const styles = useDashboardStyles();
  const ft = useFeatureT(voortgangCatalogue);
  const locale = useLocale();
  const datum = formatCalendarDate(model.peildatum, locale, 'long');
  return (
    <section className={styles.section} aria-labelledby="planning-title">
      <Subtitle2 as="h3" id="planning-title" block>
        {ft('planning.title')}
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        {ft('planning.intro')}
      </Body1>
      <Body1 as="p" data-testid="planning-summary">
        {ft('planning.summary', {
          gehaald: model.oordelen.gehaald,
          nietGehaald: model.oordelen['niet-gehaald'],
          doorlopend: model.oordelen.doorlopend,
          nietGestart: model.oordelen['niet-gestart'],
          binnen: model.oordelen['binnen-termijn'],
          geen: model.oordelen['geen-termijn'],
        })}
      </Body1>
      <Body1 as="p" className={styles.muted} data-testid="planning-regel">
        {ft('planning.regel')}
      </Body1>
      <TableRegion>
        {(captionId) => (
          <>
            <table className={styles.table} data-testid="planning-table">
              <caption id={captionId} className={styles.caption}>
                {ft('planning.caption', { datum })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    {ft('planning.col.advies')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {ft('planning.col.planning')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {ft('planning.col.termijn')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {ft('planning.col.oordeel')}
                  </th>
                  <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                    {ft('planning.col.afgerond')}
                  </th>
                  <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                    {ft('planning.col.achterstallig')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {model.perAdvies.map((a) => (
                  <tr key={a.nummer} data-nummer={a.nummer} data-oordeel={a.oordeel}>
                    <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                      {a.nummer}. {a.titel}
                      {/* The college takes some adviezen up together (samenhangOf): as the detail and the report say. */}
                      {a.samenhang.noemt.length > 0 && (
                        <Caption1 as="span" block className={styles.muted} data-testid="samenhang">
                          {ft('planning.samenhangNoemt', {
                            aantal: a.samenhang.noemt.length,
                            nummers: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                              a.samenhang.noemt.map(String),
                            ),
                          })}
                        </Caption1>
                      )}
                      {a.samenhang.genoemdDoor.map((n) => (
                        <Caption1 key={n} as="span" block className={styles.muted} data-testid="samenhang">
                          {ft('planning.samenhangGenoemdDoor', { nummer: n })}
                        </Caption1>
                      ))}
                    </th>
                    <td className={styles.td}>{a.collegePlanning.trim() || ft('planning.geenPlanning')}</td>
                    <td className={mergeClasses(styles.td, styles.nowrap)} data-soort={a.termijnSoort}>
                      {a.termijn
                        ? a.termijnSoort === 'doorlopend'
                          ? ft('planning.doorlopendVanaf', { datum: formatCalendarDate(a.termijn, locale) })
                          : formatCalendarDate(a.termijn, locale)
                        : ft('planning.geenTermijn')}
                    </td>
                    <td className={mergeClasses(styles.td, styles.nowrap)}>
                      <Badge
                        appearance="tint"
                        color={OORDEEL[a.oordeel].color}
                        icon={OORDEEL[a.oordeel].icon}
                        data-testid="oordeel"
                      >
                        {ft(`oordeel.${a.oordeel}`)}
                      </Badge>
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)}>
                      {ft('planning.ofTotal', { afgerond: a.counts.afgerond, total: a.counts.total })}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)}>{a.counts.achterstallig}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </TableRegion>
    </section>
  );
}
