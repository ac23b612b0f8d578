import { describe, expect, it } from 'vitest';
import type { PortfolioItem } from '../../../src/domain/model.js';
import {
  changedFormFields,
  fieldOfPath,
  formToChange,
  toForm,
} from '../../../src/tab/features/portfolio/lib/portfolio-form.js';

const item: PortfolioItem = {
  key: 'burgerportaal',
  titel: 'Burgerportaal',
  omschrijving: 'Eén portaal',
  domein: 'Dienstverlening',
  opdrachtgever: { id: '7', displayName: 'Afdelingshoofd Dienstverlening' },
  fase: 'Uitvoering',
  status: 'Op koers',
  prioriteit: 3,
  ditKwartaal: 'wel',
  start: '2026-01-01',
  acties: ['6.1', '6.2'],
};
const users = [
  { id: '7', displayName: 'Afdelingshoofd Dienstverlening' },
  { id: '9', displayName: 'Informatiemanager Dienstverlening' },
];

describe('the portfolio edit form', () => {
  it('an untouched form changes nothing', () => {
    expect(formToChange(item, toForm(item), users)).toEqual({});
  });

  it('spaces typed around a text or a number are no change', () => {
    const form = toForm(item);
    const padded = { ...form, titel: ` ${form.titel}  `, prioriteit: `${form.prioriteit} `, statusToelichting: '   ' };
    expect(form.statusToelichting).toBe('');
    expect(formToChange(item, padded, users)).toEqual({});
  });

  it('sends only what changed, with cleared optional fields as absent and people as site users', () => {
    const form = {
      ...toForm(item),
      status: 'Kritiek',
      statusToelichting: ' Leverancier failliet ',
      start: '',
      prioriteit: '1',
      informatiemanagerId: '9',
      acties: '6.1; 1.2',
    };
    expect(formToChange(item, form, users)).toEqual({
      status: 'Kritiek',
      statusToelichting: 'Leverancier failliet',
      start: undefined,
      prioriteit: 1,
      informatiemanager: users[1],
      acties: ['6.1', '1.2'],
    });
  });

  it('passes a priority that is no number on as typed, so validation can name it', () => {
    expect(formToChange(item, { ...toForm(item), prioriteit: 'hoog' }, users)).toEqual({ prioriteit: 'hoog' });
  });

  it('says which fields the other person changed, and maps issue paths to fields', () => {
    expect(changedFormFields(item, { ...item, prioriteit: 8, acties: ['6.1'] })).toEqual(['prioriteit', 'acties']);
    expect(fieldOfPath('opdrachtgever.displayName')).toBe('opdrachtgeverId');
    expect(fieldOfPath('acties.1')).toBe('acties');
    expect(fieldOfPath('key')).toBeUndefined();
  });
});
