import {
  Button,
  Card,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle1,
  Body1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { fetchPersonas, type Persona } from './persona.js';

const useStyles = makeStyles({
  card: {
    maxWidth: '32rem',
    margin: `${tokens.spacingVerticalXXL} auto`,
    padding: tokens.spacingVerticalL,
    rowGap: tokens.spacingVerticalM,
  },
});

/** Stands in for single sign-on in a plain browser on the sandbox: choose the role to act as. */
export function PersonaPicker({ directoryUrl, onChosen }: { directoryUrl: string; onChosen: (upn: string) => void }) {
  const styles = useStyles();
  const t = useT();
  const [personas, setPersonas] = useState<Persona[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    fetchPersonas(directoryUrl).then(
      (list) => !cancelled && setPersonas(list),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [directoryUrl, attempt]);

  return (
    <Card className={styles.card}>
      <Subtitle1 as="h1">{t('persona.title')}</Subtitle1>
      <Body1>{t('persona.intro')}</Body1>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{t('persona.loadError')}</MessageBarBody>
          <Button onClick={() => setAttempt((n) => n + 1)}>{t('app.retry')}</Button>
        </MessageBar>
      )}
      {!personas && !failed && <Spinner size="small" />}
      {personas && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) onChosen(chosen);
          }}
        >
          <Field label={t('persona.label')}>
            <Dropdown placeholder={t('persona.placeholder')} onOptionSelect={(_, data) => setChosen(data.optionValue)}>
              {personas.map((p) => (
                <Option key={p.upn} value={p.upn} text={p.displayName}>
                  {p.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button appearance="primary" type="submit" disabled={!chosen} style={{ marginTop: tokens.spacingVerticalM }}>
            {t('persona.continue')}
          </Button>
        </form>
      )}
    </Card>
  );
}
