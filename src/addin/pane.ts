/// <reference types="office-js" />
/**
 * The add-in's two panes, drawn with plain DOM:
 * - the organiser's task pane (appointment compose): pick the MT (proposed from subject and invitees), preview the
 *   agenda of this meeting, insert it into the invitation, and insert again to update it in place;
 * - the attendee's pane (appointment read): the live agenda and the previous meeting's decisions.
 *
 * Why no React and Fluent here (the tab's stack): the pane must show the agenda within 120 KB of JavaScript
 * (gzip). The domain and data layers it shares with the tab (composeAgenda with its snapshot schema, the meeting
 * schedule, the Graph client and list mappers) already take about 75 KB; React DOM alone is 64 KB and Fluent
 * another 45 KB. Native controls with Fluent's colours keep every shared rule and stay within budget.
 *
 * Data: one `$batch` through the tab's data layer (src/data), signed in with Nested App Authentication in Outlook,
 * or with a sandbox persona outside any host (as the tab does). Nothing else goes to Graph before the agenda.
 */
import { loadAgendaSourceData, type AgendaSourceData } from '../data/agenda-data.js';
import { createGraph } from '../data/graph/client.js';
import { GraphRequestError, RetryExhaustedError } from '../data/graph/errors.js';
import { createPersonaTokenSource, type TokenSource } from '../data/graph/token-source.js';
import { parseMeetingSchedule } from '../domain/schedule.js';
import { nextOccurrence } from '../domain/recurrence.js';
import { escapeHtml, renderAgendaHtml } from './agenda-html.js';
import { agendaBlockState, DamagedAgendaBlockError } from './body-block.js';
import type { OfficeHost } from './office-host.js';
import type { TabConfig } from '../shared/wire.js';
import {
  insertAgendaBlock,
  OfficeCallError,
  readBodyHtml,
  readInvitation,
  watchInvitation,
  type InvitationInfo,
} from './office-item.js';
import { mtChoices, paneAgenda, proposedMt } from './pane-model.js';
import { addinLocale, addinTranslator, type AddinLocale, type AddinTranslate } from './texts.js';

/** The public part of the app server's /config.json that the pane needs. */
type PaneConfig = Pick<TabConfig, 'graphBaseUrl' | 'tokenUrl' | 'siteUrl' | 'clientId' | 'auth'>;

/** The reminder log reaches this far back: the previous meeting's snapshot is in it. */
const LOG_DAYS = 120;

type BlockState = ReturnType<typeof agendaBlockState>;
type Loaded = { data: AgendaSourceData; invitation?: InvitationInfo; bodyBlock: BlockState; now: Date };

