import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { ActieStatus } from '../../../../domain/model.js';

const COLORS: Record<ActieStatus, BadgeProps['color']> = {
  'Niet gestart': 'informative',
  Loopt: 'brand',
  Geblokkeerd: 'danger',
  Afgerond: 'success',
  'Belegd in lopend traject': 'important',
  'Niet overgenomen': 'subtle',
};

/** An action's status as a coloured badge; the text carries the meaning, colour only supports it. */
export function StatusBadge({ status }: { status: ActieStatus }) {
  return (
    <Badge appearance="tint" color={COLORS[status]} shape="rounded">
      {status}
    </Badge>
  );
}
