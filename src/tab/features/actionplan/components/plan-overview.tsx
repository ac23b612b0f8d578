import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { isOpen } from '../../../../domain/status.js';
import { isOverdue } from '../../../../domain/rules.js';
import { THEMAS } from '../../../../domain/themas.js';
import type { LoadedPlan } from '../../../../data/plan-store.js';
import { useT } from '../../../i18n/i18n.js';
import { AdviesSection } from './advies-section.js';

const useStyles = makeStyles({
  theme: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  summary: { color: tokens.colorNeutralForeground3 },
});

/** The plan as the report structures it: themes, their recommendations, and each one's actions. */
export function PlanOverview({ plan, now }: { plan: LoadedPlan; now: Date }) {
  const styles = useStyles();
  const t = useT();
  const acties = plan.acties.map((a) => a.value);
  const summary = t('plan.summary', {
    open: acties.filter((a) => isOpen(a.status)).length,
    overdue: acties.filter((a) => isOverdue(a, now)).length,
    blocked: acties.filter((a) => a.status === 'Geblokkeerd').length,
  });
  return (
    <>
      <Body1 className={styles.summary} as="p" data-testid="plan-summary">
        {summary}
      </Body1>
      {THEMAS.map((thema) => {
        const adviezen = plan.adviezen.filter((a) => a.value.thema === thema.code);
        if (adviezen.length === 0) return null;
        return (
          <section key={thema.code} className={styles.theme} aria-labelledby={`thema-${thema.code}`}>
            <Subtitle1 as="h2" id={`thema-${thema.code}`}>
              {t('plan.theme', { code: thema.code, naam: thema.naam })}
            </Subtitle1>
            {adviezen.map((advies) => (
              <AdviesSection key={advies.id} advies={advies} acties={plan.acties.filter((a) => a.value.advies === advies.value.nummer)} now={now} />
            ))}
          </section>
        );
      })}
    </>
  );
}
