import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Actie, Domein } from '../../../../domain/model.js';
import { checkLinks, checkVervallen, isVervallen, mayChangeActie } from '../../../../domain/plan-changes.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { describeError } from '../../../lib/errors.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useActieWriter, type SaveOutcome } from '../../../lib/plan/use-actie-writer.js';
import { usePlanActor } from '../hooks/use-plan-actor.js';
import { planTexts } from '../i18n.js';
import { parseNummers } from '../lib/new-actie-form.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { rebaseDraft } from '../../../lib/rebase-draft.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  checks: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Message = { intent: 'success' | 'error'; title: string; text?: string };

/** The dependencies as typed and the findings ticked. */
type Links = { deps: string; bevindingen: number[] };

/** The banner of a retired action, with its reason. */
export function VervallenBanner({ actie }: { actie: Actie }) {
  const ft = useFeatureT(planTexts);
  if (!isVervallen(actie)) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="vervallen-banner">
      <MessageBarBody>{ft('vervallenBanner', { reden: actie.vervallenReden ?? '' })}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * What the living plan adds to an action's detail: its dependencies and findings edited (a cycle is refused with the
 * ring named, before and when saving), and retiring it with a reason. Both write with If-Match through the store.
 */
export function ActiePlanChanges({ item, scope }: { item: Loaded<Actie>; scope?: Domein | undefined }) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const say = useDomainText();
  const ft = useFeatureT(planTexts);
  const { plan } = usePlanContext();
  const writer = useActieWriter();
  const { actor } = usePlanActor(scope);
  const actie = item.value;
  const storedLinks: Links = { deps: actie.afhankelijkVan.join(', '), bevindingen: actie.bevindingen };
  const [linksBase, setLinksBase] = useState({ eTag: item.eTag, links: storedLinks });
  const [links, setLinks] = useState(storedLinks);
  // A new version of the item (its eTag: a save here, the main form's, or someone else's, found by a conflict or a
  // refresh): the edits move onto it. What the person changed here stays; what they did not touch shows the stored
  // value (before, every new version put both fields back, typed dependencies included). By the eTag, not the values:
  // a save shows its change at once under the same eTag (and takes it back if it fails), which is no new version.
  if (linksBase.eTag !== item.eTag) {
    setLinksBase({ eTag: item.eTag, links: storedLinks });
    setLinks(rebaseDraft(links, linksBase.links, storedLinks));
  }
  const { deps, bevindingen } = links;
  const setDeps = (value: string) => setLinks((l) => ({ ...l, deps: value }));
  const setBevindingen = (update: (list: number[]) => number[]) =>
    setLinks((l) => ({ ...l, bevindingen: update(l.bevindingen) }));
  const [reden, setReden] = useState('');
  const [busy, setBusy] = useState<'links' | 'vervallen' | undefined>();
  const [linksMessage, setLinksMessage] = useState<Message | undefined>();
  const [vervallenMessage, setVervallenMessage] = useState<Message | undefined>();

  const allBevindingen = useMemo(() => (plan?.bevindingen ?? []).map((b) => b.value), [plan]);
  const planValues = useMemo(
    () => ({
      acties: (plan?.acties ?? []).map((a) => a.value).filter((a) => a.nummer !== actie.nummer),
      bevindingen: allBevindingen,
    }),
    [plan, allBevindingen, actie.nummer],
  );

  function describe(outcome: SaveOutcome, done: string): Message {
    switch (outcome.kind) {
      case 'saved':
        return { intent: 'success', title: done };
      case 'invalid':
        return {
          intent: 'error',
          title: t('detail.invalidTitle'),
          text: outcome.issues.map((i) => say(i.message)).join(' '),
        };
      case 'conflict':
        return {
          intent: 'error',
          title: t('detail.saveFailedTitle'),
          text: outcome.theirs ? ft('conflict') : t('detail.deleted'),
        };
      case 'failed': {
        const d = describeError(outcome.error);
        return { intent: 'error', title: t('detail.saveFailedTitle'), text: t(d.key, { detail: d.detail ?? '' }) };
      }
    }
  }

  async function saveLinks() {
    const afhankelijkVan = parseNummers(deps);
    const sorted = [...bevindingen].sort((a, b) => a - b);
    const issues = checkLinks(planValues, { nummer: actie.nummer, afhankelijkVan, bevindingen: sorted });
    if (issues.length > 0) {
      setLinksMessage({
        intent: 'error',
        title: t('detail.invalidTitle'),
        text: issues.map((i) => say(i.message)).join(' '),
      });
      return;
    }
    setBusy('links');
    setLinksMessage(undefined);
    const outcome = await writer.save(item.id, { afhankelijkVan, bevindingen: sorted });
    // Saved: the form as stored (numbers as the plan writes them, findings in order), so it is no change of this
    // person's any more, and a later version of someone else's shows in it.
    if (outcome.kind === 'saved')
      setLinks({ deps: outcome.item.value.afhankelijkVan.join(', '), bevindingen: outcome.item.value.bevindingen });
    setLinksMessage(describe(outcome, ft('linksSaved')));
    setBusy(undefined);
  }

  async function retire() {
    const check = checkVervallen(actie, reden);
    if (!check.ok) {
      setVervallenMessage({ intent: 'error', title: t('detail.invalidTitle'), text: say(check.message) });
      return;
    }
    setBusy('vervallen');
    setVervallenMessage(undefined);
    const outcome = await writer.save(item.id, { vervallen: true, vervallenReden: check.reden });
    setVervallenMessage(describe(outcome, ft('vervallenDone')));
    if (outcome.kind === 'saved') setReden('');
    setBusy(undefined);
  }

  const mayRetire = mayChangeActie(actor, actie.domeinen);
  return (
    <>
      <section className={styles.section} aria-labelledby="links-title">
        <Subtitle2 as="h3" id="links-title">
          {ft('linksTitle')}
        </Subtitle2>
        <Field label={ft('afhankelijkVan')} hint={ft('afhankelijkVanHint')}>
          <Input value={deps} onChange={(_, d) => setDeps(d.value)} data-testid="links-afhankelijk" />
        </Field>
        <div className={styles.checks} role="group" aria-label={ft('bevindingen')}>
          {allBevindingen.map((b) => (
            <Checkbox
              key={b.nummer}
              label={`${b.nummer}. ${b.titel}`}
              checked={bevindingen.includes(b.nummer)}
              onChange={(_, data) =>
                setBevindingen((list) =>
                  data.checked ? [...list, b.nummer].sort((x, y) => x - y) : list.filter((x) => x !== b.nummer),
                )
              }
            />
          ))}
        </div>
        <div className={styles.actions}>
          <Button
            onClick={() => void saveLinks()}
            disabled={busy !== undefined}
            icon={busy === 'links' ? <Spinner size="tiny" /> : undefined}
          >
            {ft('linksSave')}
          </Button>
        </div>
        {linksMessage && (
          <MessageBar
            intent={linksMessage.intent}
            layout="multiline"
            role={linksMessage.intent === 'error' ? 'alert' : 'status'}
            data-testid="links-message"
          >
            <MessageBarBody>
              <MessageBarTitle>{linksMessage.title}</MessageBarTitle>
              {linksMessage.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      {!isVervallen(actie) && mayRetire && (
        <section className={styles.section} aria-labelledby="vervallen-title">
          <Subtitle2 as="h3" id="vervallen-title">
            {ft('vervallenTitle')}
          </Subtitle2>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{ft('vervallenIntro')}</MessageBarBody>
          </MessageBar>
          <Field label={ft('vervallenReden')} required>
            <Textarea
              value={reden}
              onChange={(_, d) => setReden(d.value)}
              resize="vertical"
              rows={2}
              data-testid="vervallen-reden"
            />
          </Field>
          <div className={styles.actions}>
            <Button
              onClick={() => void retire()}
              disabled={busy !== undefined}
              icon={busy === 'vervallen' ? <Spinner size="tiny" /> : undefined}
            >
              {ft('vervallenConfirm')}
            </Button>
          </div>
        </section>
      )}
      {vervallenMessage && (
        <MessageBar
          intent={vervallenMessage.intent}
          layout="multiline"
          role={vervallenMessage.intent === 'error' ? 'alert' : 'status'}
          data-testid="vervallen-message"
        >
          <MessageBarBody>
            <MessageBarTitle>{vervallenMessage.title}</MessageBarTitle>
            {vervallenMessage.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