async function fetchConfig(): Promise<PaneConfig> {
  const response = await fetch(new URL('../config.json', window.location.href), { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as PaneConfig;
}

/** The tab's base address: the pane is served from `<tab>/addin/index.html`. */
export function tabBaseUrl(paneUrl: string): string {
  return new URL('..', paneUrl).href.replace(/\/+$/, '');
}

async function tokenSource(config: PaneConfig, office: OfficeHost | undefined): Promise<TokenSource> {
  if (config.auth === 'naa') {
    // MSAL's nested app client talks to Outlook, which holds the session (NAA); loaded only in a host.
    const loginHint = (office?.context as { mailbox?: { userProfile?: { emailAddress?: string } } } | undefined)
      ?.mailbox?.userProfile?.emailAddress;
    const { signInWithNaa } = await import('../tab/app/auth/naa.js');
    return (await signInWithNaa(config.clientId, loginHint, { interactive: true })).tokens;
  }
  // Outside a host on the sandbox: the persona named in the URL, or the one the tab remembered.
  let persona = new URLSearchParams(window.location.search).get('persona') ?? undefined;
  try {
    persona ??= window.localStorage.getItem('actieplan.persona') ?? undefined;
  } catch {
    // Storage blocked (partitioned frame): only the URL can name the persona.
  }
  if (!persona) throw new Error('open eerst het actieplan en kies een rol, of geef ?persona=<upn> mee.');
  return createPersonaTokenSource({ tokenUrl: config.tokenUrl, clientId: config.clientId, persona });
}

function failureText(t: AddinTranslate, error: unknown): string {
  // The Graph client's network errors are TypeErrors (fetch's own, or its NetworkError naming the URL).
  if (error instanceof RetryExhaustedError || error instanceof TypeError) return t('pane.fail.offline');
  if (error instanceof GraphRequestError)
    return error.status === 401 || error.status === 403
      ? t('pane.fail.denied')
      : t('pane.fail.other', { status: error.status });
  return error instanceof Error ? error.message : String(error);
}

/**
 * Outlook's refusal of a write, in the pane's language, with its code for whoever helps: Office.js's own message is
 * English and technical.
 */
function officeFailureText(t: AddinTranslate, error: OfficeCallError): string {
  return t('pane.fail.office', { code: String(error.code ?? '?') });
}

/** Reads config, token, the lists (one `$batch`) and the invitation (Office.js), side by side where possible. */
async function load(office: OfficeHost | undefined): Promise<Loaded> {
  const invitation = office ? readInvitation(office) : Promise.resolve(undefined);
  const config = await fetchConfig();
  const graph = createGraph({ graphBaseUrl: config.graphBaseUrl, tokens: await tokenSource(config, office) });
  const now = new Date();
  const [data, info] = await Promise.all([
    loadAgendaSourceData(graph, config.siteUrl, new Date(now.getTime() - LOG_DAYS * 86_400_000)),
    invitation,
  ]);
  const bodyBlock: BlockState =
    office && info?.mode === 'organizer' ? agendaBlockState(await readBodyHtml(office)) : 'none';
  return { data, ...(info ? { invitation: info } : {}), bodyBlock, now };
}

type Status =
  | { kind: 'busy' }
  | { kind: 'done'; replaced: boolean; keptEdits: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'moved' }
  | { kind: 'followed' }
  | undefined;

/** Starts the pane in `root`: loading, then the organiser's or the attendee's view. */
export function startPane(root: HTMLElement, office: OfficeHost | undefined): void {
  const locale: AddinLocale = addinLocale(office?.context.displayLanguage ?? navigator.language);
  const t = addinTranslator(locale);
  const params = new URLSearchParams(window.location.search);
  document.documentElement.lang = locale;

  const heading = (attendee: boolean) => `<h1>${escapeHtml(attendee ? t('pane.attendeeTitle') : t('pane.title'))}</h1>`;
  const run = () => {
    root.setAttribute('aria-busy', 'true');
    root.innerHTML = `${heading(params.get('rol') === 'deelnemer')}<p role="status">${escapeHtml(t('pane.loading'))}</p>`;
    // A failure while drawing the pane, too, ends in the message with its retry, never in "wordt geladen" for good.
    load(office)
      .then((loaded) => showPane(root, office, loaded, t, locale, params))
      .catch((error: unknown) => {
        root.removeAttribute('aria-busy');
        root.innerHTML = `${heading(params.get('rol') === 'deelnemer')}<div class="message error" role="alert"><p>${escapeHtml(t('pane.loadError', { detail: failureText(t, error) }))}</p><button type="button" id="retry">${escapeHtml(t('pane.retry'))}</button></div>`;
        root.querySelector('#retry')?.addEventListener('click', run);
      });
  };
  run();
}

function showPane(
  root: HTMLElement,
  office: OfficeHost | undefined,
  loaded: Loaded,
  t: AddinTranslate,
  locale: AddinLocale,
  params: URLSearchParams,
): void {
  const attendee = loaded.invitation ? loaded.invitation.mode === 'attendee' : params.get('rol') === 'deelnemer';
  const choices = mtChoices(loaded.data);
  let proposal = loaded.invitation ? proposedMt(loaded.data, loaded.invitation) : undefined;
  let mtKey = proposal?.key ?? params.get('mt') ?? '';
  // Once the person picks the MT, a changed invitation no longer picks it for them.
  let mtChosen = false;
  let blockState = loaded.bodyBlock;
  let status: Status;
  const tabUrl = tabBaseUrl(window.location.href);

  // The meeting's start: the invitation's, or (previewing outside Outlook) the MT's next meeting from its schedule.
  const startOf = (key: string): Date | undefined => {
    const given = loaded.invitation?.start;
    // An invitation whose start Outlook cannot give (not filled in yet) has none: the pane says so.
    if (loaded.invitation) return given && !Number.isNaN(given.getTime()) ? given : undefined;
    const schema = loaded.data.mts.find((m) => m.value.key === key)?.value.schema;
    const schedule = schema ? parseMeetingSchedule(schema) : undefined;
    return schedule ? nextOccurrence(schedule, loaded.now) : undefined;
  };
  const composedHtml = (): { html?: string; noPreviousDecisions: boolean; noStart: boolean } => {
    if (!mtKey) return { noPreviousDecisions: false, noStart: false };
    const start = startOf(mtKey);
    if (!start) return { noPreviousDecisions: false, noStart: true };
    const composed = paneAgenda(loaded.data, { mtKey, start, now: loaded.now, nextMeeting: nextOccurrence });
    if (!composed) return { noPreviousDecisions: false, noStart: false };
    return {
      html: renderAgendaHtml(composed.agenda, { tabUrl, locale }),
      noPreviousDecisions: composed.agenda.previousDecisions.length === 0,
      noStart: false,
    };
  };

  const statusHtml = (): string => {
    if (!status) return '';
    if (status.kind === 'busy') return `<p>${escapeHtml(t('pane.inserting'))}</p>`;
    if (status.kind === 'moved') return `<p class="message">${escapeHtml(t('pane.moved'))}</p>`;
    if (status.kind === 'followed') return `<p class="message">${escapeHtml(t('pane.followed'))}</p>`;
    if (status.kind === 'done')
      return `<p class="message success">${escapeHtml(status.keptEdits ? t('pane.replacedKept') : status.replaced ? t('pane.replaced') : t('pane.inserted'))}</p>`;
    return `<p class="message error">${escapeHtml(t('pane.insertError', { detail: status.text }))}</p>`;
  };

  const render = () => {
    root.removeAttribute('aria-busy');
    if (choices.length === 0) {
      root.innerHTML = `<h1>${escapeHtml(t('pane.title'))}</h1><p class="message">${escapeHtml(t('pane.noMts'))}</p>`;
      return;
    }
    const composed = composedHtml();
    const hint =
      proposal && proposal.key === mtKey
        ? proposal.reason === 'subject'
          ? t('pane.mtProposedSubject')
          : t('pane.mtProposedInvitees')
        : t('pane.mtChoose');
    const options = [
      `<option value="" disabled${mtKey ? '' : ' selected'}>${escapeHtml(t('pane.mtNone'))}</option>`,
      ...choices.map(
        (c) =>
          `<option value="${escapeHtml(c.key)}"${c.key === mtKey ? ' selected' : ''}>${escapeHtml(c.naam)}</option>`,
      ),
    ];
    const canInsert = !attendee && office !== undefined && composed.html !== undefined;
    // The organiser typed in the block inserted earlier: said before "bijwerken", which keeps that text below.
    const editedHint = blockState === 'edited' && status?.kind !== 'done';
    // Opened outside Outlook (a browser), the preview is all there is: said, instead of a missing button.
    const outsideOutlook = !attendee && office === undefined && composed.html !== undefined;
    root.innerHTML = [
      `<h1>${escapeHtml(attendee ? t('pane.attendeeTitle') : t('pane.title'))}</h1>`,
      `<div><label for="mt">${escapeHtml(t('pane.mt'))}</label><select id="mt" aria-describedby="mt-hint">${options.join('')}</select><p class="hint" id="mt-hint">${escapeHtml(hint)}</p></div>`,
      composed.noStart ? `<p class="message">${escapeHtml(t('pane.noStart'))}</p>` : '',
      canInsert
        ? `<div><button type="button" class="primary" id="insert"${status?.kind === 'busy' ? ' disabled' : ''}${editedHint ? ' aria-describedby="edited"' : ''}>${escapeHtml(blockState !== 'none' ? t('pane.replace') : t('pane.insert'))}</button>${editedHint ? `<p class="hint" id="edited">${escapeHtml(t('pane.edited'))}</p>` : ''}</div>`
        : outsideOutlook
          ? `<p class="message">${escapeHtml(t('pane.noOffice'))}</p>`
          : '',
      `<div role="status" aria-live="polite" id="status">${statusHtml()}</div>`,
      // renderAgendaHtml escapes every typed text: this is exactly what goes into the invitation.
      composed.html
        ? `<section class="preview" aria-label="${escapeHtml(t('pane.preview'))}">${composed.html}</section>`
        : '',
      attendee && composed.html && composed.noPreviousDecisions
        ? `<section aria-labelledby="vorige"><h2 class="section" id="vorige">${escapeHtml(t('pane.previousDecisions'))}</h2><p class="meta">${escapeHtml(t('pane.noPreviousDecisions'))}</p></section>`
        : '',
    ].join('');
    // The preview's links open the tab beside Outlook: followed in the pane itself, the tab would take the pane's
    // place, with no way back to the agenda item. (In the invitation the same links stay plain: a mail has no pane.)
    for (const link of root.querySelectorAll<HTMLAnchorElement>('.preview a[href]')) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    root.querySelector<HTMLSelectElement>('#mt')?.addEventListener('change', (event) => {
      mtKey = (event.target as HTMLSelectElement).value;
      mtChosen = true;
      status = undefined;
      render();
      root.querySelector<HTMLSelectElement>('#mt')?.focus();
    });
    root.querySelector('#insert')?.addEventListener('click', () => void insert(composed.html));
  };

  const insert = async (html: string | undefined) => {
    if (!office || !html) return;
    status = { kind: 'busy' };
    render();
    try {
      // The invitation may have moved while the pane was open: its agenda is then another one. The preview follows
      // and the person inserts what they see, not the agenda of the time the pane opened.
      if (loaded.invitation) {
        const now = await readInvitation(office);
        const at = (d: Date | undefined) => (d && !Number.isNaN(d.getTime()) ? d.getTime() : undefined);
        if (at(now.start) !== at(loaded.invitation.start)) {
          loaded.invitation = now;
          status = { kind: 'moved' };
          render();
          root.querySelector<HTMLButtonElement>('#insert')?.focus();
          return;
        }
      }
      const result = await insertAgendaBlock(office, html, t('block.keptEdits'));
      blockState = 'inserted';
      status = { kind: 'done', replaced: result.replaced, keptEdits: result.keptEdits };
    } catch (error) {
      status = {
        kind: 'error',
        text:
          error instanceof DamagedAgendaBlockError
            ? t('pane.damaged')
            : error instanceof OfficeCallError
              ? officeFailureText(t, error)
              : error instanceof Error
                ? error.message
                : String(error),
      };
    }
    render();
    root.querySelector<HTMLButtonElement>('#insert')?.focus();
  };

  // The button's label and the hint before it follow `blockState` in place: redrawing the pane would take the button
  // away under a click (the click that gave the pane its focus back, below).
  const showBlockState = () => {
    const button = root.querySelector<HTMLButtonElement>('#insert');
    if (!button) return;
    button.textContent = blockState !== 'none' ? t('pane.replace') : t('pane.insert');
    root.querySelector('#edited')?.remove();
    if (blockState === 'edited' && status?.kind !== 'done') {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.id = 'edited';
      hint.textContent = t('pane.edited');
      button.after(hint);
      button.setAttribute('aria-describedby', 'edited');
    } else button.removeAttribute('aria-describedby');
  };

  // The organiser types in the invitation while the pane stays open and comes back to the pane: it reads the body
  // again when it gets the focus back, so what it says before "bijwerken" is about the body as it is now (Outlook has
  // no event for a changed body). A "bijgewerkt" from before that edit no longer holds and goes.
  if (office && !attendee) {
    let checking = false;
    window.addEventListener('focus', () => {
      if (checking || status?.kind === 'busy') return;
      checking = true;
      readBodyHtml(office)
        .then((html) => {
          const next = agendaBlockState(html);
          if (next === blockState) return;
          blockState = next;
          if (status?.kind === 'done') {
            status = undefined;
            const line = root.querySelector('#status');
            if (line) line.innerHTML = '';
          }
          showBlockState();
        })
        .catch((error: unknown) => console.warn('The invitation body could not be read again', error))
        .finally(() => {
          checking = false;
        });
    });
  }

  // The organiser moves the meeting or changes the invitees while the pane is open: the preview follows at once (the
  // meeting's agenda, and the MT the invitees now point to, unless the person chose one), said in the status line.
  if (office && !attendee) {
    let reading = false;
    watchInvitation(office, () => {
      if (reading || status?.kind === 'busy') return; // an insert reads the invitation again itself
      reading = true;
      readInvitation(office)
        .then((now) => {
          const at = (d: Date | undefined) => (d && !Number.isNaN(d.getTime()) ? d.getTime() : undefined);
          const moved = at(now.start) !== at(loaded.invitation?.start);
          loaded.invitation = now;
          proposal = proposedMt(loaded.data, now);
          const before = mtKey;
          if (!mtChosen && proposal) mtKey = proposal.key;
          if (moved || mtKey !== before) {
            status = { kind: 'followed' };
            render();
          }
        })
        .catch((error: unknown) => console.warn('The invitation could not be read again', error))
        .finally(() => {
          reading = false;
        });
    });
  }
  render();
}
