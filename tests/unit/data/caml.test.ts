import { describe, expect, it } from 'vitest';
import { caml } from '../../../src/data/lists/caml.js';
import { normalizeCaml } from '../../../src/data/provisioning.js';

describe('CAML builders for SharePoint views', () => {
  it('nests And pairwise, as CAML allows two conditions per And', () => {
    expect(caml.and('<A/>', '<B/>', '<C/>')).toBe('<And><A/><And><B/><C/></And></And>');
    expect(caml.and('<A/>')).toBe('<A/>');
    expect(() => caml.or()).toThrow();
  });

  it('escapes values and writes [Me] and [Today] the way SharePoint stores them', () => {
    expect(caml.eq('Status', 'Choice', 'R&D <x>')).toBe(
      '<Eq><FieldRef Name="Status" /><Value Type="Choice">R&amp;D &lt;x&gt;</Value></Eq>',
    );
    expect(caml.isMe('Eigenaar')).toBe(
      '<Eq><FieldRef Name="Eigenaar" LookupId="TRUE" /><Value Type="Integer"><UserID Type="Integer" /></Value></Eq>',
    );
    expect(caml.beforeToday('Deadline')).toBe(
      '<Lt><FieldRef Name="Deadline" /><Value Type="DateTime"><Today /></Value></Lt>',
    );
    expect(caml.orderBy('Prioriteit', { name: 'ID', ascending: false })).toBe(
      '<OrderBy><FieldRef Name="Prioriteit" /><FieldRef Name="ID" Ascending="FALSE" /></OrderBy>',
    );
    expect(caml.groupBy('Plateau')).toBe(
      '<GroupBy Collapse="FALSE" GroupLimit="30"><FieldRef Name="Plateau" /></GroupBy>',
    );
  });
});

describe('normalizeCaml', () => {
  it('ignores whitespace between tags, quote style and the space before />', () => {
    const ours = '<Where><Eq><FieldRef Name="Status" /><Value Type="Choice">Loopt</Value></Eq></Where>';
    const stored = "<Where>\n  <Eq><FieldRef Name='Status'/>\n  <Value Type='Choice'>Loopt</Value></Eq>\n</Where>";
    expect(normalizeCaml(stored)).toBe(normalizeCaml(ours));
  });

  it('ignores the order of the top-level elements, which SharePoint may change', () => {
    expect(
      normalizeCaml(
        '<GroupBy Collapse="FALSE"><FieldRef Name="Plateau"/></GroupBy><OrderBy><FieldRef Name="ID"/></OrderBy>',
      ),
    ).toBe(
      normalizeCaml(
        '<OrderBy><FieldRef Name="ID" /></OrderBy><GroupBy Collapse="FALSE"><FieldRef Name="Plateau" /></GroupBy>',
      ),
    );
  });

  it('still tells different queries apart', () => {
    expect(normalizeCaml('<Value Type="Choice">Loopt</Value>')).not.toBe(
      normalizeCaml('<Value Type="Choice">Loopt </Value>'),
    );
    expect(normalizeCaml('<FieldRef Name="Status"/>')).not.toBe(normalizeCaml('<FieldRef Name="Statuss"/>'));
    expect(normalizeCaml(null)).toBe('');
  });
});
