import { describe, expect, it } from 'vitest';
import { validationMessages } from '../../../src/domain/messages.js';
import { ACTIE_STATUSSEN } from '../../../src/domain/model.js';
import { checkTransition } from '../../../src/domain/status.js';
import { validateActie } from '../../../src/domain/validation.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { en } from '../../../src/tab/i18n/en.js';
import { format } from '../../../src/tab/i18n/format.js';
import { nl, type MessageKey } from '../../../src/tab/i18n/nl.js';
import { domainMessageText, transitionMessageText } from '../../../src/tab/lib/domain-message.js';

const tNl = (key: MessageKey, values?: Record<string, string | number>) => format(nl[key], values, 'nl');
const tEn = (key: MessageKey, values?: Record<string, string | number>) => format(en[key], values, 'en');
const keys = (Object.keys(nl) as MessageKey[]).filter((k) => k.startsWith('validation.'));

describe('the domain’s messages in the UI’s language (issue 17)', () => {
  it('the Dutch catalogue has the domain’s own words for every fixed message it carries; English has its own', () => {
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const domainKey = key.slice('validation.'.length) as keyof typeof validationMessages;
      const domain = validationMessages[domainKey];
      if (typeof domain === 'string') expect(nl[key], key).toBe(domain);
      expect(en[key], key).toBeTruthy();
      expect(en[key], key).not.toBe(nl[key]);
    }
  });

  it('every refused status change reads in nl exactly as the domain says it, and in English with English statuses', () => {
    let refused = 0;
    for (const from of ACTIE_STATUSSEN) {
      for (const to of ACTIE_STATUSSEN) {
        const check = checkTransition(from, to, undefined);
        if (check.ok) continue;
        refused++;
        expect(transitionMessageText(from, to, undefined, tNl, 'nl'), `${from} → ${to}`).toEqual({
          field: check.field,
          text: check.message,
        });
        const english = transitionMessageText(from, to, undefined, tEn, 'en')?.text;
        expect(english, `${from} → ${to}`).not.toMatch(/Kies|Geef|kan niet|heeft de status/);
      }
    }
    expect(refused).toBeGreaterThan(20);
    expect(transitionMessageText('Loopt', 'Geblokkeerd', ' ', tEn, 'en')?.text).toBe(
      'Give an explanation: the status Blocked needs a reason.',
    );
    expect(transitionMessageText('Afgerond', 'Geblokkeerd', undefined, tEn, 'en')?.text).toBe(
      'An action with status "Done" cannot move to "Blocked". Choose "In progress".',
    );
    expect(transitionMessageText('Loopt', 'Afgerond', undefined, tEn, 'en')).toBeUndefined();
  });

  it('a validation message shows in English by its key; a message without a catalogue key stays as the domain wrote it', () => {
    const actie = zoetermeerPlan.acties[0]!;
    const r = validateActie({ ...actie, titel: ' ', deadline: '2026-02-30' });
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => domainMessageText(i.message, tEn))).toEqual([
      'Enter a title.',
      'The deadline is not a valid date (yyyy-mm-dd).',
    ]);
    expect(issues.map((i) => domainMessageText(i.message, tNl))).toEqual(issues.map((i) => i.message));
    expect(domainMessageText('Iets anders.', tEn)).toBe('Iets anders.');
  });
});
