/**
 * Teams conversation ids as the Bot Connector uses them. A channel is `19:…@thread.tacv2`; an activity in a reply
 * chain (a card action on a channel post, for one) carries `<channel>;messageid=<root message id>`.
 */

const MESSAGE_ID_SUFFIX = /;messageid=([^;]*)$/i;

/** The channel (or chat) part of a conversation id, without `;messageid=…`. */
export function baseConversationId(conversationId: string): string {
  return conversationId.replace(MESSAGE_ID_SUFFIX, '');
}

/** The root message id of a reply-chain conversation id, if it names one. */
export function threadMessageId(conversationId: string): string | undefined {
  const id = MESSAGE_ID_SUFFIX.exec(conversationId)?.[1];
  return id === undefined || id === '' ? undefined : id;
}

/** Whether `host` is a loopback address (what the explicit local configuration is limited to). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Whether a URL points at this machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/** Characters of Teams conversation, team and user ids (`19:…@thread.tacv2`, `29:…`, `a:…`, `;messageid=…`). */
const SAFE_ID = /^[A-Za-z0-9:@._;=+!~*'(),-]{1,512}$/;

export class UnsafeIdError extends Error {
  override readonly name = 'UnsafeIdError';
}

/**
 * Refuses an id that could change the Bot Connector path it is put into (the Teams SDK does not encode ids, and the
 * MTs list that holds conversation ids can be edited in SharePoint). Returns the id unchanged.
 */
export function checkedId(id: string, what: string): string {
  if (!SAFE_ID.test(id)) throw new UnsafeIdError(`${what} is not a Teams id: ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}
