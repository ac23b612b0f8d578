import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ItemVersion } from '../../data/item-history.js';
import { formatCalendarDate, formatInstant, type Locale } from '../i18n/format.js';
import { useTextsT } from '../i18n/feature-catalogue.js';
import { useLocale } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import { historyTexts, type HistoryKey } from './history-i18n.js';
import { DOMEIN_LABEL, PLATEAU_LABEL, STATUS_LABEL } from '../lib/labels.js';

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

type T = (key: MessageKey | HistoryKey, values?: Record<string, string | number>) => string;

/** A label map's text for a stored value, when the value is one of its keys. */
function labelOf(map: Record<string, MessageKey>, value: string, t: T): string | undefined {
  return Object.hasOwn(map, value) ? t(map[value] as MessageKey) : undefined;
}

/**
 * A stored value in the UI's language (issue 17): a calendar date ("2025-06-30") as every other date of the app
 * ("30 jun 2025"); an action's status, plateau and domains in the UI's words; yes/no; other text as it was written.
 */
export function shownValue(key: string, value: string, locale: Locale, t: T): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatCalendarDate(value, locale);
  if (key === 'status') return labelOf(STATUS_LABEL, value, t) ?? value;
  if (key === 'plateau') return labelOf(PLATEAU_LABEL, value, t) ?? value;
  if (key === 'domein') return labelOf(DOMEIN_LABEL, value, t) ?? value;
  if (key === 'domeinen')
    return value
      .split(', ')
      .map((d) => labelOf(DOMEIN_LABEL, d, t) ?? d)
      .join(', ');
  if (value === 'ja' || value === 'nee') return t(value === 'ja' ? 'history.ja' : 'history.nee');
  return value;
}

/**
 * A changed field's name in the UI's language: in Dutch the label the store gave (a list's own word: a portfolio
 * item's title is its "Initiatief"), otherwise the catalogue's name for the model's key.
 */
export function fieldName(key: string, dutch: string, t: T, locale: Locale): string {
  const k = `history.field.${key}`;
  return locale === 'nl' || !Object.hasOwn(historyTexts.nl, k) ? dutch : t(k as HistoryKey);
}

/** An item's SharePoint versions, newest first: who changed which field from what to what. */
export function VersionList({
  versions,
  testId,
  noFieldsKey,
  valueText,
}: {
  versions: readonly ItemVersion[];
  testId: string;
  noFieldsKey: MessageKey | HistoryKey;
  /** The list's own values in the UI's language (a portfolio item's phase and status), before `shownValue`'s. */
  valueText?: (key: string, value: string) => string | undefined;
}) {
  const styles = useStyles();
  const t = useTextsT(historyTexts);
  const locale = useLocale();
  const shown = (key: string, value: string) => valueText?.(key, value) ?? shownValue(key, value, locale, t);
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
                          field: fieldName(c.key, c.field, t, locale),
                          from: shown(c.key, c.from),
                          to: c.to ? shown(c.key, c.to) : '—',
                        })
                      : t('detail.historySet', {
                          field: fieldName(c.key, c.field, t, locale),
                          to: shown(c.key, c.to),
                        })}
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
