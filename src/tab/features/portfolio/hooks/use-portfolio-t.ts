import { useCallback } from 'react';
import { historyTexts, type HistoryKey } from '../../../components/history-i18n.js';
import { useFeatureT, useTextsT } from '../../../i18n/feature-catalogue.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { portfolioTexts, type PortfolioKey } from '../i18n.js';

/** A key the portfolio can say: the app's shared catalogue, the history's texts, or the portfolio's own lazy texts (`pf.…`). */
export type PortfolioMessageKey = MessageKey | HistoryKey | PortfolioKey;

/** The portfolio's `t`: a key may come from the app's catalogue or from the portfolio's own texts. */
export type PortfolioT = (key: PortfolioMessageKey, values?: Record<string, string | number>) => string;

/** Says a `pf.` key through the portfolio's own lazy texts and any other key through the app's catalogue. */
export function usePortfolioT(): PortfolioT {
  const t = useTextsT(historyTexts);
  const ft = useFeatureT(portfolioTexts);
  return useCallback(
    (key: PortfolioMessageKey, values?: Record<string, string | number>) =>
      Object.hasOwn(portfolioTexts.nl, key)
        ? ft(key as PortfolioKey, values)
        : t(key as MessageKey | HistoryKey, values),
    [t, ft],
  );
}
