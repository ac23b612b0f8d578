import { Badge, makeStyles, type BadgeProps } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  CircleRegular,
  DismissCircleRegular,
  ArrowSyncCircleRegular,
  PlayCircleRegular,
  ProhibitedRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ActieStatus } from '../../domain/model.js';
import { useT } from '../i18n/i18n.js';
import { STATUS_LABEL } from '../lib/labels.js';

const COLORS: Record<ActieStatus, BadgeProps['color']> = {
  'Niet gestart': 'informative',
  Loopt: 'brand',
  Geblokkeerd: 'danger',
  Afgerond: 'success',
  'Belegd in lopend traject': 'important',
  'Niet overgenomen': 'subtle',
};

const ICONS: Record<ActieStatus, ReactElement> = {
  'Niet gestart': <CircleRegular />,
  Loopt: <PlayCircleRegular />,
  Geblokkeerd: <ProhibitedRegular />,
  Afgerond: <CheckmarkCircleRegular />,
  'Belegd in lopend traject': <ArrowSyncCircleRegular />,
  'Niet overgenomen': <DismissCircleRegular />,
};

const useStyles = makeStyles({
  // In a narrow column (the list's, sized by the person) the badge shrinks and its words end in an ellipsis.
  badge: { maxWidth: '100%', minWidth: 0 },
  text: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** An action's status: colour and icon support the text, they never replace it. */
export function StatusBadge({ status, size = 'medium' }: { status: ActieStatus; size?: BadgeProps['size'] }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Badge
      appearance="tint"
      color={COLORS[status]}
      shape="rounded"
      icon={ICONS[status]}
      size={size}
      data-status={status}
      className={styles.badge}
    >
      <span className={styles.text}>{t(STATUS_LABEL[status])}</span>
    </Badge>
  );
}
