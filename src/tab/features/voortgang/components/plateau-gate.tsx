import { Body1, Field, makeStyles, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import type { Voortgangsrapportage } from '../../../../domain/report.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useT } from '../../../i18n/i18n.js';
import { plateauLabel } from '../../../lib/labels.js';
import { voortgangCatalogue } from '../i18n.js';
import { useDashboardStyles } from './table-styles.js';

const useStyles = makeStyles({
  sentence: { maxWidth: '60rem' },
  bars: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    maxWidth: '40rem',
  },
});

const opgepaktVan = (r: { total: number; nietOvergenomen: number }) => r.total - r.nietOvergenomen;
const percentOf = (afgerond: number, opgepakt: number) =>
  opgepakt === 0 ? 0 : Math.round((afgerond / opgepakt) * 100);

/**
 * "Eerst het fundament": one sentence on how far the set-up's first plateau is (Randvoorwaardelijk in Zoetermeer's)
 * and whether its last (Excelleren) already moves, and a bar per plateau in plan order. The bars count taken-up actions (not Niet overgenomen), as the gate does, and every bar's
 * label says its numbers.
 */
export function PlateauGate({ model }: { model: Voortgangsrapportage }) {
  const styles = useDashboardStyles();
  const own = useStyles();
  const t = useT();
  const ft = useFeatureT(voortgangCatalogue);
  const gate = model.gate;
  const rv = gate.randvoorwaardelijk;
  // The gate is between the set-up's first and last plateau (Randvoorwaardelijk and Excelleren in Zoetermeer's).
  const plateaus = model.inrichting.plateaus;
  const eerste = plateauLabel(t, plateaus[0] ?? '');
  const laatste = plateauLabel(t, plateaus[plateaus.length - 1] ?? '');
  return (
    <section
      className={styles.section}
      aria-labelledby="gate-title"
      data-testid="plateau-gate"
      data-toestand={gate.toestand}
    >
      <Subtitle2 as="h3" id="gate-title" block>
        {ft('gate.title')}
      </Subtitle2>
      <Body1 as="p" className={own.sentence} data-testid="gate-sentence">
        {ft(`gate.${gate.toestand}`, {
          percent: gate.gereedPercent,
          afgerond: rv.afgerond,
          opgepakt: opgepaktVan(rv),
          beweging: gate.excellerenInBeweging,
          excelleren: gate.excelleren.total,
          eerste,
          laatste,
        })}
        {gate.excellerenInTraject > 0 && <> {ft('gate.traject', { n: gate.excellerenInTraject, laatste })}</>}
      </Body1>
      <Body1 as="p" className={styles.muted} data-testid="belegd-regel">
        {ft('gate.regel')}
      </Body1>
      <ul className={own.bars} aria-label={ft('gate.plateaus')}>
        {model.perPlateau.map((row) => {
          const plateau = plateauLabel(t, row.key);
          const opgepakt = opgepaktVan(row);
          const percent = percentOf(row.afgerond, opgepakt);
          return (
            <li key={row.key} data-plateau={row.key}>
              <Field
                label={
                  opgepakt === 0
                    ? ft('gate.barEmpty', { plateau })
                    : ft('gate.bar', { plateau, afgerond: row.afgerond, opgepakt, percent })
                }
              >
                <ProgressBar
                  value={percent / 100}
                  max={1}
                  thickness="large"
                  color={percent >= 100 ? 'success' : 'brand'}
                />
              </Field>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
