import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { argsErrorNl, withVariable } from '../../../scripts/cli-io.js';

/** What Node's own parser throws for these arguments, so the test follows Node's real errors, not copies of them. */
function refusal(args: string[]): unknown {
  try {
    parseArgs({
      args,
      options: { site: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('argsErrorNl: Node parseArgs refusals in Dutch', () => {
  it('names an unknown option', () => {
    expect(argsErrorNl(refusal(['--force']))).toBe('Onbekende optie: --force');
  });

  it('names an option whose value is missing, without Node’s <value>', () => {
    expect(argsErrorNl(refusal(['--site']))).toBe('Optie --site mist een waarde.');
  });

  it('names a switch that was given a value', () => {
    expect(argsErrorNl(refusal(['--json=ja']))).toBe('Optie --json neemt geen waarde.');
  });

  it('names an argument that is not an option', () => {
    expect(argsErrorNl(refusal(['rapport.pdf']))).toBe(
      'Onverwacht argument: rapport.pdf (alleen opties, zoals --help).',
    );
  });

  it('keeps any other message as it is', () => {
    expect(argsErrorNl(new Error('iets anders'))).toBe('iets anders');
    expect(argsErrorNl(Object.assign(new Error("Unknown 'x'"), { code: 'ERR_OTHER' }))).toBe("Unknown 'x'");
  });
});

describe('withVariable: a failure names the variable behind the address it failed on', () => {
  const env = {
    TOKEN_URL: 'http://127.0.0.1:4699/oauth2/v2.0/token',
    GRAPH_BASE_URL: 'http://127.0.0.1:4699/v1.0',
    SHAREPOINT_SITE_URL: 'http://127.0.0.1:4699/sites/actieplan',
    SERVICE_URL: 'https://smba.trafficmanager.net/emea/',
  };

  it('the variable whose whole address it names, and a hint for a refused local port', () => {
    expect(withVariable('POST http://127.0.0.1:4699/oauth2/v2.0/token failed: fetch failed (ECONNREFUSED)', env)).toBe(
      'POST http://127.0.0.1:4699/oauth2/v2.0/token failed: fetch failed (ECONNREFUSED) (TOKEN_URL; draait npm start, of de sandbox, op die poort?)',
    );
  });

  it('a Graph path under GRAPH_BASE_URL names that one', () => {
    expect(withVariable('GET http://127.0.0.1:4699/v1.0/sites/x failed (503)', env)).toBe(
      'GET http://127.0.0.1:4699/v1.0/sites/x failed (503) (GRAPH_BASE_URL)',
    );
  });

  it('an address of a known host and port but no known path names every variable on it', () => {
    expect(withVariable('http://127.0.0.1:4699/_other refused', env)).toBe(
      'http://127.0.0.1:4699/_other refused (TOKEN_URL, GRAPH_BASE_URL, SHAREPOINT_SITE_URL)',
    );
  });

  it('a remote address gets no hint about npm start', () => {
    expect(withVariable('POST https://smba.trafficmanager.net/emea/v3/x: ECONNREFUSED', env)).toBe(
      'POST https://smba.trafficmanager.net/emea/v3/x: ECONNREFUSED (SERVICE_URL)',
    );
  });

  it("names the variable by host and port alone, as Node's connection errors give them (the Bot Framework's send)", () => {
    const local = { ...env, SERVICE_URL: 'http://127.0.0.1:3978/' };
    expect(withVariable('connect ECONNREFUSED 127.0.0.1:3978', local)).toBe(
      'connect ECONNREFUSED 127.0.0.1:3978 (SERVICE_URL; draait npm start, of de sandbox, op die poort?)',
    );
    expect(withVariable('getaddrinfo ENOTFOUND smba.trafficmanager.net', env)).toBe(
      'getaddrinfo ENOTFOUND smba.trafficmanager.net (SERVICE_URL)',
    );
    // Another port, or a longer host name that only starts with it, is not that address.
    expect(withVariable('connect ECONNREFUSED 127.0.0.1:39780', local)).toBe('connect ECONNREFUSED 127.0.0.1:39780');
    expect(withVariable('getaddrinfo ENOTFOUND smba.trafficmanager.net.evil', env)).toBe(
      'getaddrinfo ENOTFOUND smba.trafficmanager.net.evil',
    );
  });

  it('leaves a message that names no configured address as it is', () => {
    expect(withVariable('Geen MT met sleutel "x".', env)).toBe('Geen MT met sleutel "x".');
    expect(withVariable('fetch failed', {})).toBe('fetch failed');
  });
});
