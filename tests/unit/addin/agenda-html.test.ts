import { describe, expect, it } from 'vitest';
import { actieLink, checkedTabUrl, escapeHtml, planLink, renderAgendaHtml } from '../../../src/addin/agenda-html.js';
import { blockStamp } from '../../../src/addin/block-stamp.js';
import { ADDIN_EN, ADDIN_NL, addinLocale, addinTranslator } from '../../../src/addin/texts.js';
import { composeAgenda, occurrenceKey } from '../../../src/domain/agenda.js';
import { actie, agendaWith, MEETING, NEXT_MEETING, NOW } from '../reminders/fixtures.js';

describe('the agenda as invitation HTML', () => {
  it('lists every section of the composed agenda under a heading, each action linked into the tab', () => {
    const agenda = agendaWith(12);
    const html = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example/', locale: 'nl' });
    expect(
      html.startsWith(
        `<div id="actieplan-agendapunt-digitalisering" lang="nl" class="actieplan-tekst-${blockStamp(html.slice(html.indexOf('>') + 1, -'</div>'.length))}"><h2>Agendapunt digitalisering: MT Sociaal Domein</h2>`,
      ),
    ).toBe(true);
    expect(html).toContain('dinsdag 24 november 2026');
    expect(html).toContain(`<h3>Achterstallig (${agenda.overdue.length})</h3>`);
    for (const a of [...agenda.overdue, ...agenda.blocked, ...agenda.dueBeforeNextMeeting, ...agenda.withoutOwner]) {
      expect(html).toContain(`<a href="https://tab.example/index.html#/actie/${a.id}">`);
    }
    expect(html).toContain('<h3>Reflectievraag</h3>');
    // The MT's own view of the plan, as its channel tab and the card's "Open in actieplan" open it.
    expect(html).toContain('href="https://tab.example/index.html?domein=Sociaal+Domein#/lijst"');
  });

  it('calls a standing commitment late for not having started, never days late for a deadline (as the card does)', () => {
    const agenda = composeAgenda({
      mt: { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties: [
        // The college's "1e halfjaar 2025 en verder": doorlopend from 30 June 2025, not started.
        actie(0, {
          nummer: '5.1',
          titel: 'Doorlopend',
          deadline: '2025-06-30',
          planning: '1e halfjaar 2025 en verder',
        }),
        actie(1, { nummer: '3.1', titel: 'Eenmalig', status: 'Loopt', deadline: '2026-11-20', planning: undefined }),
      ],
    });
    expect(agenda.overdue.map((a) => [a.nummer, a.doorlopend])).toEqual([
      ['5.1', true],
      ['3.1', false],
    ]);
    const nl = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'nl' });
    expect(nl).toContain('5.1 Doorlopend</a> (doorlopend vanaf 30 juni 2025, nog niet gestart');
    expect(nl).not.toMatch(/5\.1 Doorlopend<\/a> \([^)]*(deadline|te laat)/);
    expect(nl).toContain('3.1 Eenmalig</a> (deadline 20 november 2026; 3 dagen te laat');
    const en = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'en' });
    expect(en).toContain('<h3>Overdue (2)</h3>');
    expect(en).toContain('5.1 Doorlopend</a> (ongoing from 30 June 2025, not started yet');
  });

  it('gives a standing commitment its start date as "doorlopend vanaf" outside the overdue section too', () => {
    const agenda = composeAgenda({
      mt: { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties: [
        // Not started, to start before the next meeting: under "Deadline voor de volgende vergadering".
        actie(0, {
          nummer: '4.2',
          titel: 'Te starten',
          status: 'Niet gestart',
          deadline: '2026-11-26',
          planning: '2026 en verder',
        }),
        // No owner: under "Zonder eigenaar".
        actie(1, {
          nummer: '8.1',
          titel: 'Zonder eigenaar',
          status: 'Niet gestart',
          deadline: '2027-06-30',
          planning: '1e halfjaar 2027 en verder',
          eigenaar: undefined,
        }),
        actie(2, { nummer: '3.1', titel: 'Eenmalig', status: 'Loopt', deadline: '2026-11-27', planning: undefined }),
      ],
    });
    expect(agenda.dueBeforeNextMeeting.map((a) => a.nummer)).toEqual(['4.2', '3.1']);
    expect(agenda.withoutOwner.map((a) => a.nummer)).toContain('8.1');
    const nl = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'nl' });
    expect(nl).toContain('4.2 Te starten</a> (doorlopend vanaf 26 november 2026;');
    expect(nl).toContain('8.1 Zonder eigenaar</a> (doorlopend vanaf 30 juni 2027)');
    expect(nl).toContain('3.1 Eenmalig</a> (deadline 27 november 2026');
    expect(nl).not.toMatch(/deadline (26 november 2026|30 juni 2027)/);
    const en = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'en' });
    expect(en).toContain('8.1 Zonder eigenaar</a> (ongoing from 30 June 2027)');
  });

  it("names a shared action's owners per domain on the roll-up, in both languages", () => {
    const agenda = composeAgenda({
      mt: { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties: [
        actie(1, {
          nummer: '11.5',
          titel: 'Vast agendapunt',
          status: 'Loopt',
          domeinen: ['Sociaal Domein', 'Fysiek Domein', 'Concern'],
          eigenaar: undefined,
          deadline: '2026-11-27',
          planning: undefined,
        }),
      ],
      domeinVoortgang: (['Sociaal Domein', 'Fysiek Domein', 'Concern'] as const).map((domein, i) => ({
        id: `r${i}`,
        eTag: `"r${i},1"`,
        value: {
          actie: '11.5',
          domein,
          status: 'Loopt' as const,
          ...(i < 2 ? { eigenaar: { displayName: `IM ${domein}` } } : {}),
        },
      })),
    });
    const nl = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'nl' });
    expect(nl).toContain('11.5 Vast agendapunt</a> (deadline 27 november 2026; eigenaar in 2 van 3 domeinen)');
    const en = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'en' });
    expect(en).toContain('11.5 Vast agendapunt</a> (deadline 27 November 2026; owner in 2 of 3 domains)');
  });

  it('says so in one sentence when nothing needs attention, and speaks English when asked', () => {
    const agenda = composeAgenda({
      mt: { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties: [],
    });
    const nl = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'nl' });
    expect(nl).toContain('<p>Geen acties die aandacht vragen en geen wijzigingen in het portfolio.</p>');
    expect(nl).not.toContain('<ul>');
    const en = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'en' });
    expect(en).toContain('lang="en"');
    expect(en).toContain('Agenda item digitalisation: CMT');
    expect(en).toContain('Tuesday, 24 November 2026');
  });

  it('refuses a tab address that is not http(s) and encodes item ids in links', () => {
    expect(() => actieLink('javascript:alert(1)', '1')).toThrow(/TAB_ENDPOINT must be an http\(s\) URL/);
    expect(() => checkedTabUrl('geen url')).toThrow(/TAB_ENDPOINT is not a URL/);
    expect(actieLink('http://127.0.0.1:3978/', '12"><x')).toBe('http://127.0.0.1:3978/index.html#/actie/12%22%3E%3Cx');
    expect(planLink('https://t.example#/oud', [])).toBe('https://t.example/index.html#/lijst');
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
  });
});

