import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ItemVersion } from '../../data/item-history.js';
import { formatCalendarDate, formatInstant, type Locale } from '../i18n/format.js';
import { useLocale, useT } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';

const useStyles = makeStyles({
  history: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  historyItem: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A calendar date in a change ("2025-06-30") reads as every other date of the app ("30 jun 2025"); text stays text. */
function shown(value: string, locale: Locale): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, locale) : value;
}

/** An item's SharePoint versions, newest first: who changed which field from what to what. */
export function VersionList({
  versions,
  testId,
  noFieldsKey,
}: {
  versions: readonly ItemVersion[];
  testId: string;
  noFieldsKey: MessageKey;
}) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  if (versions.length === 0) return <Body1 className={styles.muted}>{t('detail.noHistory')}</Body1>;
  return (
    <ol className={styles.history} data-testid={testId}>
      {versions.map((v) => (
        <li key={v.versionId} className={styles.historyItem}>
          <Caption1 block>
            {v.namens
              ? t('detail.historyEntryNamens', {
                  who: v.namens,
                  via: v.modifiedBy,
                  when: formatInstant(v.modified, locale),
                })
              : t('detail.historyEntry', { who: v.modifiedBy, when: formatInstant(v.modified, locale) })}
          </Caption1>
          {v.changes.length === 0 ? (
            <Caption1 className={styles.muted}>{t(noFieldsKey)}</Caption1>
          ) : (
            <ul className={styles.list}>
              {v.changes.map((c, i) => (
                <li key={i}>
                  <Caption1>
                    {c.from
                      ? t('detail.historyChange', {
                          field: c.field,
                          from: shown(c.from, locale),
                          to: c.to ? shown(c.to, locale) : '—',
                        })
                      : t('detail.historySet', { field: c.field, to: shown(c.to, locale) })}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
