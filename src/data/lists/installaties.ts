import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import type { ListDefinition, ListItem } from './list-definition.js';

/**
 * Where the bot is installed: one item per Teams team, written by the bot when Teams tells it (installation and
 * channel events). It keeps what a proactive post into any standard channel of that team needs later, also for an
 * MT registered after the install: the tenant, the team's ids and the Bot Connector address (`serviceUrl`) Teams
 * gave. The `serviceUrl` is written only from activities whose Bot Framework token the SDK validated (the token's
 * `serviceurl` claim must equal the activity's), never in the explicit local configuration. People who may edit items
 * on the site can change it as well, so the bot uses it only when it is a Teams Bot Connector address
 * (bot/service-url.ts).
 */
export const INSTALLATIE_FIELDS = {
  titel: 'Title',
  teamId: 'TeamId',
  groepId: 'GroepId',
  tenantId: 'TenantId',
  serviceUrl: 'ServiceUrl',
} as const;

export const installatiesList: ListDefinition = {
  name: 'Installaties',
  description:
    'Teams waarin de bot van het actieplan is geïnstalleerd, met het adres van de Bot Connector dat Teams gaf (door de bot bijgehouden).',
  titleDisplayName: 'Team',
  columns: [
    // The team's thread id (`19:…@thread.tacv2`, also its General channel's conversation id): one item per team.
    {
      name: INSTALLATIE_FIELDS.teamId,
      displayName: 'Team-id',
      text: { maxLength: 255 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
    { name: INSTALLATIE_FIELDS.groepId, displayName: 'Groep-id (Entra)', text: { maxLength: 64 } },
    { name: INSTALLATIE_FIELDS.tenantId, displayName: 'Tenant-id', text: { maxLength: 64 } },
    { name: INSTALLATIE_FIELDS.serviceUrl, displayName: 'Bot Connector (serviceUrl)', text: { maxLength: 255 } },
  ],
};

/** One team the bot is installed in. */
export type Installatie = {
  teamId: string;
  naam?: string;
  groepId?: string;
  tenantId?: string;
  /** Present only when it came with a validated token. */
  serviceUrl?: string;
};

export const installatieFieldNames = Object.values(INSTALLATIE_FIELDS);

export function toInstallatie(item: ListItem): Loaded<Installatie> {
  const read = new FieldReader(item.fields);
  const value: Installatie = { teamId: read.text(INSTALLATIE_FIELDS.teamId, { required: true }) ?? '' };
  withOptional(value, {
    naam: read.text(INSTALLATIE_FIELDS.titel),
    groepId: read.text(INSTALLATIE_FIELDS.groepId),
    tenantId: read.text(INSTALLATIE_FIELDS.tenantId),
    serviceUrl: read.text(INSTALLATIE_FIELDS.serviceUrl),
  });
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function installatieToFields(i: Installatie): Record<string, unknown> {
  return {
    [INSTALLATIE_FIELDS.titel]: (i.naam ?? i.teamId).slice(0, 255),
    [INSTALLATIE_FIELDS.teamId]: i.teamId,
    [INSTALLATIE_FIELDS.groepId]: i.groepId ?? null,
    [INSTALLATIE_FIELDS.tenantId]: i.tenantId ?? null,
    [INSTALLATIE_FIELDS.serviceUrl]: i.serviceUrl ?? null,
  };
}
