import { describe, expect, it } from 'vitest';
import type { TabConfig } from '../../../src/shared/wire.js';
import { bootTarget, hostBootTarget, takeNaaSignIn, takePlanBoot } from '../../../src/tab/lib/plan/plan-boot.js';
import { personaConfig } from './fixtures.js';

const config = personaConfig;
const persona = 'informatiemanager.sociaal-domein@zoetermeer.example';

describe('bootTarget: when the data path starts before React', () => {
  it('starts for the sandbox persona sign-in outside a host, with a remembered person', () => {
    expect(bootTarget(config, persona, false)).toEqual({ config, persona });
  });

  it('leaves everything else to React: no inline configuration, NAA, no persona directory, nobody chosen yet, or a host frame', () => {
    expect(bootTarget(undefined, persona, false)).toBeUndefined();
    expect(bootTarget({ ...config, auth: 'naa' }, persona, false)).toBeUndefined();
    const { personaDirectoryUrl: _, ...withoutDirectory } = config;
    expect(bootTarget(withoutDirectory, persona, false)).toBeUndefined();
    expect(bootTarget(config, undefined, false)).toBeUndefined();
    expect(bootTarget(config, persona, true)).toBeUndefined();
  });
});

describe('takePlanBoot', () => {
  it('has nothing to hand over when no boot was started', () => {
    expect(takePlanBoot('v1|site|person')).toBeUndefined();
  });
});

describe('hostBootTarget: what starts before React in a Microsoft 365 host', () => {
  it('starts for the sandbox persona and for NAA on a view that shows the plan', () => {
    expect(hostBootTarget(config, { hash: '#/roadmap' })).toBe(config);
    expect(hostBootTarget(config, { hash: '', frameContext: 'content' })).toBe(config);
    expect(hostBootTarget(config, { hash: '#/mijn-acties', frameContext: 'sidePanel' })).toBe(config);
    const naa: TabConfig = { ...config, auth: 'naa' };
    expect(hostBootTarget(naa, { hash: '#/lijst?status=Loopt' })).toBe(naa);
  });

  it('leaves the configuration page, the public pages, a missing configuration or persona directory to React', () => {
    expect(hostBootTarget(undefined, { hash: '#/roadmap' })).toBeUndefined();
    expect(hostBootTarget(config, { hash: '#/roadmap', frameContext: 'settings' })).toBeUndefined();
    expect(hostBootTarget(config, { hash: '#/config' })).toBeUndefined();
    expect(hostBootTarget(config, { hash: '#/privacy' })).toBeUndefined();
    expect(hostBootTarget(config, { hash: '#/over' })).toBeUndefined();
    const { personaDirectoryUrl: _, ...withoutDirectory } = config;
    expect(hostBootTarget(withoutDirectory, { hash: '#/roadmap' })).toBeUndefined();
  });
});

describe('takeNaaSignIn', () => {
  it('has nothing to hand over when no host boot was started', () => {
    expect(takeNaaSignIn()).toBeUndefined();
  });
});
