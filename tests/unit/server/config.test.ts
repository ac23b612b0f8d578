import { stretchWithoutWorkingDay } from '../../../src/domain/recurrence.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/server/config.js';

const valid = {
  GRAPH_BASE_URL: 'http://127.0.0.1:3979/v1.0',
  TOKEN_URL: 'http://127.0.0.1:3979/oauth2/v2.0/token',
  SHAREPOINT_SITE_URL: 'http://127.0.0.1:3979/sites/actieplan',
  GRAPH_CLIENT_ID: 'sandbox-app',
  GRAPH_CLIENT_SECRET: 'sandbox-secret',
  TAB_AUTH: 'persona',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  PERSONA_DIRECTORY_URL: 'http://127.0.0.1:3979/_sandbox/personas',
};

describe('server configuration', () => {
  it('reads a valid sandbox environment with defaults for port and host', () => {
    const config = readConfig(valid);
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.tab).toEqual({
      graphBaseUrl: valid.GRAPH_BASE_URL,
      tokenUrl: valid.TOKEN_URL,
      siteUrl: valid.SHAREPOINT_SITE_URL,
      clientId: valid.AAD_APP_CLIENT_ID,
      auth: 'persona',
      personaDirectoryUrl: valid.PERSONA_DIRECTORY_URL,
      gemeente: 'Gemeente Zoetermeer',
    });
    expect(readConfig({ ...valid, GEMEENTE: 'Gemeente Leiden' }).tab.gemeente).toBe('Gemeente Leiden');
  });
  it('keeps the tenant id in lower case, as Teams and Entra send it, so one configured in capitals still matches', () => {
    const config = readConfig({
      ...valid,
      CLIENT_ID: '00000000-0000-0000-0000-000000000002',
      TENANT_ID: ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 ',
      SECRET_CLIENT_SECRET: 'bot-secret',
    });
    expect(config.bot?.tenantId).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
  });
  it('prefers the toolkit-style SECRET_ variable for the client secret and never exposes it to the tab', () => {
    const config = readConfig({ ...valid, GRAPH_CLIENT_SECRET: undefined, SECRET_GRAPH_CLIENT_SECRET: 's3' });
    expect(config.graph.clientSecret).toBe('s3');
    expect(JSON.stringify(config.tab)).not.toContain('s3');
  });
  it('reads the organisation’s own closing days and names the variable when one is not a date', () => {
    expect(readConfig(valid).reminders.extraHolidays).toEqual([]);
    expect(readConfig({ ...valid, EXTRA_HOLIDAYS: ' 2026-05-05, 2026-05-15 ' }).reminders.extraHolidays).toEqual([
      '2026-05-05',
      '2026-05-15',
    ]);
    expect(() => readConfig({ ...valid, EXTRA_HOLIDAYS: '2026-05-05,5 mei' })).toThrow(
      /EXTRA_HOLIDAYS: must be dates YYYY-MM-DD/,
    );
  });
  it('refuses closing days that leave no working day for a reminder, naming the variable and the run', () => {
    // July 2027 closed whole: with the weekend after it, 1 July to 1 August has no working day (reminderTime throws).
    const july = Array.from({ length: 31 }, (_, i) => `2027-07-${String(i + 1).padStart(2, '0')}`);
    const attempt = () => readConfig({ ...valid, EXTRA_HOLIDAYS: july.join(',') });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/EXTRA_HOLIDAYS: leaves no working day from 2027-07-01 to 2027-08-01 \(32 days/);
    expect(attempt).toThrow(/at most 30 days in a row/);
    // Three weeks of summer closure are fine; so is Christmas week, which meets the public holidays.
    const threeWeeks = july.slice(4, 25);
    expect(readConfig({ ...valid, EXTRA_HOLIDAYS: threeWeeks.join(',') }).reminders.extraHolidays).toEqual(threeWeeks);
    const christmas = ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'];
    expect(readConfig({ ...valid, EXTRA_HOLIDAYS: christmas.join(',') }).reminders.extraHolidays).toEqual(christmas);
    // The public holidays count too: March 2027 closed except Easter Monday (29 March, a public holiday) would be
    // split by a working day without it; with it, 27 February to 31 March has none.
    const march = Array.from({ length: 31 }, (_, i) => `2027-03-${String(i + 1).padStart(2, '0')}`);
    expect(stretchWithoutWorkingDay(march.filter((d) => d !== '2027-03-29'))).toBeUndefined();
    expect(() => readConfig({ ...valid, EXTRA_HOLIDAYS: march.filter((d) => d !== '2027-03-29').join(',') })).toThrow(
      /EXTRA_HOLIDAYS: leaves no working day from 2027-02-27 to 2027-03-31 \(33 days/,
    );
  });

  it('names every invalid variable', () => {
    const attempt = () => readConfig({ ...valid, GRAPH_BASE_URL: 'not a url', PORT: 'x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/GRAPH_BASE_URL: must be an absolute URL/);
    expect(attempt).toThrow(/PORT/);
  });
  it('requires a client secret', () => {
    expect(() => readConfig({ ...valid, GRAPH_CLIENT_SECRET: undefined })).toThrow(
      /SECRET_GRAPH_CLIENT_SECRET: is required/,
    );
  });
  it('requires a persona directory in persona mode only', () => {
    expect(() => readConfig({ ...valid, PERSONA_DIRECTORY_URL: undefined })).toThrow(/PERSONA_DIRECTORY_URL/);
    expect(
      readConfig({
        ...valid,
        TAB_AUTH: 'naa',
        TAB_AUTHORITY: 'https://127.0.0.1:3979/tenant',
        PERSONA_DIRECTORY_URL: undefined,
      }).tab.auth,
    ).toBe('naa');
  });
  it("gives the tab an https Entra authority with TAB_AUTH=naa: TOKEN_URL's tenant, or TAB_AUTHORITY", () => {
    const tenant = {
      ...valid,
      TAB_AUTH: 'naa',
      PERSONA_DIRECTORY_URL: undefined,
      TOKEN_URL: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    };
    expect(readConfig(tenant).tab.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(readConfig({ ...tenant, TAB_AUTHORITY: 'https://login.microsoftonline.us/contoso/' }).tab.authority).toBe(
      'https://login.microsoftonline.us/contoso',
    );
    // MSAL.js refuses an http authority: the server says so at start, naming the variable.
    expect(() => readConfig({ ...tenant, TOKEN_URL: valid.TOKEN_URL })).toThrow(
      /TOKEN_URL: must give an https authority for the browser sign-in \(MSAL\.js refuses 'http:\/\/127\.0\.0\.1:3979'\); set TAB_AUTHORITY/,
    );
    expect(() => readConfig({ ...tenant, TAB_AUTHORITY: 'http://127.0.0.1:3979/t' })).toThrow(
      /TAB_AUTHORITY: must give an https authority/,
    );
    expect(() => readConfig({ ...tenant, TOKEN_URL: 'https://sts.example/token' })).toThrow(
      /TAB_AUTHORITY: is required when TAB_AUTH=naa and TOKEN_URL does not end in \/oauth2\/v2\.0\/token/,
    );
    // The persona sign-in has no authority.
    expect(readConfig(valid).tab.authority).toBeUndefined();
  });
});
