/**
 * The people of the sandbox tenant: site users named by their role, never by a real name.
 *
 * Their object ids are derived from the UPN (a name-based, version-5 style GUID), so they are the
 * same on every machine and after every reset: a seed or a test can name a persona by UPN or oid.
 */
import { createHash } from 'node:crypto';

/** The fixed tenant of the sandbox (the `tid` claim of every token). */
export const SANDBOX_TENANT_ID = '6d1a3c59-5b7e-4f7a-9c1e-2a1f0e5d7c31';

/** SharePoint's lookup id for the app-only writer ("SharePoint App"), the same as in SharePoint Online. */
export const SHAREPOINT_APP_LOOKUP_ID = 1073741823;
export const SHAREPOINT_APP_DISPLAY_NAME = 'SharePoint App';

/** One site user. `lookupId` is its id in the site's User Information List (what person columns store). */
export type Persona = {
  readonly upn: string;
  readonly displayName: string;
  readonly jobTitle: string;
  readonly oid: string;
  readonly lookupId: number;
};

const MAIL_DOMAIN = 'zoetermeer.example';

/**
 * Roles and the local part of their UPN, in the order of their lookup ids. A `null` is a retired slot: a persona that
 * was removed keeps its lookup id unused, so every persona after it keeps its id on sandbox data written before.
 */
const ROLES: ReadonlyArray<{ role: string; local: string; jobTitle?: string } | null> = [
  { role: 'Gemeentesecretaris', local: 'gemeentesecretaris', jobTitle: 'Gemeentesecretaris / algemeen directeur' },
  { role: 'Directeur Bedrijfsvoering', local: 'directeur.bedrijfsvoering' },
  { role: 'Directeur Dienstverlening', local: 'directeur.dienstverlening' },
  { role: 'Directeur Fysiek Domein', local: 'directeur.fysiek-domein' },
  { role: 'Directeur Sociaal Domein', local: 'directeur.sociaal-domein' },
  { role: 'Informatiemanager Bedrijfsvoering', local: 'informatiemanager.bedrijfsvoering' },
  { role: 'Informatiemanager Dienstverlening', local: 'informatiemanager.dienstverlening' },
  { role: 'Informatiemanager Fysiek Domein', local: 'informatiemanager.fysiek-domein' },
  { role: 'Informatiemanager Sociaal Domein', local: 'informatiemanager.sociaal-domein' },
  { role: 'Afdelingshoofd Dienstverlening', local: 'afdelingshoofd.dienstverlening' },
  { role: 'Afdelingshoofd HR', local: 'afdelingshoofd.hr' },
  { role: 'Portfoliomanager I&A', local: 'portfoliomanager.ia' },
  { role: 'Manager I&A', local: 'manager.ia' },
  { role: 'Programmamanager Digitaal Samenwerken', local: 'programmamanager.digitaal-samenwerken' },
  { role: 'Programmamanager Datagedreven Werken', local: 'programmamanager.datagedreven-werken' },
  { role: 'Secretaris CMT', local: 'secretaris.cmt' },
  // Retired (issue 13, point 4): "Strategisch adviseur Digitalisering" is named by no seed document, and the
  // concerncontroller is the directeur Bedrijfsvoering (003:600), one person who already has a persona.
  null,
  null,
  // The secretary of each domain MT owns that MT's agenda, so 11.5's agenda item is theirs to prepare.
  { role: 'Secretaris MT Bedrijfsvoering', local: 'secretaris.mt-bedrijfsvoering' },
  { role: 'Secretaris MT Dienstverlening', local: 'secretaris.mt-dienstverlening' },
  { role: 'Secretaris MT Fysiek Domein', local: 'secretaris.mt-fysiek-domein' },
  { role: 'Secretaris MT Sociaal Domein', local: 'secretaris.mt-sociaal-domein' },
];

/** Lookup ids of site users start here; lower ids are taken by SharePoint's own system accounts. */
const FIRST_LOOKUP_ID = 11;

/** A stable GUID from a name: SHA-1 of namespace + name, with version 5 and RFC 4122 variant bits. */
export function nameBasedGuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}\u0000${name}`).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** All personas of the sandbox, in lookup-id order. */
export const PERSONAS: readonly Persona[] = ROLES.flatMap((r, index) => {
  if (r === null) return [];
  const upn = `${r.local}@${MAIL_DOMAIN}`;
  return [
    {
      upn,
      displayName: r.role,
      jobTitle: r.jobTitle ?? r.role,
      oid: nameBasedGuid('sandbox-persona', upn),
      lookupId: FIRST_LOOKUP_ID + index,
    },
  ];
});

/** Finds a persona by UPN (case-insensitive) or object id. */
export function findPersona(upnOrOid: string): Persona | undefined {
  const key = upnOrOid.trim().toLowerCase();
  return PERSONAS.find((p) => p.upn.toLowerCase() === key || p.oid === key);
}

/** Finds a persona by its site-user lookup id. */
export function findPersonaByLookupId(lookupId: number): Persona | undefined {
  return PERSONAS.find((p) => p.lookupId === lookupId);
}
