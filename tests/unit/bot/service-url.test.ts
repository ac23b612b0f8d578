import { describe, expect, it } from 'vitest';
import { TEAMS_CONNECTOR_HOSTS, trustedServiceUrl } from '../../../src/bot/service-url.js';

const PUBLIC = 'https://smba.trafficmanager.net/teams';
const LOCAL = 'http://127.0.0.1:3978';

describe('trustedServiceUrl: where the bot may send its token', () => {
  it.each([
    ['https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/emea'],
    ['https://smba.trafficmanager.net/amer', 'https://smba.trafficmanager.net/amer'],
    ['https://smba.trafficmanager.net/teams/', 'https://smba.trafficmanager.net/teams'],
    ['https://SMBA.TrafficManager.net/emea/', 'https://smba.trafficmanager.net/emea'],
    ['https://smba.trafficmanager.net:443/emea/', 'https://smba.trafficmanager.net/emea'],
    ['  https://smba.trafficmanager.net/emea/  ', 'https://smba.trafficmanager.net/emea'],
    ['https://smba.infra.gcc.teams.microsoft.com/teams', 'https://smba.infra.gcc.teams.microsoft.com/teams'],
    ['https://smba.infra.gov.teams.microsoft.us/teams', 'https://smba.infra.gov.teams.microsoft.us/teams'],
    ['https://smba.infra.dod.teams.microsoft.us/teams', 'https://smba.infra.dod.teams.microsoft.us/teams'],
  ])('a Teams Bot Connector over https: %s', (candidate, expected) => {
    expect(trustedServiceUrl(candidate, PUBLIC)).toBe(expected);
  });

  it.each([
    ['another host', 'https://attacker.example/teams'],
    ['plain http on a Teams host', 'http://smba.trafficmanager.net/emea/'],
    ['another port on a Teams host', 'https://smba.trafficmanager.net:8443/emea/'],
    ['a Teams host as a subdomain of another', 'https://smba.trafficmanager.net.attacker.example/emea/'],
    ['a host ending like a Teams host', 'https://evil-smba.trafficmanager.net/emea/'],
    ['a subdomain of a Teams host', 'https://x.smba.trafficmanager.net/emea/'],
    ['a Teams host with a trailing dot', 'https://smba.trafficmanager.net./emea/'],
    ['credentials before a Teams host', 'https://user:pass@smba.trafficmanager.net/emea/'],
    ['a Teams host after credentials-like text', 'https://smba.trafficmanager.net@attacker.example/emea/'],
    ['a query', 'https://smba.trafficmanager.net/emea/?x=1'],
    ['a fragment', 'https://smba.trafficmanager.net/emea/#x'],
    ['loopback while the configured connector is public', 'http://127.0.0.1:4000/'],
    ['localhost while the configured connector is public', 'http://localhost:4000/'],
    ['not a URL', 'smba.trafficmanager.net/emea'],
    ['a script URL', 'javascript:alert(1)'],
    ['another scheme on a Teams host', 'ftp://smba.trafficmanager.net/emea/'],
  ])('refused: %s', (_what, candidate) => {
    expect(trustedServiceUrl(candidate, PUBLIC)).toBeUndefined();
  });

  it('nothing given: nothing to trust', () => {
    expect(trustedServiceUrl(undefined, PUBLIC)).toBeUndefined();
    expect(trustedServiceUrl('', PUBLIC)).toBeUndefined();
  });

  it('the configured SERVICE_URL itself, whatever its host, with or without a trailing slash', () => {
    const proxy = 'https://connector.zoetermeer.example/bot';
    expect(trustedServiceUrl('https://connector.zoetermeer.example/bot/', proxy)).toBe(proxy);
    expect(trustedServiceUrl(proxy, `${proxy}/`)).toBe(proxy);
    // Only that address: another path on its host is not the configured connector.
    expect(trustedServiceUrl('https://connector.zoetermeer.example/other', proxy)).toBeUndefined();
  });

  it('in a local run (a loopback SERVICE_URL) another loopback connector too, over http or https only', () => {
    expect(trustedServiceUrl('http://127.0.0.1:4555/', LOCAL)).toBe('http://127.0.0.1:4555');
    expect(trustedServiceUrl('http://localhost:4555/x', LOCAL)).toBe('http://localhost:4555/x');
    expect(trustedServiceUrl('http://[::1]:4555', LOCAL)).toBe('http://[::1]:4555');
    expect(trustedServiceUrl('https://smba.trafficmanager.net/emea/', LOCAL)).toBe(
      'https://smba.trafficmanager.net/emea',
    );
    expect(trustedServiceUrl('https://attacker.example/', LOCAL)).toBeUndefined();
    expect(trustedServiceUrl('ws://127.0.0.1:4555/', LOCAL)).toBeUndefined();
  });

  it('a configured SERVICE_URL that does not parse trusts nothing', () => {
    expect(trustedServiceUrl('https://smba.trafficmanager.net/emea/', 'not a url')).toBeUndefined();
  });

  it('lists the public cloud and the three government clouds, each a bare host name', () => {
    expect(TEAMS_CONNECTOR_HOSTS).toHaveLength(4);
    for (const host of TEAMS_CONNECTOR_HOSTS) expect(new URL(`https://${host}/`).hostname).toBe(host);
  });
});
