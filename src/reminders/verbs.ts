import { createHash } from 'node:crypto';
import { TEXT_MAX } from '../domain/text-limits.js';

/**
 * The verbs of the agenda card's `Action.Execute` buttons and the data they carry back to the bot. The card builds
 * these, the bot's `adaptiveCard/action` handler reads them; one module keeps the two in step.
 */

/**
 * - `besproken`: the MT discussed the item; the card then shows who and when, for everyone.
 * - `status-bijwerken`: a new status (with optional reason and deadline) for one listed action.
 * - `vernieuwen`: the card's refresh, which gives each person their own "Jouw acties".
 * - `besluit-vastleggen`: a decision of this meeting, typed on the card, into the decision log (Besluiten list).
 * - `agenderen`: a domain MT puts one of its actions on the CMT's agenda, with a reason (Agenderingen list).
 * - `agendering-besproken`: the CMT ticks an escalation as discussed, optionally with a decision.
 */
export const CARD_VERBS = [
  'besproken',
  'status-bijwerken',
  'vernieuwen',
  'besluit-vastleggen',
  'agenderen',
  'agendering-besproken',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** What every button sends. `actieId` and `eTag` only with `status-bijwerken`. */
export type CardActionData = {
  verb: CardVerb;
  mtKey: string;
  /** `<mt.key>|<occurrence start ISO UTC>`, the reminder log's Sleutel. */
  occurrenceKey: string;
  /** SharePoint item id of the action. */
  actieId?: string;
  /** The action's eTag when the card was built, sent as If-Match so a stale card gets a conflict, not an overwrite. */
  eTag?: string;
  /** SharePoint item id of the escalation (`agendering-besproken`; its eTag travels in `eTag`). */
  agenderingId?: string;
  /**
   * `status-bijwerken` on a domain MT's card for a shared action: the id of the domain's row (its eTag travels in
   * `eTag`). Absent while the domain had no row when the card was built.
   */
  rijId?: string;
};

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}

/** Input ids may only hold these characters in every renderer we know of. */
function safeId(actieId: string): string {
  return actieId.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * The ids of the status-update inputs of one action. They include the action's id because Adaptive Card input ids
 * must be unique across a card, and every listed action has its own form.
 */
export function statusInputIds(actieId: string): { status: string; toelichting: string; deadline: string } {
  const id = safeId(actieId);
  return { status: `status-${id}`, toelichting: `toelichting-${id}`, deadline: `deadline-${id}` };
}

/** What a `status-bijwerken` invoke carries: the button's data plus the values of that action's inputs. */
export type StatusUpdateRequest = {
  mtKey: string;
  occurrenceKey: string;
  actieId: string;
  /** The action's eTag, or the domain row's when `rijId` is given. */
  eTag: string;
  /** The domain's row the card showed (a domain MT's card, a shared action). */
  rijId?: string;
  status?: string;
  toelichting?: string;
  deadline?: string;
};

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/**
 * An eTag as Graph sends it: one quoted entity tag (`"{guid},3"`). Anything else, `*` above all (If-Match: * matches
 * every version), is not an eTag the card carried: a stale card would then overwrite instead of conflict.
 */
function entityTag(value: unknown): string | undefined {
  const t = text(value);
  return t !== undefined && /^(?:W\/)?"[^"]*"$/.test(t) ? t : undefined;
}

/**
 * Reads the `value` of an `adaptiveCard/action` invoke. Returns undefined for anything that is not one of our
 * buttons (unknown verb, missing keys), so the bot can answer with a clear error instead of guessing.
 */
export function parseCardActionData(value: unknown): CardActionData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const mtKey = text(v.mtKey);
  const occurrenceKey = text(v.occurrenceKey);
  if (!isCardVerb(v.verb) || mtKey === undefined || occurrenceKey === undefined) return undefined;
  const data: CardActionData = { verb: v.verb, mtKey, occurrenceKey };
  const actieId = text(v.actieId);
  const eTag = entityTag(v.eTag);
  const agenderingId = text(v.agenderingId);
  if (v.verb === 'status-bijwerken' && (actieId === undefined || eTag === undefined)) return undefined;
  if (v.verb === 'agendering-besproken' && (agenderingId === undefined || eTag === undefined)) return undefined;
  if (actieId !== undefined) data.actieId = actieId;
  if (eTag !== undefined) data.eTag = eTag;
  if (agenderingId !== undefined) data.agenderingId = agenderingId;
  const rijId = text(v.rijId);
  if (rijId !== undefined) data.rijId = rijId;
  return data;
}

/**
 * The status update a `status-bijwerken` invoke asks for, with the input values picked by the action's input ids.
 * Whether the transition is allowed is the domain's question (`checkTransition`), not this parser's.
 */
export function parseStatusUpdate(value: unknown): StatusUpdateRequest | undefined {
  const data = parseCardActionData(value);
  if (!data || data.verb !== 'status-bijwerken' || data.actieId === undefined || data.eTag === undefined)
    return undefined;
  const v = value as Record<string, unknown>;
  const ids = statusInputIds(data.actieId);
  const out: StatusUpdateRequest = {
    mtKey: data.mtKey,
    occurrenceKey: data.occurrenceKey,
    actieId: data.actieId,
    eTag: data.eTag,
  };
  if (data.rijId !== undefined) out.rijId = data.rijId;
  const status = text(v[ids.status]);
  const toelichting = text(v[ids.toelichting]);
  const deadline = text(v[ids.deadline]);
  if (status !== undefined) out.status = status;
  if (toelichting !== undefined) out.toelichting = toelichting;
  if (deadline !== undefined) out.deadline = deadline;
  return out;
}

