import type { ActieStatus, Domein, Plateau, ThemaCode } from '../../domain/model.js';
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

export const PLATEAU_LABEL: Record<Plateau, MessageKey> = {
  Randvoorwaardelijk: 'plateau.randvoorwaardelijk',
  'Fundament versterken': 'plateau.fundament',
  Verbeteren: 'plateau.verbeteren',
  Excelleren: 'plateau.excelleren',
};

export const THEMA_LABEL: Record<ThemaCode, MessageKey> = {
  A: 'thema.A',
  B: 'thema.B',
  C: 'thema.C',
};

export const DOMEIN_LABEL: Record<Domein, MessageKey> = {
  Bedrijfsvoering: 'domein.bedrijfsvoering',
  Dienstverlening: 'domein.dienstverlening',
  'Fysiek Domein': 'domein.fysiek',
  'Sociaal Domein': 'domein.sociaal',
  Concern: 'domein.concern',
};
