/**
 * Which MT an invitation is for, proposed from what Outlook knows about it: the subject ("MT Sociaal Domein
 * 12 januari") and the invitees (display names and addresses such as "mt-fysiek-domein@…"). Only a proposal: the
 * organiser confirms or picks another MT in the task pane.
 */
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';
import type { MT } from '../domain/model.js';

export type Invitee = { displayName?: string; emailAddress?: string };
export type MtProposal<K extends string = string> = { key: K; reason: 'subject' | 'invitees' };

/** Lower case, without diacritics, every run of other characters one space, padded so words match whole. */
export function normalizeWords(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

type Terms = { naam: string; domeinen: string[] };

/**
 * The words that name an MT: its name, and its domains except the set-up's concern domain (Zoetermeer's Concern,
 * which every CMT-wide text mentions).
 */
function termsOf(mt: Pick<MT, 'naam' | 'domeinen'>, concern: string): Terms {
  const usable = (t: string) => t.trim() !== '' && t.trim() !== 'mt';
  return {
    naam: normalizeWords(mt.naam),
    domeinen: mt.domeinen
      .filter((d) => d !== concern)
      .map((d) => normalizeWords(d))
      .filter(usable),
  };
}

/** 2 when `text` names the MT by its name, 1 by one of its domains, 0 not at all (whole words, normalised). */
function matchScore(terms: Terms, text: string): number {
  if (terms.naam.trim() !== '' && terms.naam.trim() !== 'mt' && text.includes(terms.naam)) return 2;
  return terms.domeinen.some((d) => text.includes(d)) ? 1 : 0;
}

function best<K extends string>(scores: readonly { key: K; score: number }[]): K | undefined {
  const sorted = scores.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  if (sorted.length === 0) return undefined;
  // A tie is no proposal: guessing between two MTs would put the wrong agenda in front of the organiser.
  if (sorted.length > 1 && sorted[1]!.score === sorted[0]!.score) return undefined;
  return sorted[0]!.key;
}

/**
 * Proposes the MT of an invitation. The subject wins when it names one MT best (by its name before by a domain);
 * otherwise the MT whose name or domain appears in the most invitees (name or the part of the address
 * before `@`). Inactive MTs are never proposed. Undefined when nothing or a tie matches. `inrichting`: the site's
 * set-up, whose concern domain names no MT by itself.
 */
export function proposeMt<K extends string>(
  mts: readonly (Pick<MT, 'naam' | 'domeinen' | 'actief'> & { key: K })[],
  invitation: { subject?: string; invitees?: readonly Invitee[] },
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): MtProposal<K> | undefined {
  const concern = concernDomein(inrichting);
  const active = mts.filter((mt) => mt.actief !== false).map((mt) => ({ key: mt.key, terms: termsOf(mt, concern) }));
  const subject = normalizeWords(invitation.subject ?? '');
  const bySubject = best(active.map((mt) => ({ key: mt.key, score: matchScore(mt.terms, subject) })));
  if (bySubject !== undefined) return { key: bySubject, reason: 'subject' };

  const people = (invitation.invitees ?? []).map((p) =>
    normalizeWords(`${p.displayName ?? ''} ${(p.emailAddress ?? '').split('@')[0] ?? ''}`),
  );
  const byInvitees = best(
    active.map((mt) => ({ key: mt.key, score: people.filter((p) => matchScore(mt.terms, p) > 0).length })),
  );
  return byInvitees === undefined ? undefined : { key: byInvitees, reason: 'invitees' };
}
