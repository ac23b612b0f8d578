import type { Actie, Domein } from '../../../../domain/model.js';
import { isOpen } from '../../../../domain/status.js';
import { isOverdue } from '../../../../domain/rules.js';

/** The four things a manager does here, each a place in the tab. */
export type StartItemKind = 'mijn-acties' | 'vergadering' | 'portfolio' | 'voortgang';

export type StartItem = {
  kind: StartItemKind;
  /** Figures that make the item personal ("3 open, 1 achterstallig"); absent when there is nothing of this person's. */
  figures?: Record<string, number>;
  /** Whether this person has something of their own here, which puts the item first. */
  own: boolean;
};

type Person = { id?: string | undefined; email?: string | undefined };

function isPerson(ref: Person | undefined, me: Person): boolean {
  if (!ref) return false;
  if (me.id && ref.id) return ref.id === me.id;
  return !!me.email && ref.email?.toLowerCase() === me.email.toLowerCase();
}

/**
 * What "Wat vind ik waar" shows to this person, in the order that fits them. It follows from the data, not from a
 * role name (a tenant's people have names, not roles): the actions they own and the domain they chose; the portfolio
 * and the report are for everyone. Items with something of the person's own come first; otherwise the order of an MT
 * member's week: the meeting, their actions, the portfolio, the report.
 */
export function startItems(input: {
  me: Person | undefined;
  acties: readonly Actie[];
  domein?: Domein | undefined;
  now: Date;
}): StartItem[] {
  const { me, acties, now } = input;
  const mine = me ? acties.filter((a) => isPerson(a.eigenaar, me)) : [];
  const open = mine.filter((a) => isOpen(a.status));
  const items: StartItem[] = [
    { kind: 'vergadering', own: input.domein !== undefined },
    {
      kind: 'mijn-acties',
      own: open.length > 0,
      ...(mine.length > 0
        ? { figures: { open: open.length, achterstallig: open.filter((a) => isOverdue(a, now)).length } }
        : {}),
    },
    { kind: 'portfolio', own: false },
    { kind: 'voortgang', own: false },
  ];
  // A stable sort: own items first, each group in the order above.
  return [...items.filter((i) => i.own), ...items.filter((i) => !i.own)];
}

/** Where the "don't show again" of the start page is kept, per signed-in person. */
export function startDismissedKey(userKey: string): string {
  return `actieplan.start.gezien.${userKey.toLowerCase()}`;
}
