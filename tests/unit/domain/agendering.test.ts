import { describe, expect, it } from 'vitest';
import {
  AGENDERING_MAX,
  agenderingDomein,
  checkAfhandeling,
  checkAgendering,
  agenderingenForMT,
  mayAgenderen,
  openAgendering,
  type Agendering,
  type AgenderingInput,
} from '../../../src/domain/agendering.js';
import { messageText } from '../../../src/domain/messages.js';
import type { Domein } from '../../../src/domain/model.js';

const gedeeld = {
  nummer: '1.1',
  domeinen: ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein'] as Domein[],
};
const concern = { nummer: '3.2', domeinen: ['Concern'] as Domein[] };

function agendering(over: Partial<Agendering> = {}): Agendering {
  return {
    actie: '1.1',
    domein: 'Sociaal Domein',
    reden: 'Besluit over de roadmap blijft hangen.',
    op: '2026-11-20T09:00:00Z',
    besproken: false,
    ...over,
  };
}
function input(id: string, over: Partial<Agendering> = {}): AgenderingInput {
  return { id, eTag: `"e${id}"`, value: agendering(over) };
}

describe('who may put an action on the CMT agenda', () => {
  it('a domain MT escalates an action its domain carries, for that domain', () => {
    expect(agenderingDomein(['Sociaal Domein'], gedeeld)).toBe('Sociaal Domein');
    expect(mayAgenderen(['Sociaal Domein'], gedeeld)).toBe(true);
  });
  it('not an action of another domain, not a Concern-only action, not as the CMT, not a retired action', () => {
    expect(mayAgenderen(['Sociaal Domein'], concern)).toBe(false);
    expect(mayAgenderen(['Concern'], gedeeld)).toBe(false);
    expect(agenderingDomein(['Concern', 'Bedrijfsvoering'], gedeeld)).toBe('Bedrijfsvoering');
    expect(mayAgenderen(['Sociaal Domein'], { ...gedeeld, vervallen: true })).toBe(false);
    expect(mayAgenderen(['Bedrijfsvoering'], { domeinen: ['Dienstverlening'] })).toBe(false);
  });
});

describe('checkAgendering', () => {
  it('takes a reason, trimmed, and refuses none or blanks', () => {
    expect(
      checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: '  Budget ontbreekt.\r\n ' }, []),
    ).toEqual({ ok: true, reden: 'Budget ontbreekt.' });
    expect(checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: undefined }, [])).toEqual({
      ok: false,
      message: { key: 'agenderingRedenVerplicht' },
    });
    expect(checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: ' \n ' }, [])).toEqual({
      ok: false,
      message: { key: 'agenderingRedenVerplicht' },
    });
  });
  it('refuses a reason longer than the limit, and takes one exactly at it', () => {
    expect(
      checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: 'x'.repeat(AGENDERING_MAX.reden + 1) }, []),
    ).toEqual({ ok: false, message: { key: 'agenderingRedenTeLang' } });
    expect(
      checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: 'x'.repeat(AGENDERING_MAX.reden) }, []).ok,
    ).toBe(true);
  });
  it('refuses another domain, Concern and a retired action, naming the action', () => {
    expect(checkAgendering({ actie: concern, domein: 'Sociaal Domein', reden: 'r' }, [])).toEqual({
      ok: false,
      message: { key: 'agenderingGeenDomeinVanActie', params: { actie: '3.2', domein: 'Sociaal Domein' } },
    });
    expect(checkAgendering({ actie: concern, domein: 'Concern', reden: 'r' }, [])).toEqual({
      ok: false,
      message: { key: 'agenderingConcern' },
    });
    expect(
      checkAgendering({ actie: { ...gedeeld, vervallen: true }, domein: 'Sociaal Domein', reden: 'r' }, []),
    ).toEqual({ ok: false, message: { key: 'agenderingVervallen', params: { actie: '1.1' } } });
  });
  it('refuses a second open escalation of the same action by the same domain, saying since when; a ticked one or another domain does not count', () => {
    const open = [input('4', { op: '2026-11-20T09:00:00Z' })];
    const result = checkAgendering(
      { actie: gedeeld, domein: 'Sociaal Domein', reden: 'nogmaals' },
      open,
      (iso) => `dag ${iso.slice(0, 10)}`,
    );
    expect(result).toEqual({
      ok: false,
      message: {
        key: 'agenderingAlGeagendeerd',
        params: { actie: '1.1', domein: 'Sociaal Domein', op: 'dag 2026-11-20' },
      },
    });
    if (result.ok) throw new Error('refused above');
    expect(messageText(result.message)).toBe(
      'Actie 1.1 staat al sinds dag 2026-11-20 op de agenda van het CMT voor Sociaal Domein.',
    );
    expect(
      checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: 'weer' }, [input('4', { besproken: true })])
        .ok,
    ).toBe(true);
    expect(checkAgendering({ actie: gedeeld, domein: 'Bedrijfsvoering', reden: 'ook wij' }, open).ok).toBe(true);
    expect(openAgendering(open, '1.1', 'Sociaal Domein')?.id).toBe('4');
    expect(openAgendering(open, '1.1', 'Bedrijfsvoering')).toBeUndefined();
  });
});

