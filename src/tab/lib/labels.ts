import { themaNameIn, ZOETERMEER_INRICHTING, type Inrichting } from '../../domain/inrichting-basis.js';
import type { ActieStatus, Domein, PersonRef, Plateau, ThemaCode } from '../../domain/model.js';
import type { MessageKey } from '../i18n/nl.js';

/** Catalogue keys of the plan's choice values: stored in Dutch, shown in the user's language. */
export const STATUS_LABEL: Record<ActieStatus, MessageKey> = {
  'Niet gestart': 'status.nietGestart',
  Loopt: 'status.loopt',
  Geblokkeerd: 'status.geblokkeerd',
  Afgerond: 'status.afgerond',
  'Belegd in lopend traject': 'status.belegd',
  'Niet overgenomen': 'status.nietOvergenomen',
};

/**
 * Zoetermeer's plateaus, themes and domains have a text in both catalogues. Another municipality's come from its
 * set-up (the Inrichting list) and are shown as it names them: `plateauLabel`, `themaLabel`, `domeinLabel`.
 */
export const PLATEAU_LABEL: Readonly<Record<Plateau, MessageKey>> = {
  Randvoorwaardelijk: 'plateau.randvoorwaardelijk',
  'Fundament versterken': 'plateau.fundament',
  Verbeteren: 'plateau.verbeteren',
  Excelleren: 'plateau.excelleren',
};

export const THEMA_LABEL: Readonly<Record<ThemaCode, MessageKey>> = {
  A: 'thema.A',
  B: 'thema.B',
  C: 'thema.C',
};

export const DOMEIN_LABEL: Readonly<Record<Domein, MessageKey>> = {
  Bedrijfsvoering: 'domein.bedrijfsvoering',
  Dienstverlening: 'domein.dienstverlening',
  'Fysiek Domein': 'domein.fysiek',
  'Sociaal Domein': 'domein.sociaal',
  Concern: 'domein.concern',
};

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The catalogue's text for a value the map knows (own keys only: a domain may be called "constructor"). */
function known(map: Readonly<Record<string, MessageKey>>, value: string, t: T): string | undefined {
  return Object.hasOwn(map, value) ? t(map[value] as MessageKey) : undefined;
}

/** A domain in the UI's language: Zoetermeer's five by the catalogues, any other by its own name. */
export function domeinLabel(t: T, domein: Domein): string {
  return known(DOMEIN_LABEL, domein, t) ?? domein;
}

/** A plateau in the UI's language: Zoetermeer's four by the catalogues, any other by its own name. */
export function plateauLabel(t: T, plateau: Plateau): string {
  return known(PLATEAU_LABEL, plateau, t) ?? plateau;
}

/**
 * A theme's name in the UI's language, by its code in the set-up: the catalogue's text only where the set-up's theme
 * is Zoetermeer's (same code, same name; another municipality's theme "A" may be another theme), otherwise the
 * set-up's own name, and the code itself for a code the set-up does not have.
 */
export function themaLabel(t: T, code: ThemaCode, inrichting: Inrichting = ZOETERMEER_INRICHTING): string {
  const naam = themaNameIn(inrichting, code);
  const zoetermeer = ZOETERMEER_INRICHTING.themas.find((x) => x.code === code);
  return zoetermeer !== undefined && zoetermeer.naam === naam ? (known(THEMA_LABEL, code, t) ?? naam) : naam;
}

/**
 * A person's name in the UI's language: their own name, or, for a person the site no longer knows or a site user
 * without a name (the data layer's Dutch placeholders), "Unknown user (id)" or "User id" in the UI's words.
 */
export function personName(t: T, person: PersonRef): string {
  if (person.id === undefined) return person.displayName;
  if (person.onbekend) return t('plan.unknownPerson', { id: person.id });
  if (person.naamloos) return t('plan.unnamedUser', { id: person.id });
  return person.displayName;
}