// ---------- "Besluit vastleggen" ----------

/** The id of the card's decision input (one per card, so a fixed id). */
export const BESLUIT_INPUT_ID = 'besluit-tekst';
/** A decision is the Besluiten list's Title: one line of at most 255 characters. */
export const BESLUIT_MAX_LENGTH = TEXT_MAX.besluit;

/** What a `besluit-vastleggen` invoke carries: the button's data and the typed decision, on one line. */
export type BesluitRequest = { mtKey: string; occurrenceKey: string; tekst: string };

/**
 * The decision a `besluit-vastleggen` invoke asks to record. Line breaks and runs of spaces become one space (the
 * list column holds one line); the text may come back empty or too long, which `besluitTextProblem` refuses.
 */
export function parseBesluitRequest(value: unknown): BesluitRequest | undefined {
  const data = parseCardActionData(value);
  if (!data || data.verb !== 'besluit-vastleggen') return undefined;
  return { mtKey: data.mtKey, occurrenceKey: data.occurrenceKey, tekst: typedBesluit(value) };
}

/**
 * The decision typed in the card's "Besluit vastleggen" box that an invoke carries along, on one line ('' when none).
 * A client sends the card's inputs with every `Action.Execute` ("auto"), so "Besproken" pressed with a decision typed
 * but not recorded carries it too, and it is recorded rather than lost with the card's update.
 */
export function typedBesluit(value: unknown): string {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[BESLUIT_INPUT_ID] : '';
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
}

/** Why a typed decision cannot be recorded (a Dutch sentence for the person), or undefined when it can. */
export function besluitTextProblem(tekst: string): string | undefined {
  if (tekst.trim() === '') return 'Typ eerst het besluit in het vak "Besluit vastleggen". Er is niets vastgelegd.';
  // UTF-16 units, as the card's maxLength and SharePoint's text column count them.
  const length = tekst.length;
  if (length > BESLUIT_MAX_LENGTH)
    return `Een besluit mag hoogstens ${BESLUIT_MAX_LENGTH} tekens lang zijn (dit zijn er ${length}). Er is niets vastgelegd.`;
  return undefined;
}

/**
 * A typed decision as it counts for "the same decision": trimmed, runs of white space as one space, Unicode NFC,
 * case-folded. Only for the ClientKey; the decision is stored as typed (`parseBesluitRequest`).
 */
export function besluitKeyText(tekst: string): string {
  return tekst.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The ClientKey of a decision typed on the card: the meeting (occurrence key), the person who acts (their Teams user
 * id) and the normalised text (`besluitKeyText`), hashed to a short fixed length. The same person recording the
 * same text for the same meeting lands once, however often they click (a retried invoke, or a click again after the
 * card could not be updated); another text or another person is another decision.
 */
export function besluitClientKey(occurrenceKey: string, personId: string, tekst: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify(['besluit', occurrenceKey, personId, besluitKeyText(tekst)]))
    .digest('base64url');
  return `kaart-besluit:${hash}`;
}

// ---------- "Agenderen in CMT" and the CMT's tick ----------

/** The ids of the card's escalation inputs (one form per card, so fixed ids). */
export const AGENDEREN_INPUT_IDS = { actie: 'agenderen-actie', reden: 'agenderen-reden' } as const;

/** The id of the decision input of one escalation's tick (unique per escalation, as input ids must be per card). */
export function agenderingBesluitInputId(agenderingId: string): string {
  return `agendering-besluit-${safeId(agenderingId)}`;
}

/** What an `agenderen` invoke carries: which action (its SharePoint id) and the typed reason (may be empty: refused later). */
export type AgenderenRequest = { mtKey: string; occurrenceKey: string; actieId?: string; reden: string };

export function parseAgenderenRequest(value: unknown): AgenderenRequest | undefined {
  const data = parseCardActionData(value);
  if (!data || data.verb !== 'agenderen') return undefined;
  const v = value as Record<string, unknown>;
  const actieId = text(v[AGENDEREN_INPUT_IDS.actie]);
  const reden = typeof v[AGENDEREN_INPUT_IDS.reden] === 'string' ? (v[AGENDEREN_INPUT_IDS.reden] as string).trim() : '';
  return { mtKey: data.mtKey, occurrenceKey: data.occurrenceKey, ...(actieId ? { actieId } : {}), reden };
}

/** What an `agendering-besproken` invoke carries: the escalation, its eTag (If-Match) and the optional decision. */
export type AgenderingBesprokenRequest = {
  mtKey: string;
  occurrenceKey: string;
  agenderingId: string;
  eTag: string;
  besluit?: string;
};

export function parseAgenderingBesproken(value: unknown): AgenderingBesprokenRequest | undefined {
  const data = parseCardActionData(value);
  if (!data || data.verb !== 'agendering-besproken' || data.agenderingId === undefined || data.eTag === undefined)
    return undefined;
  const besluit = text((value as Record<string, unknown>)[agenderingBesluitInputId(data.agenderingId)]);
  return {
    mtKey: data.mtKey,
    occurrenceKey: data.occurrenceKey,
    agenderingId: data.agenderingId,
    eTag: data.eTag,
    ...(besluit ? { besluit } : {}),
  };
}

/**
 * The ClientKey of an escalation made on the card: the meeting's card, the person, the action and the normalised
 * reason, hashed. A retried invoke or a second click lands once; another reason or another person is another request
 * (which the domain then refuses while the first is still open).
 */
export function agenderingClientKey(occurrenceKey: string, personId: string, actieId: string, reden: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify(['agendering', occurrenceKey, personId, actieId, besluitKeyText(reden)]))
    .digest('base64url');
  return `kaart-agendering:${hash}`;
}
