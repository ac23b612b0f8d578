import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import type { PersonRef } from '../../domain/model.js';
import { useT } from '../i18n/i18n.js';
import { personName } from '../lib/labels.js';

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    minWidth: 0,
    maxWidth: '100%',
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** An action's owner, or "Geen eigenaar". */
export function OwnerText({ owner, className }: { owner?: PersonRef | undefined; className?: string }) {
  const styles = useStyles();
  const t = useT();
  return (
    <span className={mergeClasses(styles.root, !owner && styles.muted, className)}>
      <PersonRegular aria-hidden="true" />
      <span className={styles.name}>{owner ? personName(t, owner) : t('plan.noOwner')}</span>
    </span>
  );
}