describe('the add-in texts', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(ADDIN_EN).sort()).toEqual(Object.keys(ADDIN_NL).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ADDIN_NL) as (keyof typeof ADDIN_NL)[])
      expect(placeholders(ADDIN_EN[key]), key).toEqual(placeholders(ADDIN_NL[key]));
  });

  it('fills placeholders and picks English only for an English display language', () => {
    expect(addinTranslator('nl')('block.heading', { mt: 'CMT' })).toBe('Agendapunt digitalisering: CMT');
    expect(addinLocale('en-GB')).toBe('en');
    expect(addinLocale('nl-NL')).toBe('nl');
    expect(addinLocale(undefined)).toBe('nl');
  });

  it('the CMT’s invitation lists "Geagendeerd door de MT\'s" as the card does, every text escaped', () => {
    const hostile = '<script>x</script> & **vet**';
    const agenda = composeAgenda({
      mt: { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties: [
        {
          id: '7',
          eTag: '"e"',
          value: {
            nummer: '1.1',
            titel: 'Roadmap',
            advies: 1,
            plateau: 'Randvoorwaardelijk',
            domeinen: ['Sociaal Domein'],
            status: 'Loopt',
            afhankelijkVan: [],
            bevindingen: [],
          },
        },
      ],
      agenderingen: [
        {
          id: '3',
          eTag: '"a"',
          value: {
            actie: '1.1',
            domein: 'Sociaal Domein',
            reden: hostile,
            op: '2026-11-20T10:00:00Z',
            besproken: false,
            door: { displayName: 'IM <b>' },
          },
        },
      ],
    });
    const nl = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'nl' });
    expect(nl).toContain('<h3>Geagendeerd door de MT&#39;s (1)</h3>');
    expect(nl).toContain('<li>1.1 Roadmap<br>Sociaal Domein · door IM &lt;b&gt; · sinds');
    expect(nl).toContain('Reden: &lt;script&gt;x&lt;/script&gt; &amp; **vet**</li>');
    expect(nl).not.toContain('<script>');
    expect(nl).not.toContain('Geen acties die aandacht vragen');
    expect(renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'en' })).toContain(
      '<h3>Put on the agenda by the MTs (1)</h3>',
    );
  });

  it('lists the secretary\'s "Ook bespreken" first and leaves a "Niet nodig" action out, as the card does', () => {
    const acties = [
      { nummer: '2.1', titel: 'Ander <domein>', domeinen: ['Fysiek Domein' as const], deadline: '2027-06-30' },
      { nummer: '3.1', titel: 'Te laat', domeinen: ['Concern' as const], deadline: '2025-06-30' },
    ].map((a, i) => ({
      id: String(i + 1),
      eTag: '"e"',
      value: {
        ...a,
        advies: 2,
        plateau: 'Randvoorwaardelijk' as const,
        status: 'Loopt' as const,
        afhankelijkVan: [],
        bevindingen: [],
      },
    }));
    const vergadering = occurrenceKey('cmt', MEETING);
    const agenda = composeAgenda({
      mt: { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties,
      keuzes: [
        { id: '10', value: { vergadering, actieId: '1', keuze: 'Ook bespreken' } },
        { id: '11', value: { vergadering, actieId: '2', keuze: 'Niet nodig', reden: 'In de stuurgroep' } },
      ],
    });
    const nl = renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'nl' });
    expect(nl).toContain(
      '<h3>Ook bespreken (1)</h3><ul><li><a href="https://tab.example/index.html#/actie/1">2.1 Ander &lt;domein&gt;</a>',
    );
    expect(nl.indexOf('Ook bespreken')).toBeLessThan(nl.indexOf('<h3>', nl.indexOf('Ook bespreken') + 1));
    expect(nl).not.toContain('Achterstallig');
    expect(nl).not.toContain('3.1 Te laat');
    expect(renderAgendaHtml(agenda, { tabUrl: 'https://tab.example', locale: 'en' })).toContain(
      '<h3>Also to discuss (1)</h3>',
    );
  });
});
