import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../../src/data/lists/field-reader.js';
import { messageText } from '../../../src/domain/messages.js';
import { domainMessageText } from '../../../src/tab/lib/domain-message.js';
import { en } from '../../../src/tab/i18n/en.js';
import { format } from '../../../src/tab/i18n/format.js';
import { nl, type MessageKey } from '../../../src/tab/i18n/nl.js';

const tEn = (key: MessageKey, values?: Record<string, string | number>) => format(en[key], values, 'en');
const tNl = (key: MessageKey, values?: Record<string, string | number>) => format(nl[key], values, 'nl');

/** One reader that meets every problem a stored field can have. */
function readEverything(): FieldReader {
  const r = new FieldReader({
    Title: '  ',
    Vreemd: { a: 1 },
    Prioriteit: 'hoog',
    Vervallen: 'misschien',
    Bevindingen: '3, x',
    Status: 'On hold',
    Domeinen: ['Sociaal Domein', 'Buitenland'],
    Deadline: 'gisteren',
    EigenaarLookupId: '99',
  });
  r.text('Title', { required: true });
  r.text('Vreemd');
  r.number('Prioriteit');
  r.flag('Vervallen');
  r.numberList('Bevindingen');
  r.choice('Status', ['Loopt', 'Afgerond']);
  r.multiChoice('Domeinen', ['Sociaal Domein']);
  r.date('Deadline');
  r.person('Eigenaar', new Map());
  r.missingTarget('Advies', '404');
  return r;
}

describe('FieldReader: problems as message keys (issue 17)', () => {
  const problems = readEverything().problems;

  it('gives every problem a key with its values and the Dutch as it was', () => {
    expect(problems.map((p) => [p.field, p.domain, p.message])).toEqual([
      ['Title', { key: 'veldLeeg', params: { veld: 'Title' } }, 'Het veld Title is leeg.'],
      [
        'Vreemd',
        { key: 'veldOnverwacht', params: { veld: 'Vreemd' } },
        'Het veld Vreemd heeft een onverwachte waarde.',
      ],
      ['Prioriteit', { key: 'veldGeenGetal', params: { veld: 'Prioriteit' } }, 'Het veld Prioriteit is geen getal.'],
      ['Vervallen', { key: 'veldGeenJaNee', params: { veld: 'Vervallen' } }, 'Het veld Vervallen is geen ja of nee.'],
      [
        'Bevindingen',
        { key: 'veldGeenNummerlijst', params: { veld: 'Bevindingen' } },
        'Het veld Bevindingen is geen lijst van nummers.',
      ],
      [
        'Status',
        { key: 'veldOnbekendeWaarde', params: { veld: 'Status', waarde: 'On hold' } },
        "Onbekende waarde 'On hold' in Status.",
      ],
      [
        'Domeinen',
        { key: 'veldOnbekendeWaarde', params: { veld: 'Domeinen', waarde: 'Buitenland' } },
        "Onbekende waarde 'Buitenland' in Domeinen.",
      ],
      ['Deadline', { key: 'veldGeenDatum', params: { veld: 'Deadline' } }, 'Het veld Deadline is geen geldige datum.'],
      [
        'Eigenaar',
        { key: 'veldPersoonOnbekend', params: { veld: 'Eigenaar' } },
        'De persoon in Eigenaar is niet (meer) bekend op de site.',
      ],
      [
        'Advies',
        { key: 'veldKoppelingWeg', params: { veld: 'Advies', id: '404' } },
        'Het gekoppelde item 404 in Advies bestaat niet meer.',
      ],
    ]);
    for (const p of problems) expect(messageText(p.domain!)).toBe(p.message);
  });

  it('says every problem in the tab: Dutch as the data layer wrote it, English without the Dutch', () => {
    for (const p of problems) {
      expect(domainMessageText(p.domain!, tNl, 'nl')).toBe(p.message);
      const english = domainMessageText(p.domain!, tEn, 'en');
      expect(english).not.toBe(p.message);
      expect(english).not.toMatch(/Het veld|Onbekende waarde|niet \(meer\) bekend|bestaat niet meer/);
    }
    expect(domainMessageText(problems[5]!.domain!, tEn, 'en')).toBe("Unknown value 'On hold' in Status.");
    expect(domainMessageText(problems[9]!.domain!, tEn, 'en')).toBe('The linked item 404 in Advies no longer exists.');
  });
});
