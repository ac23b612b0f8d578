import { InrichtingError, readInrichting } from '../../../../data/inrichting-store.js';
import { inrichtingMessageValues, type InrichtingMessage } from '../../../../domain/inrichting.js';
import { Notice } from '../../../components/notice.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale } from '../../../i18n/i18n.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { namesBeheerder, useMtRegistrations } from '../../../lib/query/use-mt-registrations.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';
import { inrichtingTexts } from '../i18n.js';

/**
 * Who is told that the set-up is unusable: a Beheerder, who can correct the list, or anyone while no MT registration
 * names a Beheerder yet (a new site: someone has to), as for the plan import.
 */
function useIsBeheerder(): boolean {
  const { me } = usePlanContext();
  const mts = useMtRegistrations();
  const beheerders = mts.data?.flatMap((mt) => mt.beheerders);
  return beheerders !== undefined && (beheerders.length === 0 || namesBeheerder(mts.data ?? [], me));
}

/**
 * The site's Inrichting list makes no usable set-up, so the plan is shown with Zoetermeer's (`inrichtingOngeldig`):
 * a warning above the view, never in the way of the work, with each fault the set-up's check names (its message,
 * said in the UI's language). Shown to whoever can correct it (`useIsBeheerder`).
 */
export function InrichtingWarning() {
  const t = useFeatureT(inrichtingTexts);
  const locale = useLocale();
  const beheerder = useIsBeheerder();
  // The faults are read only for someone who sees the warning: one read of the list, its faults as messages.
  const problemen = useTabQuery(
    ['inrichting', 'problemen'],
    async ({ session, siteId }): Promise<InrichtingMessage[]> => {
      try {
        await readInrichting((await session()).graph, siteId);
        return [];
      } catch (error) {
        if (error instanceof InrichtingError) return error.problemen.map((p) => p.bericht);
        throw error;
      }
    },
    { enabled: beheerder },
  );
  if (!beheerder) return null;
  const lijst = (problemen.data ?? []).map((bericht) =>
    t(`problem.${bericht.key}`, inrichtingMessageValues(bericht, locale)),
  );
  return (
    <div data-testid="inrichting-ongeldig">
      <Notice intent="warning" layout="multiline" title={t('title')}>
        {t('body')}
        {lijst.length > 0 && (
          <>
            {` ${t('problems')}`}
            <ul>
              {lijst.map((melding) => (
                <li key={melding}>{melding}</li>
              ))}
            </ul>
          </>
        )}
      </Notice>
    </div>
  );
}
