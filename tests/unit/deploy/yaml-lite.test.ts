import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/check-env-wiring.js';
import { parseYamlLite } from '../../../scripts/yaml-lite.js';

describe('the minimal YAML reader', () => {
  it('reads nested mappings, sequences of mappings and the compact "key:\\n- item" form', () => {
    const doc = parseYamlLite(
      [
        'version: v1.11',
        'provision:',
        '  - uses: teamsApp/create # a comment',
        '    with:',
        '      name: Actieplan (${{APP_NAME_SUFFIX}})',
        '    writeToEnvironmentFile:',
        '      teamsAppId: TEAMS_APP_ID',
        '  - uses: arm/deploy',
        '    with:',
        '      templates:',
        '      - path: ./infra/azure.bicep',
        '        deploymentName: x',
        'deploy:',
        '- uses: cli/runNpmCommand',
        '  with:',
        '    args: ci',
      ].join('\n'),
    );
    expect(doc).toEqual({
      version: 'v1.11',
      provision: [
        { uses: 'teamsApp/create', with: { name: 'Actieplan (${{APP_NAME_SUFFIX}})' }, writeToEnvironmentFile: { teamsAppId: 'TEAMS_APP_ID' } },
        { uses: 'arm/deploy', with: { templates: [{ path: './infra/azure.bicep', deploymentName: 'x' }] } },
      ],
      deploy: [{ uses: 'cli/runNpmCommand', with: { args: 'ci' } }],
    });
  });

  it('types plain scalars as YAML 1.2 core does, and keeps quoted ones as text', () => {
    expect(parseYamlLite('a: true\nb: false\nc: 180\nd: ~\ne: "180"\nf: \'true\'\ng: -3\nh: 1.5')).toEqual({
      a: true,
      b: false,
      c: 180,
      d: null,
      e: '180',
      f: 'true',
      g: -3,
      h: '1.5',
    });
  });

  it('keeps "#" inside quotes and inside words, and drops comments after whitespace', () => {
    expect(parseYamlLite('a: "x # y" # gone\nb: \'it\'\'s # kept\'\nc: C#sharp\nd: x # gone')).toEqual({
      a: 'x # y',
      b: "it's # kept",
      c: 'C#sharp',
      d: 'x',
    });
  });

  it('reads escapes in double quotes and an empty value as null', () => {
    expect(parseYamlLite('a: "line\\nnext \\"q\\""\nb:\nc: x')).toEqual({ a: 'line\nnext "q"', b: null, c: 'x' });
  });

  it('reads sequences of scalars and nested sequences', () => {
    expect(parseYamlLite('channels:\n  - name: msteams\nlist:\n  - a\n  - - b\n    - c\n  -\n    d: 1')).toEqual({
      channels: [{ name: 'msteams' }],
      list: ['a', ['b', 'c'], { d: 1 }],
    });
  });

  it.each([
    ['a: [1, 2]', /line 1: flow collections are not supported/],
    ['a: {b: 1}', /line 1: flow collections are not supported/],
    ['a: |\n  text', /line 1: block scalars are not supported/],
    ['a: &anchor x', /line 1: anchors, aliases and tags are not supported/],
    ['a: 1\na: 2', /line 2: duplicate key a/],
    ['a:\n\tb: 1', /line 2: tabs are not allowed/],
    ['a: b: c', /line 1: a plain scalar cannot contain ": "/],
    ['a: first\n  second', /line 1: multi-line scalars are not supported/],
    ['---\na: 1', /line 1: document markers are not supported/],
    ['a: "open', /line 1: unterminated quoted scalar/],
    ['  a: 1', /line 1: the document must start at column 1/],
    ['a:\n  b: 1\n c: 2', /line 3: unexpected indentation/],
    ['just text', /line 1: expected "key: value"/],
  ])('refuses what it does not understand: %j', (text, message) => {
    expect(() => parseYamlLite(text)).toThrow(message);
  });

  it('reads both project files of this repository', async () => {
    for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const doc = parseYamlLite(await readFile(path.join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;
      expect(doc.version, file).toBe('v1.11');
      expect(Array.isArray(doc.provision), file).toBe(true);
    }
  });
});