describe('the refusals in Dutch (the card and the stores say them with messageText)', () => {
  it('reads every escalation refusal as the Dutch sentence it was', () => {
    const refusals = [
      checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: ' ' }, []),
      checkAgendering({ actie: gedeeld, domein: 'Sociaal Domein', reden: 'x'.repeat(AGENDERING_MAX.reden + 1) }, []),
      checkAgendering({ actie: concern, domein: 'Sociaal Domein', reden: 'r' }, []),
      checkAgendering({ actie: concern, domein: 'Concern', reden: 'r' }, []),
      checkAgendering({ actie: { ...gedeeld, vervallen: true }, domein: 'Sociaal Domein', reden: 'r' }, []),
      checkAfhandeling(agendering(), 'x'.repeat(256)),
      checkAfhandeling(agendering({ besproken: true }), undefined),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : messageText(r.message)))).toEqual([
      'Geef een reden: waarom moet het CMT deze actie bespreken?',
      `De reden mag maximaal ${AGENDERING_MAX.reden} tekens lang zijn.`,
      'Actie 3.2 hoort niet bij Sociaal Domein; een MT agendeert alleen acties van het eigen domein.',
      'Het CMT agendeert niet bij zichzelf: agenderen in het CMT doet het MT van een domein.',
      'Actie 1.1 is vervallen en kan niet meer worden geagendeerd.',
      `Een besluit mag maximaal ${AGENDERING_MAX.besluit} tekens lang zijn.`,
      'Het CMT heeft actie 1.1 al als besproken afgevinkt.',
    ]);
  });
});

describe('checkAfhandeling (the CMT ticks it as discussed)', () => {
  it('with or without a decision; the decision is one line', () => {
    expect(checkAfhandeling(agendering(), undefined)).toEqual({ ok: true });
    expect(checkAfhandeling(agendering(), '   ')).toEqual({ ok: true });
    expect(checkAfhandeling(agendering(), ' Budget\nvrijgemaakt ')).toEqual({
      ok: true,
      besluit: 'Budget vrijgemaakt',
    });
  });
  it('refuses a decision over 255 characters and an item already ticked', () => {
    expect(checkAfhandeling(agendering(), 'x'.repeat(256))).toEqual({
      ok: false,
      message: { key: 'agenderingBesluitTeLang' },
    });
    expect(checkAfhandeling(agendering(), 'x'.repeat(255)).ok).toBe(true);
    expect(checkAfhandeling(agendering({ besproken: true }), undefined)).toEqual({
      ok: false,
      message: { key: 'agenderingAlBesproken', params: { actie: '1.1' } },
    });
  });
});

describe('agenderingenForMT ("Geagendeerd door de MT\'s")', () => {
  const acties = [
    { id: '1', value: { nummer: '1.1', titel: 'Visie en roadmap per business domein' } },
    { id: '20', value: { nummer: '6.1', titel: 'Datagedreven werken' } },
  ];
  it('only the CMT (an MT carrying Concern) gets the section', () => {
    expect(agenderingenForMT({ domeinen: ['Sociaal Domein'] }, [input('1')], acties)).toEqual([]);
    expect(agenderingenForMT({ domeinen: ['Concern'] }, [input('1')], acties)).toHaveLength(1);
  });
  it('lists open items oldest first with domain, who, why and since when; ticked items leave', () => {
    const items = [
      input('7', {
        actie: '6.1',
        domein: 'Fysiek Domein',
        op: '2026-11-25T10:00:00Z',
        door: { id: '9', displayName: 'Informatiemanager Fysiek Domein' },
        reden: ' Geen data-eigenaar. ',
      }),
      input('3', { op: '2026-11-20T09:00:00Z' }),
      input('5', { op: '2026-11-21T09:00:00Z', besproken: true }),
      input('2', { op: '2026-11-25T10:00:00Z', actie: '8.8' }),
    ];
    const out = agenderingenForMT({ domeinen: ['Concern'] }, items, acties);
    expect(out.map((i) => i.id)).toEqual(['3', '2', '7']);
    expect(out[2]).toEqual({
      id: '7',
      eTag: '"e7"',
      actieId: '20',
      nummer: '6.1',
      titel: 'Datagedreven werken',
      domein: 'Fysiek Domein',
      door: 'Informatiemanager Fysiek Domein',
      reden: 'Geen data-eigenaar.',
      sinds: '2026-11-25T10:00:00Z',
    });
    // An action no longer in the plan still shows under its number, without a title.
    expect(out[1]).toMatchObject({ nummer: '8.8', titel: '' });
    expect(out[1]).not.toHaveProperty('actieId');
    expect(out[0]).not.toHaveProperty('door');
  });
  it('the order does not depend on the input order', () => {
    const items = [
      input('3', { op: '2026-11-20T09:00:00Z' }),
      input('10', { op: '2026-11-20T09:00:00Z', actie: '6.1' }),
      input('9', { op: '2026-11-19T09:00:00Z', domein: 'Bedrijfsvoering' }),
    ];
    const a = agenderingenForMT({ domeinen: ['Concern'] }, items, acties);
    const b = agenderingenForMT({ domeinen: ['Concern'] }, [...items].reverse(), acties);
    expect(a).toEqual(b);
    expect(a.map((i) => i.id)).toEqual(['9', '3', '10']);
  });
});
