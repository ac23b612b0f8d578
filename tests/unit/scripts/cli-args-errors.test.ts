import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { argsErrorNl } from '../../../scripts/cli-io.js';

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
