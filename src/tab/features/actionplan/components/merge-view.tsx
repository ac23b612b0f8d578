import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Actie, PersonRef } from '../../../../domain/model.js';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { personName } from '../../../lib/labels.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts, type DetailKey } from '../detail-i18n.js';
import type { ActieForm, FormField } from '../lib/actie-form.js';
import { defaultChoices, mergedForm, mergeRows, type MergeChoice } from '../lib/merge.js';
import { mergeTexts } from '../edit-i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  th: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  conflict: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export const FIELD_LABEL: Record<FormField, DetailKey> = {
  titel: 'detail.titel',
  status: 'detail.status',
  statusToelichting: 'detail.statusToelichting',
  eigenaarId: 'detail.eigenaar',
  deadline: 'detail.deadline',
  start: 'detail.start',
  planning: 'detail.planning',
  lopendTraject: 'detail.lopendTraject',
  plateau: 'detail.plateau',
  domeinen: 'detail.domeinen',
};

/**
 * Shown after a 412: the other person's saved version next to mine, field by field. Nothing is lost: my values
 * stay on screen (and in the draft) until I save the merge or deliberately take their version.
 */
export function MergeView({
  base,
  mine,
  theirs,
  users,
  onSave,
  onTakeTheirs,
  busy,
}: {
  base: Actie;
  mine: ActieForm;
  theirs: Actie;
  users: readonly PersonRef[];
  onSave: (form: ActieForm) => void;
  onTakeTheirs: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const mt = useFeatureT(mergeTexts);
  const rows = useMemo(() => mergeRows(base, mine, theirs), [base, mine, theirs]);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>(() => defaultChoices(rows));
  const show = (field: FormField, value: string) => {
    if (value === '') return <span className={styles.empty}>{mt('empty')}</span>;
    if (field === 'eigenaarId') return ((u) => (u ? personName(t, u) : value))(users.find((u) => u.id === value));
    return value;
  };

  return (
    <section className={styles.root} aria-labelledby="merge-title" data-testid="merge-view">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{mt('title')}</MessageBarTitle>
          {mt('intro')}
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h3" id="merge-title">
        {mt('heading')}
      </Subtitle2>
      <table className={styles.table}>
        <caption className={styles.empty}>{mt('caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {mt('field')}
            </th>
            <th scope="col" className={styles.th}>
              {mt('theirs')}
            </th>
            <th scope="col" className={styles.th}>
              {mt('mine')}
            </th>
            <th scope="col" className={styles.th}>
              {mt('keep')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.field}
              className={r.conflict ? styles.conflict : undefined}
              data-field={r.field}
              data-conflict={r.conflict}
            >
              <th scope="row" className={styles.td}>
                {t(FIELD_LABEL[r.field])}
              </th>
              <td className={styles.td} data-testid="theirs">
                {show(r.field, r.theirs)}
              </td>
              <td className={styles.td} data-testid="mine">
                {show(r.field, r.mine)}
              </td>
              <td className={styles.td}>
                {r.onlyTheirs ? (
                  mt('theirsKept')
                ) : (
                  <RadioGroup
                    aria-label={mt('keepFor', { field: t(FIELD_LABEL[r.field]) })}
                    value={choices[r.field]}
                    onChange={(_, d) => setChoices((c) => ({ ...c, [r.field]: d.value as MergeChoice }))}
                  >
                    <Radio value="theirs" label={mt('keepTheirs')} />
                    <Radio value="mine" label={mt('keepMine')} />
                  </RadioGroup>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => onSave(mergedForm(theirs, mine, choices))}>
          {mt('save')}
        </Button>
        <Button disabled={busy} onClick={onTakeTheirs}>
          {mt('takeTheirs')}
        </Button>
      </div>
    </section>
  );
}
