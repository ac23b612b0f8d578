import { describe, expect, it } from 'vitest';
import { parseXmlFragment } from '../../../src/sandbox/rest/caml.js';
import { parseRestPath } from '../../../src/sandbox/rest/path.js';
import { effectiveMethod } from '../../../src/sandbox/rest/router.js';

describe('SharePoint REST paths', () => {
  it('splits segments and reads their OData arguments: strings, doubled quotes, guids, numbers', () => {
    expect(
      parseRestPath(
        "/web/lists/getByTitle('O''Brien%20%2F%20co')/items(3)/views(guid'1F2E3D4C-0000-4000-8000-000000000001')",
      ),
    ).toEqual([
      { name: 'web', key: 'web' },
      { name: 'lists', key: 'lists' },
      { name: 'getByTitle', key: 'getbytitle', args: ["O'Brien / co"] },
      { name: 'items', key: 'items', args: [3] },
      { name: 'views', key: 'views', args: ['1f2e3d4c-0000-4000-8000-000000000001'] },
    ]);
    expect(parseRestPath('/web/viewfields/removeallviewfields()')[2]).toEqual({
      name: 'removeallviewfields',
      key: 'removeallviewfields',
      args: [],
    });
    expect(parseRestPath('/')).toEqual([]);
  });

  it('refuses unbalanced quotes and parentheses with 400', () => {
    expect(() => parseRestPath("/web/lists/getByTitle('Acties)")).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseRestPath('/web/items(3')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('takes the method SharePoint acts on: X-HTTP-Method on a POST wins', () => {
    expect(effectiveMethod('POST', 'MERGE')).toBe('MERGE');
    expect(effectiveMethod('POST', 'DELETE')).toBe('DELETE');
    expect(effectiveMethod('PATCH', undefined)).toBe('MERGE');
    expect(effectiveMethod('POST', undefined)).toBe('POST');
    expect(effectiveMethod('POST', 'TRACE')).toBeUndefined();
  });
});

describe('the CAML well-formedness check', () => {
  it('parses elements, attributes in either quote style and self-closing tags', () => {
    const [where] = parseXmlFragment(
      `<Where><Eq><FieldRef Name='Status' /><Value Type="Choice">Loopt</Value></Eq></Where>`,
    );
    expect(where?.name).toBe('Where');
    expect(where?.children[0]?.children.map((c) => [c.name, c.attributes])).toEqual([
      ['FieldRef', { Name: 'Status' }],
      ['Value', { Type: 'Choice' }],
    ]);
  });

  it('refuses what is not well-formed', () => {
    for (const bad of ['<Where><Eq></Where>', '<Where>', '<A b=c/>', '<A b="1" b="2"/>', '</A>', '<!-- x --><A/>']) {
      expect(() => parseXmlFragment(bad), bad).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
