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

/** An action's owner as text: the person, or for a shared action on the roll-up its domains', or "Geen eigenaar". */
export function ownerText(
  t: ReturnType<typeof useT>,
  owner: PersonRef | undefined,
  perDomein?: { belegd: number; totaal: number },
): string {
  if (owner) return personName(t, owner);
  if (perDomein)
    return perDomein.belegd === perDomein.totaal
      ? t('plan.ownerPerDomein')
      : t('plan.ownerSomeDomeinen', { belegd: perDomein.belegd, totaal: perDomein.totaal });
  return t('plan.noOwner');
}

/**
 * An action's owner, or "Geen eigenaar". A shared action without an owner of its own, seen on the roll-up, says how
 * its domains carry it (`perDomein`: `ActieRow.eigenaarPerDomein`): "Eigenaar per domein", or in how many of them.
 */
export function OwnerText({
  owner,
  perDomein,
  className,
}: {
  owner?: PersonRef | undefined;
  perDomein?: { belegd: number; totaal: number } | undefined;
  className?: string;
}) {
  const styles = useStyles();
  const t = useT();
  const missing = !owner && (!perDomein || perDomein.belegd < perDomein.totaal);
  return (
    <span className={mergeClasses(styles.root, missing && styles.muted, className)}>
      <PersonRegular aria-hidden="true" />
      <span className={styles.name}>{ownerText(t, owner, perDomein)}</span>
    </span>
  );
}
