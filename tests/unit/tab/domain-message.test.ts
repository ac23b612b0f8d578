import { describe, expect, it } from 'vitest';
import { messageTemplatesNl, messageText, validationMessages as M } from '../../../src/domain/messages.js';
import { ACTIE_STATUSES } from '../../../src/domain/model.js';
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
  it('the catalogues have every domain message: the Dutch are the domain’s own templates, English has its own', () => {
    const domainKeys = Object.keys(messageTemplatesNl);
    expect(keys.map((k) => k.slice('validation.'.length)).sort()).toEqual([...domainKeys].sort());
    for (const key of domainKeys) {
      const k = `validation.${key}` as MessageKey;
      expect(nl[k], key).toBe(messageTemplatesNl[key as keyof typeof messageTemplatesNl]);
      expect(en[k], key).toBeTruthy();
      expect(en[k], key).not.toBe(nl[k]);
      // The same placeholders in both languages, so no value is lost in English.
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[k]), key).toEqual(names(nl[k]));
    }
  });

  it('says a domain (domein) in the UI’s words: escalation, the schedule picker and the stores’ refusals (issue 17)', () => {
    const m = M.agenderingAlGeagendeerd('1.1', 'Sociaal Domein', '2026-11-21');
    expect(domainMessageText(m, tNl, 'nl')).toBe(messageText(m));
    expect(domainMessageText(m, tNl, 'nl')).toBe(
      'Actie 1.1 staat al sinds 2026-11-21 op de agenda van het CMT voor Sociaal Domein.',
    );
    expect(domainMessageText(m, tEn, 'en')).toBe(
      "Action 1.1 has been on the CMT's agenda for Social domain since 2026-11-21.",
    );
    expect(domainMessageText(M.actieHoortNietBijDomein('2.1', 'Concern'), tEn, 'en')).toBe(
      'Action 2.1 does not belong to Organisation-wide.',
    );
    // A domain typed by hand that the app does not know is said as it is.
    expect(domainMessageText(M.actieHoortNietBijDomein('2.1', 'Wijkzaken'), tEn, 'en')).toBe(
      'Action 2.1 does not belong to Wijkzaken.',
    );
    expect(domainMessageText(M.keuzeVervallenOngeldig(['morgen', '2027-13-01']), tEn, 'en')).toBe(
      'This cancelled date is not right: morgen, 2027-13-01. Write YYYY-MM-DD.',
    );
  });

  it('every refused status change reads in nl exactly as the domain says it, and in English with English statuses', () => {
    let refused = 0;
    for (const from of ACTIE_STATUSES) {
      for (const to of ACTIE_STATUSES) {
        const check = checkTransition(from, to, undefined);
        if (check.ok) continue;
        refused++;
        expect(transitionMessageText(from, to, undefined, tNl, 'nl'), `${from} → ${to}`).toEqual({
          field: check.field,
          text: messageText(check.message),
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

  it('a validation message shows in English by its key, with its values; in Dutch as the domain’s renderer says it', () => {
    const actie = zoetermeerPlan.acties[0]!;
    const r = validateActie({ ...actie, titel: ' ', deadline: '2026-02-30' });
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => i.message)).toEqual([M.titelVerplicht, M.deadlineOngeldig]);
    expect(issues.map((i) => domainMessageText(i.message, tEn, 'en'))).toEqual([
      'Enter a title.',
      'The deadline is not a valid date (yyyy-mm-dd).',
    ]);
    expect(issues.map((i) => domainMessageText(i.message, tNl, 'nl'))).toEqual(
      issues.map((i) => messageText(i.message)),
    );
    const kring = M.afhankelijkheidsKring(['6.1', '6.2', '6.1']);
    expect(domainMessageText(kring, tEn, 'en')).toBe(
      'The dependencies form a cycle (6.1 → 6.2 → 6.1); an action cannot wait for itself through other actions. Remove one dependency.',
    );
    expect(domainMessageText(kring, tNl, 'nl')).toBe(messageText(kring));
  });
});
