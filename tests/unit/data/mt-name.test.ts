import { describe, expect, it } from 'vitest';
import { mtNameProblem } from '../../../src/data/mts-store.js';
import { validationMessages as M } from '../../../src/domain/validation.js';

const mts = [
  { id: '1', value: { naam: 'CMT' } },
  { id: '2', value: { naam: 'MT Sociaal Domein' } },
  { id: '3', value: { naam: 'MT Bedrijfsvoering' } },
];

describe('mtNameProblem: no two MTs of one name', () => {
  it.each(['MT Sociaal Domein', 'mt sociaal domein', '  MT  Sociaal   Domein ', 'MT Sociaal Domeín'])(
    'refuses "%s" for a new MT, naming the MT that has it',
    (naam) => {
      expect(mtNameProblem(naam, undefined, mts)).toEqual({
        path: 'naam',
        message: M.mtNaamBestaat('MT Sociaal Domein'),
      });
    },
  );

  it('lets an MT keep its own name, in another case too', () => {
    expect(mtNameProblem('mt sociaal domein', mts[1], mts)).toBeUndefined();
  });

  it('refuses renaming an MT to another one’s name', () => {
    expect(mtNameProblem('cmt', mts[1], mts)?.message).toEqual(M.mtNaamBestaat('CMT'));
  });

  it('lets an MT that shares its name with another (from before this rule) keep it, so its other fields can be saved', () => {
    const twins = [...mts, { id: '4', value: { naam: 'CMT' } }];
    expect(mtNameProblem('CMT', twins[3], twins)).toBeUndefined();
    expect(mtNameProblem('CMT ', twins[0], twins)).toBeUndefined();
  });

  it('has nothing to say about a new name or an empty one (the required-name rule says that)', () => {
    expect(mtNameProblem('MT Dienstverlening', undefined, mts)).toBeUndefined();
    expect(mtNameProblem('   ', undefined, mts)).toBeUndefined();
  });
});
