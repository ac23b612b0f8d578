/// <reference types="office-js" />
/**
 * The Office.js adapter of the add-in: the only module that talks to `Office.context.mailbox.item`. Thin on purpose:
 * it turns Office's callback APIs into promises and hands the HTML to the pure functions of body-block.ts.
 *
 * `Office` is passed in, never read from the global, so unit tests run it against `office-addin-mock` and the browser
 * test against a small fake host, with the same code path as Outlook.
 *
 * Body access follows Microsoft Learn "Insert data in the body when composing an appointment or message in Outlook":
 * `item.body.getAsync(Office.CoercionType.Html, …)` and `item.body.setAsync(html, { coercionType: Html }, …)`. That
 * needs the manifest's resource-specific permission `MailboxItem.ReadWrite.User` (appointment compose).
 */
import { upsertAgendaBlock } from './body-block.js';
import type { Invitee } from './propose-mt.js';

/** The part of the Office.js namespace the add-in uses. */
export type OfficeApi = {
  context: { mailbox: { item?: unknown }; displayLanguage?: string };
  CoercionType: { Html: Office.CoercionType | string };
  AsyncResultStatus: { Succeeded: Office.AsyncResultStatus | string };
};

/** An Office.js call failed (`asyncResult.status` was not Succeeded); carries Office's error code and message. */
export class OfficeCallError extends Error {
  override readonly name = 'OfficeCallError';
  constructor(
    readonly operation: string,
    readonly code: number | undefined,
    message: string,
  ) {
    super(`${operation} failed: ${message}`);
  }
}

type AsyncResultLike<T> = { status: unknown; value: T; error?: { code?: number; message?: string } };
type Callback<T> = (result: AsyncResultLike<T>) => void;

function call<T>(office: OfficeApi, operation: string, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new OfficeCallError(operation, result.error?.code, result.error?.message ?? 'unknown error'));
    });
  });
}

type ComposeBody = {
  getAsync(coercionType: unknown, callback: Callback<string>): void;
  setAsync(data: string, options: { coercionType: unknown }, callback: Callback<void>): void;
};
type AsyncGetter<T> = { getAsync(callback: Callback<T>): void };
type Recipient = { displayName?: string; emailAddress?: string };

type ComposeItem = {
  body: ComposeBody;
  subject: AsyncGetter<string>;
  start: AsyncGetter<Date>;
  requiredAttendees: AsyncGetter<Recipient[]>;
  optionalAttendees?: AsyncGetter<Recipient[]>;
};
type ReadItem = {
  subject?: string;
  start?: Date;
  requiredAttendees?: Recipient[];
  optionalAttendees?: Recipient[];
  organizer?: Recipient;
};

function currentItem(office: OfficeApi): unknown {
  const item = office.context.mailbox.item;
  if (!item) throw new OfficeCallError('Office.context.mailbox.item', undefined, 'no item is open');
  return item;
}

/** Whether the open item is being composed (the organiser) rather than read (an attendee). */
export function isComposing(office: OfficeApi): boolean {
  const subject = (currentItem(office) as { subject?: unknown }).subject;
  return (
    typeof subject === 'object' &&
    subject !== null &&
    typeof (subject as { getAsync?: unknown }).getAsync === 'function'
  );
}

type EventfulItem = {
  addHandlerAsync?: (
    eventType: unknown,
    handler: () => void,
    callback?: (result: AsyncResultLike<void>) => void,
  ) => void;
};

/**
 * Calls `onChange` whenever the organiser changes the invitation's time or its invitees while the pane is open
 * (Office.js `AppointmentTimeChanged` and `RecipientsChanged`, Mailbox 1.7; Outlook has no event for the subject).
 * @returns whether the host offers those events (older Outlooks: the pane then reads the invitation again only before
 *   it inserts)
 */
export function watchInvitation(office: OfficeApi, onChange: () => void): boolean {
  if (!isComposing(office)) return false;
  const item = currentItem(office) as EventfulItem;
  const types = (office as { EventType?: { AppointmentTimeChanged?: unknown; RecipientsChanged?: unknown } }).EventType;
  if (typeof item.addHandlerAsync !== 'function' || !types) return false;
  let watching = false;
  for (const type of [types.AppointmentTimeChanged, types.RecipientsChanged]) {
    if (type === undefined) continue;
    item.addHandlerAsync(type, onChange);
    watching = true;
  }
  return watching;
}

/** What the pane needs to know about the invitation: subject, invitees and start. */
export type InvitationInfo = { mode: 'organizer' | 'attendee'; subject: string; invitees: Invitee[]; start?: Date };

function invitee(r: Recipient): Invitee {
  return {
    ...(r.displayName ? { displayName: r.displayName } : {}),
    ...(r.emailAddress ? { emailAddress: r.emailAddress } : {}),
  };
}

/** Reads subject, invitees and start of the open appointment, in compose mode (async getters) or read mode. */
export async function readInvitation(office: OfficeApi): Promise<InvitationInfo> {
  if (isComposing(office)) {
    const item = currentItem(office) as ComposeItem;
    const [subject, start, required, optional] = await Promise.all([
      call<string>(office, 'subject.getAsync', (cb) => item.subject.getAsync(cb)),
      call<Date>(office, 'start.getAsync', (cb) => item.start.getAsync(cb)),
      call<Recipient[]>(office, 'requiredAttendees.getAsync', (cb) => item.requiredAttendees.getAsync(cb)),
      item.optionalAttendees
        ? call<Recipient[]>(office, 'optionalAttendees.getAsync', (cb) => item.optionalAttendees!.getAsync(cb))
        : Promise.resolve([]),
    ]);
    return {
      mode: 'organizer',
      subject: subject ?? '',
      invitees: [...(required ?? []), ...(optional ?? [])].map(invitee),
      ...(start ? { start: new Date(start) } : {}),
    };
  }
  const item = currentItem(office) as ReadItem;
  const invitees = [
    ...(item.requiredAttendees ?? []),
    ...(item.optionalAttendees ?? []),
    ...(item.organizer ? [item.organizer] : []),
  ].map(invitee);
  return {
    mode: 'attendee',
    subject: item.subject ?? '',
    invitees,
    ...(item.start ? { start: new Date(item.start) } : {}),
  };
}

function composeBody(office: OfficeApi): ComposeBody {
  if (!isComposing(office)) throw new OfficeCallError('body', undefined, 'the invitation is not being composed');
  return (currentItem(office) as ComposeItem).body;
}

/** The invitation's body as HTML. */
export function readBodyHtml(office: OfficeApi): Promise<string> {
  const body = composeBody(office);
  return call<string>(office, 'body.getAsync', (cb) => body.getAsync(office.CoercionType.Html, cb));
}

/**
 * Puts the agenda block into the invitation's body: replaces the block inserted earlier, or inserts it at the top.
 * Reads the body, changes only the block (body-block.ts), and writes the whole body back as HTML. Text the organiser
 * typed in the earlier block stays below the new one, under `keptLabel`.
 */
export async function insertAgendaBlock(
  office: OfficeApi,
  blockHtml: string,
  keptLabel = '',
): Promise<{ replaced: boolean; keptEdits: boolean }> {
  const body = composeBody(office);
  const current = await call<string>(office, 'body.getAsync', (cb) => body.getAsync(office.CoercionType.Html, cb));
  const next = upsertAgendaBlock(current ?? '', blockHtml, keptLabel);
  await call<void>(office, 'body.setAsync', (cb) =>
    body.setAsync(next.html, { coercionType: office.CoercionType.Html }, cb),
  );
  return { replaced: next.replaced, keptEdits: next.keptEdits };
}
