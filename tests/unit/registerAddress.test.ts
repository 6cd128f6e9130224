// A register view in the address bar: written by the register page, read back on a reload or from
// a link on 统计, the same view; a damaged address opens the whole register, never half a filter.
import { describe, expect, it } from 'vitest';
import { registerQuery, registerViewOf } from '../../domain/register/address';
import { defaultSort, emptyFilter, registerFilterSchema } from '../../domain/register/filter';

describe('register address', () => {
  it('round-trips every filter, a drill-down and an order', () => {
    const filter = registerFilterSchema.parse({
      states: ['accepted', 'handling'],
      classes: ['complaint', 'none'],
      routes: ['petition-procedure'],
      categories: ['01', '0302'],
      places: ['410102001', 'none'],
      units: ['县住建局', '某镇人民政府（A&B=C）'],
      channels: ['letter'],
      from: '2026-01-01',
      to: '2026-03-31',
      deadline: 'overdue',
      flags: ['skipLevel', 'majorUrgent'],
      devices: ['410102-D001'],
      drill: { kind: 'indicator', indicator: 'onTimeClosure', part: 'numerator', from: '2026-01-01', to: '2026-03-31' },
    });
    const sort = { key: 'nextDue', dir: 'asc' } as const;
    const query = registerQuery(filter, sort);
    expect(query).toContain('view=register');
    expect(registerViewOf(`?${query}`)).toEqual({ filter, sort });
    const visits = registerFilterSchema.parse({ drill: { kind: 'visits', visits: 'repeat', from: '2026-02-01', to: '2026-02-28' } });
    expect(registerViewOf(registerQuery(visits, defaultSort()))).toEqual({ filter: visits, sort: defaultSort() });
  });

  it('writes nothing for the whole register in its default order', () => {
    expect(registerQuery(emptyFilter(), defaultSort())).toBe('view=register');
  });

  it('is not a register view without view=register, and a damaged one opens the whole register', () => {
    expect(registerViewOf('?states=accepted')).toBeNull();
    expect(registerViewOf('?view=register&states=accepted&categories=1')).toEqual({ filter: emptyFilter(), sort: defaultSort() });
    expect(registerViewOf('?view=register&sort=sideways~up')).toEqual({ filter: emptyFilter(), sort: defaultSort() });
    expect(registerViewOf('?view=register&drill=indicator~nonsense')).toEqual({ filter: emptyFilter(), sort: defaultSort() });
  });
});
