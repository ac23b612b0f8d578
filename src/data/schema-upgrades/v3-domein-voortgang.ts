/**
 * Schema step 3 (issue 12, point 4): existing sites get the DomeinVoortgang list from the declarative schema; this
 * step gives every action that several domains carry a row per domain, so each domain has its own row to edit from
 * the first day. A row starts where the action stands (its status and reason) and has no owner and no deadline of its
 * own: the roll-up then equals the action's status, and the deadline follows the action's. Existing items are never
 * changed; a second run finds every row and creates nothing (the unique Sleutel also guards against a duplicate).
 */
import { domeinVoortgangKey, hasDomeinVoortgang } from '../../domain/domein-voortgang.js';
import { ACTIE_STATUSES, DOMEINEN, type ActieStatus, type Domein } from '../../domain/model.js';
import type { Graph } from '../graph/client.js';
import { ACTIE_FIELDS } from '../lists/acties.js';
import { DOMEIN_VOORTGANG_FIELDS, domeinVoortgangToFields } from '../lists/domein-voortgang.js';
import { fieldsExpand, type ListItem } from '../lists/list-definition.js';
import { listPath } from '../site.js';

/** Creates the missing rows; returns a line per row created. */
export async function createMissingDomeinVoortgang(graph: Graph, siteId: string): Promise<string[]> {
  const acties = await graph.getAll<ListItem>(
    `${listPath(siteId, 'Acties')}/items?$expand=${fieldsExpand([ACTIE_FIELDS.nummer, ACTIE_FIELDS.domeinen, ACTIE_FIELDS.status, ACTIE_FIELDS.statusToelichting])}&$top=999`,
  );
  const existing = new Set(
    (
      await graph.getAll<ListItem>(
        `${listPath(siteId, 'DomeinVoortgang')}/items?$expand=${fieldsExpand([DOMEIN_VOORTGANG_FIELDS.sleutel])}&$top=999`,
      )
    ).map((i) => String(i.fields[DOMEIN_VOORTGANG_FIELDS.sleutel])),
  );
  const changes: string[] = [];
  for (const item of acties) {
    const nummer = String(item.fields[ACTIE_FIELDS.nummer] ?? '');
    const raw = item.fields[ACTIE_FIELDS.domeinen];
    const domeinen = (Array.isArray(raw) ? raw : []).filter((d): d is Domein =>
      (DOMEINEN as readonly unknown[]).includes(d),
    );
    if (nummer === '' || !hasDomeinVoortgang({ domeinen })) continue;
    const rawStatus = item.fields[ACTIE_FIELDS.status];
    const status: ActieStatus = ACTIE_STATUSES.find((s) => s === rawStatus) ?? 'Niet gestart';
    const toelichting = item.fields[ACTIE_FIELDS.statusToelichting];
    for (const domein of new Set(domeinen)) {
      if (existing.has(domeinVoortgangKey(nummer, domein))) continue;
      const fields = domeinVoortgangToFields(
        {
          actie: nummer,
          domein,
          status,
          ...(typeof toelichting === 'string' && toelichting.trim() !== '' ? { statusToelichting: toelichting } : {}),
        },
        item.id,
      );
      await graph.post(`${listPath(siteId, 'DomeinVoortgang')}/items`, { fields });
      changes.push(`DomeinVoortgang ${nummer} ${domein}`);
    }
  }
  return changes;
}
