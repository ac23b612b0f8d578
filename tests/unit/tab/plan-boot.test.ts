import { describe, expect, it } from 'vitest';
import type { TabConfig } from '../../../src/shared/wire.js';
import { bootTarget, takePlanBoot } from '../../../src/tab/lib/plan/plan-boot.js';

const config: TabConfig = {
  graphBaseUrl: 'http://127.0.0.1:1/v1.0',
  tokenUrl: 'http://127.0.0.1:1/oauth2/v2.0/token',
  siteUrl: 'http://127.0.0.1:1/sites/actieplan',
  clientId: 'client',
  auth: 'persona',
  personaDirectoryUrl: 'http://127.0.0.1:1/_sandbox/personas',
};
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
