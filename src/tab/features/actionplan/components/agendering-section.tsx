import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  AGENDERING_CITATIONS,
  AGENDERING_MAX,
  agenderingDomein,
  mayAgenderen,
  openAgendering,
} from '../../../../domain/agendering.js';
import type { Actie, Domein } from '../../../../domain/model.js';
import type { AgenderingValidationError } from '../../../../data/agenderingen-store.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { formatInstant } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/i18n.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { describeError } from '../../../lib/errors.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { domeinLabel, personName } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { invalidateTabQueries } from '../../../lib/query/query-client.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';
import { LoadError } from '../../../components/load-error.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  open: { overflowWrap: 'anywhere' },
});

type Message = { intent: 'success' | 'error'; text: string };

function newClientKey(nummer: string, domein: Domein): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `tab-agendering:${nummer}|${domein}|${random}`.slice(0, 255);
}

/**
 * "Agenderen in CMT" in the action's detail (issue 12, point 6), in a domain's tab for an action that domain carries:
 * a required reason, one write (ClientKey kept while the form is open, so a save repeated after a lost answer lands
 * once). When the domain already put it on the CMT's agenda, it says since when, by whom and why instead.
 */
export function AgenderingSection({ item, domein }: { item: Loaded<Actie>; domein: Domein | undefined }) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const say = useDomainText();
  const locale = useLocale();
  const ctx = usePlanContext();
  const stored = ctx.storedActie(item.id) ?? item;
  // The municipality's own concern domain (Westerveld's is "Gemeentebreed"), which escalates to nobody.
  const eigen = domein ? agenderingDomein([domein], stored.value, ctx.plan?.inrichting) : undefined;
  const [editing, setEditing] = useState(false);
  const [reden, setReden] = useState('');
  const [clientKey, setClientKey] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();

  // The open agenderingen of every action, one query; a save marks it stale (`invalidateTabQueries`). The read
  // resolves people against the plan as it is then; a plan refresh needs no new read.
  const openRead = useTabQuery(
    ['agenderingen', 'open'],
    async ({ session, siteId }) => {
      if (!ctx.plan) throw new Error('Het actieplan is nog niet geladen.');
      return (await (await session()).agenderingen(siteId, ctx.plan)).open();
    },
    { enabled: Boolean(eigen && ctx.plan) },
  );
  const open = openRead.data;

  if (!domein || !eigen || !mayAgenderen([domein], stored.value)) return null;
  const domeinNaam = domeinLabel(t, eigen);
  const bestaand = open ? openAgendering(open, stored.value.nummer, eigen) : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!ctx.plan || !ctx.siteId || !eigen) return;
    if (reden.trim() === '') {
      setMessage({ intent: 'error', text: t('agenderen.redenVerplicht') });
      return;
    }
    const key = clientKey ?? newClientKey(stored.value.nummer, eigen);
    setClientKey(key);
    setSaving(true);
    setMessage(undefined);
    try {
      const store = await (await ctx.session()).agenderingen(ctx.siteId, ctx.plan);
      const created = await store.create(
        {
          actie: stored,
          domein: eigen,
          reden,
          op: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          ...(ctx.me ? { door: ctx.me } : {}),
        },
        open ?? [],
        key,
      );
      // The CMT's card that is already posted shows the item now, not at its next update; best effort.
      void (await ctx.session()).refreshCmtCard(created.id);
      setMessage({
        intent: 'success',
        text: t('agenderen.saved', { nummer: stored.value.nummer, domein: domeinNaam }),
      });
      setEditing(false);
      setReden('');
      setClientKey(undefined);
      void invalidateTabQueries(ctx.userKey, ctx.siteId, 'agenderingen');
    } catch (error) {
      if ((error as Error).name === 'AgenderingValidationError')
        setMessage({ intent: 'error', text: say((error as AgenderingValidationError).domain) });
      else {
        const d = describeError(error);
        setMessage({ intent: 'error', text: t('agenderen.failed', { detail: t(d.key, { detail: d.detail ?? '' }) }) });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`agenderen-${item.id}`} data-testid="agenderen">
      <Subtitle2 id={`agenderen-${item.id}`}>{t('agenderen.title')}</Subtitle2>
      <Caption1 className={styles.muted}>
        {t('agenderen.uitleg', {
          voortgangsbewaking: AGENDERING_CITATIONS.voortgangsbewaking,
          escaleren: AGENDERING_CITATIONS.escaleren,
        })}
      </Caption1>
      {openRead.error !== undefined && (
        <LoadError
          title={t('agenderen.loadFailed')}
          error={openRead.error}
          kept={open !== undefined}
          retrying={openRead.fetching}
          onRetry={openRead.reload}
          testId="agenderen-load-error"
        />
      )}
      {bestaand ? (
        <Body1 className={styles.open} data-testid="agenderen-open">
          {t('agenderen.staatOpAgenda', {
            domein: domeinNaam,
            sinds: formatInstant(bestaand.value.op, locale),
            door: bestaand.value.door ? personName(t, bestaand.value.door) : t('agenderen.onbekend'),
            reden: bestaand.value.reden,
          })}
        </Body1>
      ) : editing ? (
        <form className={styles.form} onSubmit={(e) => void onSubmit(e)} aria-label={t('agenderen.title')} noValidate>
          <Field label={t('agenderen.reden')} required>
            <Textarea
              value={reden}
              onChange={(_, d) => setReden(d.value)}
              maxLength={AGENDERING_MAX.reden}
              resize="vertical"
              rows={3}
              data-testid="agenderen-reden"
            />
          </Field>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={saving} data-testid="agenderen-submit">
              {t('agenderen.submit')}
            </Button>
            <Button type="button" onClick={() => setEditing(false)} disabled={saving}>
              {t('agenderen.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button
            onClick={() => setEditing(true)}
            disabled={open === undefined && openRead.error === undefined}
            data-testid="agenderen-open-form"
          >
            {t('agenderen.open')}
          </Button>
        </div>
      )}
      {message && (
        <MessageBar
          intent={message.intent}
          role={message.intent === 'error' ? 'alert' : 'status'}
          data-testid="agenderen-message"
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
