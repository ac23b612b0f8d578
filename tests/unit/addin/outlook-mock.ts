import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeApi } from '../../../src/addin/office-item.js';

type Recipient = { displayName?: string; emailAddress?: string };
type Result<T> = { status: string; value?: T; error?: { code: number; message: string } };

/** Test knobs of the mocked appointment. */
export type MockAppointment = {
  body: string;
  subject?: string;
  start?: Date;
  requiredAttendees?: Recipient[];
  optionalAttendees?: Recipient[];
  /** Make body.setAsync fail, as Outlook does when the item was closed. */
  failSet?: boolean;
};

/**
 * Office.js for an appointment the organiser is composing, on office-addin-mock (host "outlook"): the body's
 * getAsync/setAsync keep the HTML in the mock, so a test reads back what the add-in wrote. Counts the writes.
 */
export function composeMock(appointment: MockAppointment) {
  const getter = <T>(value: T) => ({
    value,
    getAsync(callback: (r: Result<T>) => void) {
      callback({ status: 'succeeded', value: this.value });
    },
  });
  const data = {
    host: 'outlook',
    CoercionType: { Html: 'html', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: 'nl-NL',
      mailbox: {
        item: {
          itemType: 'appointment',
          body: {
            html: appointment.body,
            writes: 0,
            lastCoercion: '',
            getAsync(coercionType: string, callback: (r: Result<string>) => void) {
              callback(
                coercionType === 'html'
                  ? { status: 'succeeded', value: this.html }
                  : { status: 'failed', error: { code: 9000, message: 'only html in this mock' } },
              );
            },
            setAsync(html: string, options: { coercionType: string }, callback: (r: Result<void>) => void) {
              if (appointment.failSet) {
                callback({ status: 'failed', error: { code: 9041, message: 'The item was closed.' } });
                return;
              }
              this.html = html;
              this.writes += 1;
              this.lastCoercion = options.coercionType;
              callback({ status: 'succeeded' });
            },
          },
          subject: getter(appointment.subject ?? ''),
          start: getter(appointment.start ?? new Date('2026-11-24T08:00:00Z')),
          requiredAttendees: getter(appointment.requiredAttendees ?? []),
          optionalAttendees: getter(appointment.optionalAttendees ?? []),
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as OfficeApi & {
    context: { mailbox: { item: { body: { html: string; writes: number; lastCoercion: string } } } };
  };
  return { office: mock, body: () => mock.context.mailbox.item.body };
}

/** Office.js for an attendee reading the invitation: plain properties, no async getters, no body writes. */
export function readMock(
  appointment: Omit<MockAppointment, 'body' | 'failSet'> & { organizer?: Recipient },
): OfficeApi {
  return new OfficeMockObject({
    host: 'outlook',
    CoercionType: { Html: 'html' },
    AsyncResultStatus: { Succeeded: 'succeeded' },
    context: {
      mailbox: {
        item: {
          itemType: 'appointment',
          subject: appointment.subject ?? '',
          start: appointment.start ?? new Date('2026-11-24T08:00:00Z'),
          requiredAttendees: appointment.requiredAttendees ?? [],
          optionalAttendees: appointment.optionalAttendees ?? [],
          ...(appointment.organizer ? { organizer: appointment.organizer } : {}),
        },
      },
    },
  }) as unknown as OfficeApi;
}
