import { describe, expect, it } from 'vitest';
import { AGENDA_BLOCK_ID, renderAgendaHtml } from '../../../src/addin/agenda-html.js';
import { blockStamp, blockWords, stampClass, stampInTag } from '../../../src/addin/block-stamp.js';
import {
  agendaBlockState,
  DamagedAgendaBlockError,
  findAgendaBlocks,
  upsertAgendaBlock,
} from '../../../src/addin/body-block.js';
import {
  insertAgendaBlock,
  isComposing,
  OfficeCallError,
  readBodyHtml,
  readInvitation,
} from '../../../src/addin/office-item.js';
import { proposeMt } from '../../../src/addin/propose-mt.js';
import { composeAgenda } from '../../../src/domain/agenda.js';
import { actie, agendaWith, MEETING, NEXT_MEETING, NOW } from '../reminders/fixtures.js';
import { composeMock, readMock } from './outlook-mock.js';

const TAB = 'https://actieplan.zoetermeer.nl';
const block = (n: number) => renderAgendaHtml(agendaWith(n), { tabUrl: TAB, locale: 'nl' });
const count = (html: string, needle: string) => html.split(needle).length - 1;

const ORGANISER_TOP =
  "<p>Beste collega's,</p><p>Hierbij de uitnodiging voor het MT. Graag stukken <b>vooraf</b> lezen.</p>";
const ORGANISER_BOTTOM =
  '<div><p>________________</p><p>Deelnemen via Microsoft Teams: <a href="https://teams.microsoft.com/l/meetup-join/x">Nu deelnemen</a></p></div>';

