import { useCallback } from 'react';
import { PORTFOLIO_FASEN, PORTFOLIO_STATUSES } from '../../domain/model.js';
import { defineCatalogue, useFeatureT } from '../i18n/feature-catalogue.js';

/**
 * A portfolio item's phase and status as the UI says them: the Portfolio list stores them in Dutch (its choice
 * values), and the English UI translates them as it translates an action's status. A value the list holds that is not
 * one of the choices (typed in SharePoint) is shown as it is.
 */
export const portfolioLabelTexts = defineCatalogue(
  {
    'pfLabel.fase.Idee': 'Idee',
    'pfLabel.fase.Voorbereiding': 'Voorbereiding',
    'pfLabel.fase.Uitvoering': 'Uitvoering',
    'pfLabel.fase.Nazorg': 'Nazorg',
    'pfLabel.fase.Afgerond': 'Afgerond',
    'pfLabel.fase.Gestopt': 'Gestopt',
    'pfLabel.status.Op koers': 'Op koers',
    'pfLabel.status.Aandacht': 'Aandacht',
    'pfLabel.status.Kritiek': 'Kritiek',
  },
  {
    'pfLabel.fase.Idee': 'Idea',
    'pfLabel.fase.Voorbereiding': 'Preparation',
    'pfLabel.fase.Uitvoering': 'Execution',
    'pfLabel.fase.Nazorg': 'Aftercare',
    'pfLabel.fase.Afgerond': 'Completed',
    'pfLabel.fase.Gestopt': 'Stopped',
    'pfLabel.status.Op koers': 'On track',
    'pfLabel.status.Aandacht': 'Needs attention',
    'pfLabel.status.Kritiek': 'Critical',
  },
);

type LabelKey = keyof typeof portfolioLabelTexts.nl;

/** `fase(value)`, `status(value)` and `group(value)` (a phase or a status, as the overview groups) in the UI's language. */
export function usePortfolioLabels(): {
  fase: (value: string) => string;
  status: (value: string) => string;
  group: (value: string) => string;
} {
  const t = useFeatureT(portfolioLabelTexts);
  const fase = useCallback(
    (value: string) =>
      (PORTFOLIO_FASEN as readonly string[]).includes(value) ? t(`pfLabel.fase.${value}` as LabelKey) : value,
    [t],
  );
  const status = useCallback(
    (value: string) =>
      (PORTFOLIO_STATUSES as readonly string[]).includes(value) ? t(`pfLabel.status.${value}` as LabelKey) : value,
    [t],
  );
  // The phases and the statuses share no value, so a group's value says which of the two it is.
  const group = useCallback(
    (value: string) => ((PORTFOLIO_FASEN as readonly string[]).includes(value) ? fase(value) : status(value)),
    [fase, status],
  );
  return { fase, status, group };
}
