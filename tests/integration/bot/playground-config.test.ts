import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readYaml, type YamlMapping } from '../../../scripts/check-env-wiring.js';
import { zoetermeerMTs } from '../../../src/domain/plan/zoetermeer.js';
import { PERSONAS, SANDBOX_TENANT_ID } from '../../../src/sandbox/personas.js';

const env = parseEnv(readFileSync('env/.env.sandbox', 'utf8'));
const config = readYaml(readFileSync('.m365agentsplayground.yml', 'utf8')) as YamlMapping;

type User = { id: string; name: string; email: string; userPrincipleName: string; aadObjectId: string };

describe('the Playground (.m365agentsplayground.yml) matches the local run', () => {
  it('its tenant and bot are the sandbox tenant and the bot of env/.env.sandbox', () => {
    expect(config.tenantId).toBe(SANDBOX_TENANT_ID);
    expect(env.TENANT_ID).toBe(SANDBOX_TENANT_ID);
    expect((config.bot as YamlMapping).id).toBe(env.CLIENT_ID);
  });

  it('its team and channel are the ones npm start registers on a seeded MT, with Teams-style ids', () => {
    const team = config.team as YamlMapping;
    const channels = team.channels as YamlMapping[];
    expect(team.id).toBe(env.PLAYGROUND_TEAM_ID);
    expect(channels.map((c) => c.id)).toEqual([env.PLAYGROUND_CHANNEL_ID]);
    for (const id of [team.id, channels[0]?.id]) expect(id).toMatch(/^19:[a-z0-9-]+@thread\.tacv2$/);
    expect(zoetermeerMTs.map((m) => m.key)).toContain(env.PLAYGROUND_MT);
  });

  it('its people are sandbox personas (site users, so "Besproken" names them), plus one guest the site does not know', () => {
    const people = [config.currentUser as User, ...(config.users as User[])];
    const known = people.filter((p) =>
      PERSONAS.some(
        (persona) => persona.upn === p.email && persona.oid === p.aadObjectId && persona.displayName === p.name,
      ),
    );
    expect(known.length).toBe(people.length - 1);
    expect(people.filter((p) => !known.includes(p)).map((p) => p.name)).toEqual(['Gast Extern']);
    // The Playground's schema wants exactly five (it stops at start otherwise; authentication.test.ts starts it).
    expect(config.users as User[]).toHaveLength(5);
  });
});
