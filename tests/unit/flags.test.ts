// A matter's flags (domain/intake/flags.ts): pickFlags copies exactly the nine of them out of a
// row that holds them among other columns, and refuses one that is not a flag's value.
import { describe, expect, it } from 'vitest';
import { flagsSchema, pickFlags } from '../../domain/intake/flags';

const NONE = flagsSchema.parse({});

describe('pickFlags', () => {
  it('takes the flags of a row and leaves its other columns', () => {
    const row = { id: 'm-1', summary: '拖欠工资', ...NONE, skipLevel: 'province', lawRelated: true, status: 'registered' };
    expect(pickFlags(row)).toEqual({ ...NONE, skipLevel: 'province', lawRelated: true });
  });

  it('refuses a row whose 越级 level is not one the form offers', () => {
    expect(() => pickFlags({ ...NONE, skipLevel: 'county' })).toThrow();
  });
});
