import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvFiles, withPortsOf } from '../../../src/server/env-files.js';

const root = mkdtempSync(join(tmpdir(), 'env-files-'));
mkdirSync(join(root, 'env'));
writeFileSync(
  join(root, 'env', '.env.local'),
  [
    'PORT=3978',
    'SANDBOX_PORT=3979',
    'PLAYGROUND_PORT=56150',
    'TAB_ENDPOINT=http://127.0.0.1:3978',
    'TAB_DOMAIN=127.0.0.1:3978',
    'GRAPH_BASE_URL=http://127.0.0.1:3979/v1.0',
    'TOKEN_URL=http://127.0.0.1:3979/oauth2/v2.0/token',
    'ELSEWHERE=https://contoso.example:3979/x',
    'PLAIN=39790',
  ].join('\n'),
);
writeFileSync(join(root, 'env', '.env.local.user'), 'SECRET_X=s\nPORT=1\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadEnvFiles', () => {
  it('loads the env file and its .user file; the process wins, and the first file wins over the .user file', () => {
    const env: NodeJS.ProcessEnv = { GRAPH_BASE_URL: 'http://own/v1.0' };
    expect(loadEnvFiles('local', root, env)).toEqual([
      resolve(root, 'env/.env.local'),
      resolve(root, 'env/.env.local.user'),
    ]);
    expect(env).toMatchObject({
      PORT: '3978',
      SECRET_X: 's',
      GRAPH_BASE_URL: 'http://own/v1.0',
      TAB_ENDPOINT: 'http://127.0.0.1:3978',
    });
  });

  it('moves the file-given loopback addresses to the ports the process chose, and nothing else', () => {
    const env: NodeJS.ProcessEnv = { PORT: '4100', SANDBOX_PORT: '4101', PLAYGROUND_PORT: '4102' };
    loadEnvFiles('local', root, env);
    expect(env).toMatchObject({
      TAB_ENDPOINT: 'http://127.0.0.1:4100',
      TAB_DOMAIN: '127.0.0.1:4100',
      GRAPH_BASE_URL: 'http://127.0.0.1:4101/v1.0',
      TOKEN_URL: 'http://127.0.0.1:4101/oauth2/v2.0/token',
      ELSEWHERE: 'https://contoso.example:3979/x',
      PLAIN: '39790',
    });
  });

  it("moves the repository's own sandbox addresses, the add-in's https placeholder included, with PORT", () => {
    const env: NodeJS.ProcessEnv = { PORT: '4100', SANDBOX_PORT: '4101' };
    loadEnvFiles('sandbox', resolve(import.meta.dirname, '../../..'), env);
    expect(env.TAB_ENDPOINT).toBe('http://127.0.0.1:4100');
    expect(env.TAB_DOMAIN).toBe('127.0.0.1:4100');
    expect(env.ADDIN_ENDPOINT).toBe('https://localhost:4100');
    expect(env.TOKEN_URL).toBe('http://127.0.0.1:4101/oauth2/v2.0/token');
  });
  it('keeps an address the process set itself, and moves nothing for port 0 (any free port)', () => {
    const own: NodeJS.ProcessEnv = { SANDBOX_PORT: '4101', TOKEN_URL: 'http://127.0.0.1:3979/oauth2/v2.0/token-own' };
    loadEnvFiles('local', root, own);
    expect(own).toMatchObject({
      GRAPH_BASE_URL: 'http://127.0.0.1:4101/v1.0',
      TOKEN_URL: 'http://127.0.0.1:3979/oauth2/v2.0/token-own',
    });
    const free: NodeJS.ProcessEnv = { PORT: '0' };
    loadEnvFiles('local', root, free);
    expect(free.TAB_ENDPOINT).toBe('http://127.0.0.1:3978');
  });
});

describe('withPortsOf: an env file read by a script on its own (the app package)', () => {
  const file = {
    PORT: '3978',
    SANDBOX_PORT: '3979',
    TAB_ENDPOINT: 'http://127.0.0.1:3978',
    TAB_DOMAIN: 'localhost:3978',
    GRAPH_BASE_URL: 'http://127.0.0.1:3979/v1.0',
    ELSEWHERE: 'https://contoso.example:3978/x',
  };

  it("moves the file's loopback addresses to the ports the process sets, and nothing else", () => {
    const { values, problems } = withPortsOf(file, { PORT: '47100', SANDBOX_PORT: '47101', TAB_ENDPOINT: 'ignored' });
    expect(problems).toEqual([]);
    expect(values).toEqual({
      PORT: '47100',
      SANDBOX_PORT: '47101',
      TAB_ENDPOINT: 'http://127.0.0.1:47100',
      TAB_DOMAIN: 'localhost:47100',
      GRAPH_BASE_URL: 'http://127.0.0.1:47101/v1.0',
      ELSEWHERE: 'https://contoso.example:3978/x',
    });
  });

  it('without port variables in the process the file stays as it is', () => {
    expect(withPortsOf(file, {})).toEqual({ values: file, problems: [] });
  });

  it('an empty port variable counts as unset', () => {
    expect(withPortsOf(file, { PORT: '' })).toEqual({ values: file, problems: [] });
  });

  it.each(['abc', '0', '65536', '080', '1e3', ' '])('refuses PORT=%s, naming the variable and its value', (port) => {
    const { problems } = withPortsOf(file, { PORT: port });
    expect(problems).toEqual([`PORT=${port}: expected a port number from 1 to 65535`]);
  });
});