const MTS = [
  { key: 'cmt', naam: 'CMT', domeinen: ['Concern' as const] },
  { key: 'mt-bedrijfsvoering', naam: 'MT Bedrijfsvoering', domeinen: ['Bedrijfsvoering' as const] },
  { key: 'mt-dienstverlening', naam: 'MT Dienstverlening', domeinen: ['Dienstverlening' as const] },
  { key: 'mt-fysiek-domein', naam: 'MT Fysiek Domein', domeinen: ['Fysiek Domein' as const] },
  { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein' as const] },
];

describe('the add-in on office-addin-mock: inserting the agenda into the invitation', () => {
  it('inserts the block at the top of the body, as HTML, once', async () => {
    const { office, body } = composeMock({ body: `<html><head></head><body>${ORGANISER_TOP}</body></html>` });
    expect(isComposing(office)).toBe(true);

    const result = await insertAgendaBlock(office, block(8));

    expect(result.replaced).toBe(false);
    expect(body().writes).toBe(1);
    expect(body().lastCoercion).toBe('html');
    expect(body().html).toBe(`<html><head></head><body>${block(8)}${ORGANISER_TOP}</body></html>`);
    expect(count(body().html, `id="${AGENDA_BLOCK_ID}"`)).toBe(1);
    expect(await readBodyHtml(office)).toContain('<h2>Agendapunt digitalisering: MT Sociaal Domein</h2>');
  });

  it('inserting again replaces the earlier block and never duplicates it', async () => {
    const { office, body } = composeMock({ body: `<html><body>${ORGANISER_TOP}</body></html>` });
    await insertAgendaBlock(office, block(4));
    const fresher = block(9);
    expect(fresher).not.toBe(block(4));

    const second = await insertAgendaBlock(office, fresher);
    const third = await insertAgendaBlock(office, fresher);

    expect(second.replaced).toBe(true);
    expect(third.replaced).toBe(true);
    expect(count(body().html, AGENDA_BLOCK_ID)).toBe(1);
    expect(body().html).toContain(fresher);
    expect(body().html).not.toContain(block(4));
    expect(findAgendaBlocks(body().html)).toHaveLength(1);
  });

  it("keeps the organiser's own text before and after the block byte for byte", async () => {
    // The organiser typed above the inserted block and Teams added its join link below it.
    const { office, body } = composeMock({
      body: `<html><body>${ORGANISER_TOP}${block(3)}${ORGANISER_BOTTOM}</body></html>`,
    });

    await insertAgendaBlock(office, block(10));

    expect(body().html).toBe(`<html><body>${ORGANISER_TOP}${block(10)}${ORGANISER_BOTTOM}</body></html>`);
  });

  it('finds the block after Outlook rewrote it (x_ prefixed id, extra nested divs) and replaces only that', async () => {
    const inner = '<div><h2>Agendapunt</h2></div><div><ul><li>oud</li></ul></div>';
    const rewritten = `<div id="x_${AGENDA_BLOCK_ID}" class="x_elementToProof x_${stampClass(inner)}">${inner}</div>`;
    const { office, body } = composeMock({
      body: `<div>${ORGANISER_TOP}</div>${rewritten}<div>${ORGANISER_BOTTOM}</div>`,
    });

    const result = await insertAgendaBlock(office, block(5));

    expect(result.replaced).toBe(true);
    expect(body().html).toBe(`<div>${ORGANISER_TOP}</div>${block(5)}<div>${ORGANISER_BOTTOM}</div>`);
  });

  it('sees no edit in a block Outlook rewrote without changing its words (x_, spans, Word paragraphs, entities)', () => {
    const original = block(5);
    const inner = original.slice(original.indexOf('>') + 1, -'</div>'.length);
    // What Outlook's editors do to HTML they hand back, words untouched: prefixes, wrappers, &nbsp;, entities for
    // characters, Word's list paragraphs with their bullet, comments and conditional comments.
    const rewrittenInner = inner
      .replaceAll('<h3>', '<p class="x_MsoNormal"><b><span style="font-size:12pt">')
      .replaceAll('</h3>', '</span></b><o:p></o:p></p>')
      .replaceAll(
        '<li>',
        '<p class="x_MsoListParagraph"><!--[if !supportLists]--><span>·<span>&nbsp;&nbsp;</span></span><!--[endif]-->',
      )
      .replaceAll('</li>', '</p>')
      // In the text only (between tags), as an editor does: spaces as &nbsp;, characters as entities.
      .replace(
        />([^<]*)</g,
        (_, text: string) => `>${text.replaceAll(' ', '&nbsp;').replaceAll('é', '&eacute;').replaceAll('&#39;', "'")}<`,
      )
      .replaceAll('</h2>', '</h2>\n');
    const stamp = stampInTag(original.slice(0, original.indexOf('>') + 1));
    expect(stamp).toBe(blockStamp(inner));
    const rewritten = `<div id="x_${AGENDA_BLOCK_ID}" lang="nl" class="x_elementToProof x_actieplan-tekst-${stamp}">\n${rewrittenInner}\n</div>`;
    expect(blockWords(rewrittenInner)).toBe(blockWords(inner));
    const html = `<p>boven</p>${rewritten}<p>onder</p>`;
    expect(agendaBlockState(html)).toBe('inserted');

    const next = upsertAgendaBlock(html, block(6), 'Eerdere versie');
    expect(next).toEqual({ html: `<p>boven</p>${block(6)}<p>onder</p>`, replaced: true, keptEdits: false });
  });

  it('keeps what the organiser typed in the block: below the new block, as plain text under a label, once', async () => {
    const typed = block(4).replace(
      '<h3>',
      '<p>Graag eerst 3.1 bespreken, Karin schuift aan &amp; neemt cijfers mee.</p><h3>',
    );
    const { office, body } = composeMock({
      body: `<html><body>${ORGANISER_TOP}${typed}${ORGANISER_BOTTOM}</body></html>`,
    });
    expect(agendaBlockState(await readBodyHtml(office))).toBe('edited');

    const result = await insertAgendaBlock(office, block(9), 'Eerdere versie <met> aanpassingen:');

    expect(result).toEqual({ replaced: true, keptEdits: true });
    const kept = typed.slice(typed.indexOf('>') + 1, -'</div>'.length);
    expect(body().html).toBe(
      `<html><body>${ORGANISER_TOP}${block(9)}<div><p><em>Eerdere versie &lt;met&gt; aanpassingen:</em></p>${kept}</div>${ORGANISER_BOTTOM}</body></html>`,
    );
    // The kept text is ordinary text now: the next update replaces only the block and keeps it where it is.
    expect(count(body().html, AGENDA_BLOCK_ID)).toBe(1);
    expect(agendaBlockState(body().html)).toBe('inserted');
    const again = await insertAgendaBlock(office, block(10), 'Eerdere versie');
    expect(again).toEqual({ replaced: true, keptEdits: false });
    expect(count(body().html, 'Karin schuift aan')).toBe(1);
    expect(body().html).toContain(`${block(10)}<div><p><em>Eerdere versie &lt;met&gt; aanpassingen:</em></p>`);
  });

  it('sees a changed date, a changed number, a removed line as edited; replaces a block without a stamp as before', () => {
    const original = block(4);
    expect(agendaBlockState(original)).toBe('inserted');
    expect(agendaBlockState(original.replace('24 november 2026', '25 november 2026'))).toBe('edited');
    expect(agendaBlockState(original.replace(/<li>[\s\S]*?<\/li>/, ''))).toBe('edited');
    // "3.1" and "31" are other numbers: the separator counts, not only the digits.
    const nummer = /<a [^>]*>(\d+)\.(\d+) /.exec(original);
    if (!nummer) throw new Error('the block lists no action');
    const joined = nummer[0].replace(`>${nummer[1]}.${nummer[2]} `, `>${nummer[1]}${nummer[2]} `);
    expect(joined).not.toBe(nummer[0]);
    expect(agendaBlockState(original.replace(nummer[0], joined))).toBe('edited');
    // A block inserted before blocks had a stamp cannot tell: replaced as it always was, not kept as a second agenda.
    const unstamped = original.replace(/ class="[^"]*"/, '');
    expect(agendaBlockState(unstamped)).toBe('inserted');
    expect(upsertAgendaBlock(unstamped, block(5), 'x')).toEqual({ html: block(5), replaced: true, keptEdits: false });
    expect(agendaBlockState('<p>geen blok</p>')).toBe('none');
  });

  it('reads the stamp from the class attribute only, with or without the x_ prefix', () => {
    expect(stampInTag('<div id="a" class="x_elementToProof x_actieplan-tekst-1z2y">')).toBe('1z2y');
    expect(stampInTag("<div id='a' class='actieplan-tekst-abc other'>")).toBe('abc');
    expect(stampInTag('<div id="a" data-class="actieplan-tekst-abc">')).toBeUndefined();
    expect(stampInTag('<div id="a" class="not-actieplan-tekst-abc">')).toBeUndefined();
  });

  it('a block copied twice by hand ends up once, in the place of the first', async () => {
    const { office, body } = composeMock({ body: `<p>a</p>${block(2)}<p>b</p>${block(2)}<p>c</p>` });
    await insertAgendaBlock(office, block(6));
    expect(body().html).toBe(`<p>a</p>${block(6)}<p>b</p><p>c</p>`);
  });

  it('leaves the body untouched when the earlier block has lost its end', async () => {
    const original = `<p>a</p><div id="${AGENDA_BLOCK_ID}"><h2>Agendapunt</h2><p>afgebroken`;
    const { office, body } = composeMock({ body: original });
    await expect(insertAgendaBlock(office, block(2))).rejects.toBeInstanceOf(DamagedAgendaBlockError);
    expect(body().writes).toBe(0);
    expect(body().html).toBe(original);
  });

  it("reports a failed setAsync with Office's message", async () => {
    const { office } = composeMock({ body: '<p>a</p>', failSet: true });
    const error = await insertAgendaBlock(office, block(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect((error as OfficeCallError).code).toBe(9041);
    expect((error as Error).message).toContain('The item was closed.');
  });

  it('escapes hostile titles, reasons, names and MT names in the inserted HTML', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const agenda = composeAgenda({
      mt: { key: 'mt-x', naam: 'MT <script>alert(2)</script>', domeinen: ['Sociaal Domein'] },
      occurrenceStart: MEETING,
      nextOccurrenceStart: NEXT_MEETING,
      now: NOW,
      acties: [
        actie(0, { titel: hostile, deadline: '2025-06-30' }),
        actie(2, {
          titel: 'Tom & Jerry "quotes" \'single\'',
          status: 'Geblokkeerd',
          statusToelichting: '</li></ul><a href="javascript:alert(3)">klik</a>',
        }),
        actie(4, { eigenaar: { displayName: '<b>Eigenaar</b>' }, deadline: '2026-11-26' }),
      ],
      previousDecisions: ['<iframe src="https://evil.example"></iframe>'],
    });
    const { office, body } = composeMock({ body: '<p>Agenda</p>' });

    await insertAgendaBlock(office, renderAgendaHtml(agenda, { tabUrl: TAB, locale: 'nl' }));

    const html = body().html;
    for (const tag of ['<img', '<script', '<iframe', '<b>Eigenaar', 'href="javascript'])
      expect(html).not.toContain(tag);
    // Every link the block makes points into the tab.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
      const url = new URL((href ?? '').replaceAll('&amp;', '&'));
      expect(`${url.origin}${url.pathname}`, href).toBe(`${TAB}/index.html`);
      expect(url.hash.startsWith('#/'), href).toBe(true);
    }
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('MT &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry &quot;quotes&quot; &#39;single&#39;');
    expect(html).toContain('&lt;/li&gt;&lt;/ul&gt;&lt;a href=&quot;javascript');
    expect(html).toContain('&lt;iframe');
    // Structure intact: every list the block opens, it closes.
    expect(count(html, '<ul>')).toBe(count(html, '</ul>'));
    expect(count(html, '<a ')).toBe(count(html, '</a>'));
  });
});

describe('the add-in on office-addin-mock: proposing the MT', () => {
  it('proposes the MT named in the subject of the appointment being composed', async () => {
    const { office } = composeMock({
      body: '',
      subject: 'Overleg MT Fysiek Domein – week 48',
      requiredAttendees: [{ displayName: 'Directeur Sociaal Domein', emailAddress: 'dir.sd@zoetermeer.nl' }],
    });
    const invitation = await readInvitation(office);
    expect(invitation.mode).toBe('organizer');
    expect(invitation.start?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(proposeMt(MTS, invitation)).toEqual({ key: 'mt-fysiek-domein', reason: 'subject' });
  });

  it('proposes the MT most invitees belong to when the subject names none', async () => {
    const { office } = composeMock({
      body: '',
      subject: 'Wekelijks overleg',
      requiredAttendees: [
        { displayName: 'Directeur Sociaal Domein', emailAddress: 'directeur@zoetermeer.nl' },
        { displayName: 'Informatiemanager', emailAddress: 'im-sociaal-domein@zoetermeer.nl' },
        { displayName: 'Afdelingshoofd Dienstverlening', emailAddress: 'ah.dv@zoetermeer.nl' },
      ],
      optionalAttendees: [{ displayName: 'Teamleider Sociaal Domein' }],
    });
    expect(proposeMt(MTS, await readInvitation(office))).toEqual({ key: 'mt-sociaal-domein', reason: 'invitees' });
  });

  it("reads an attendee's invitation (read mode) and proposes from its subject and people", async () => {
    const office = readMock({
      subject: 'CMT-overleg',
      organizer: { displayName: 'Gemeentesecretaris', emailAddress: 'gs@zoetermeer.nl' },
    });
    const invitation = await readInvitation(office);
    expect(invitation.mode).toBe('attendee');
    expect(invitation.invitees).toEqual([{ displayName: 'Gemeentesecretaris', emailAddress: 'gs@zoetermeer.nl' }]);
    expect(proposeMt(MTS, invitation)).toEqual({ key: 'cmt', reason: 'subject' });
  });
});
