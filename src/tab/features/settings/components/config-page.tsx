import { Body1, Card, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle1, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { DOMEINEN, type Domein } from '../../../../domain/model.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { DOMEIN_LABEL } from '../../../lib/labels.js';
import { buildTabConfig, type StartView } from '../lib/tab-config.js';

const useStyles = makeStyles({
  card: { maxWidth: '40rem', margin: `${tokens.spacingVerticalL} auto`, padding: tokens.spacingVerticalL, rowGap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

const VIEWS: { value: StartView; label: MessageKey }[] = [
  { value: 'roadmap', label: 'nav.roadmap' },
  { value: 'lijst', label: 'nav.lijst' },
  { value: 'voortgang', label: 'nav.voortgang' },
];

/** What the configuration page hands to the host: validity, and how to save. */
export type ConfigHost = {
  setValidity(valid: boolean): void;
  onSave(save: () => Promise<{ entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }>): void;
};

/**
 * The channel tab's configuration page (`#/config`): the MT chooses its domain (the CMT chooses Concern); the
 * tab then opens filtered to it. Teams enables Save once the choice is valid.
 */
export function ConfigPage({ onShown, initialDomein, host }: { onShown: () => void; initialDomein?: Domein | undefined; host?: ConfigHost | undefined }) {
  const styles = useStyles();
  const t = useT();
  const [domein, setDomein] = useState<Domein | ''>(initialDomein ?? '');
  const [view, setView] = useState<StartView>('roadmap');
  const config = useMemo(
    () => (domein ? buildTabConfig({ origin: window.location.origin, path: window.location.pathname, domein, view, displayName: t('config.tabName', { domein: t(DOMEIN_LABEL[domein]) }) }) : undefined),
    [domein, view, t],
  );

  useEffect(() => onShown(), [onShown]);
  useEffect(() => {
    host?.setValidity(config !== undefined);
    if (config) host?.onSave(() => Promise.resolve(config));
  }, [host, config]);

  return (
    <Card className={styles.card} data-testid="config-page">
      <Subtitle1 as="h1">{t('config.title')}</Subtitle1>
      <Body1>{t('config.intro')}</Body1>
      <Field label={t('config.domein')} required>
        <RadioGroup value={domein} onChange={(_, d) => setDomein(d.value as Domein)}>
          {DOMEINEN.map((d) => (
            <Radio key={d} value={d} label={d === 'Concern' ? t('config.concern') : t('config.mtOf', { domein: t(DOMEIN_LABEL[d]) })} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('config.startView')}>
        <RadioGroup value={view} onChange={(_, d) => setView(d.value as StartView)} layout="horizontal">
          {VIEWS.map((v) => (
            <Radio key={v.value} value={v.value} label={t(v.label)} />
          ))}
        </RadioGroup>
      </Field>
      {!host && (
        <MessageBar intent="info">
          <MessageBarBody>{t('config.outsideTeams')}</MessageBarBody>
        </MessageBar>
      )}
      {config && (
        <Body1 className={styles.muted} data-testid="config-preview">
          {t('config.preview', { name: config.suggestedDisplayName })}
        </Body1>
      )}
    </Card>
  );
}
