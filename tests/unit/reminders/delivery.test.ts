import { closedPort } from '../../support/closed-port.js';
import { describe, expect, it } from 'vitest';
import { certainlyNotDelivered } from '../../../src/reminders/delivery.js';

/** What fetch really throws for a port nobody listens on: `fetch failed`, with the socket's error as its cause. */
async function refusedFetch(): Promise<unknown> {
  const port = await closedPort();
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => new Error('answered'),
    (error: unknown) => error,
  );
}

describe('certainlyNotDelivered: a failed send that can have posted nothing', () => {
  it('a refused connection, as fetch reports it', async () => {
    const error = await refusedFetch();
    expect(error).toBeInstanceOf(TypeError);
    expect(certainlyNotDelivered(error)).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])('a socket error %s', (code) => {
    expect(certainlyNotDelivered(Object.assign(new Error(`connect ${code}`), { code }))).toBe(true);
  });

  it('throttling (429), however the client puts the status', () => {
    expect(certainlyNotDelivered(Object.assign(new Error('Too Many Requests'), { status: 429 }))).toBe(true);
    expect(certainlyNotDelivered({ response: { status: 429 } })).toBe(true);
    expect(certainlyNotDelivered(Object.assign(new Error('x'), { statusCode: 429 }))).toBe(true);
  });

  it('an address with several IPs, every one refused', () => {
    const refused = () => Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    expect(certainlyNotDelivered(new AggregateError([refused(), refused()]))).toBe(true);
    expect(certainlyNotDelivered(new AggregateError([refused(), new Error('timeout')]))).toBe(false);
  });

  it.each([
    ['a reset on the way', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a time-out', Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })],
    ['a server error', Object.assign(new Error('Bad Gateway'), { status: 502 })],
    ['a refusal of the activity', { response: { status: 403 } }],
    ['a plain error', new Error('boom')],
    ['no error object', 'ECONNREFUSED'],
  ])('not %s: the card may have arrived', (_what, error) => {
    expect(certainlyNotDelivered(error)).toBe(false);
  });

  it('ends on an error that is its own cause', () => {
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(certainlyNotDelivered(loop)).toBe(false);
  });
});

describe('certainlyNotDelivered: no route to the host', () => {
  it('proves nothing was posted only while connecting', () => {
    const at = (syscall: string) => Object.assign(new Error('EHOSTUNREACH'), { code: 'EHOSTUNREACH', syscall });
    expect(certainlyNotDelivered(at('connect'))).toBe(true);
    // On an open connection it can stand for a time-out after the request went out.
    expect(certainlyNotDelivered(at('read'))).toBe(false);
    expect(certainlyNotDelivered(Object.assign(new Error('x'), { code: 'ENETUNREACH' }))).toBe(false);
  });
});
