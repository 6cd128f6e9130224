// The pre-screen before classification (DOMAIN.md §3), as a table: each ground in the order the
// rules give them, what the window does next, the body to go to, the basis, and the bodies the
// 越级, 涉法涉诉 and 三跨三分离 marks propose.
import { describe, expect, it } from 'vitest';
import { prescreen, proposedBodies, type PrescreenAnswers } from '../../domain/matters/prescreen';
import { applyCommand, initialLifecycle } from '../../domain/matters/applyCommand';
import { at, command } from '../support/matterCommands';

const none: PrescreenAnswers = { terminatedSameRequest: false, pendingAt: '', otherOrgan: null, skipLevel: null, lawRelated: false, channel: 'visit' };
const noJoint = { crossRegion: false, crossDepartment: false, crossSector: false, personHouseholdApart: false, personMatterApart: false, matterHouseholdApart: false };

describe('prescreen', () => {
  it.each([
    ['nothing screens it out: classify', {}, { kind: 'classify' }],
    ['a terminated matter raised again: 不再受理 (art. 36)', { terminatedSameRequest: true }, { kind: 'decline', ground: 'terminated', basis: '《信访工作条例》第三十六条' }],
    ['pending at another body: not accepted again, told where', { pendingAt: '某镇人民政府' }, { kind: 'decline', ground: 'pending-elsewhere', toBody: '某镇人民政府' }],
    ['a skip-level visit: guided to the competent level', { skipLevel: 'province' }, { kind: 'decline', ground: 'skip-level', toBody: '有权处理的本级机关（逐级走访）' }],
    ['within a people’s congress’s powers', { otherOrgan: 'peoples-congress' }, { kind: 'decline', ground: 'outside-powers', toBody: '人民代表大会及其常务委员会' }],
    ['within a court’s powers', { otherOrgan: 'court' }, { kind: 'decline', ground: 'outside-powers', toBody: '人民法院' }],
    ['within a procuratorate’s powers', { otherOrgan: 'procuratorate' }, { kind: 'decline', ground: 'outside-powers', toBody: '人民检察院' }],
    ['涉法涉诉 by letter: transferred to the political-legal organs', { lawRelated: true, channel: 'letter' }, { kind: 'law-related', next: 'transfer', toBody: '政法机关', basis: '《信访工作条例》第三十一条第一项' }],
    ['涉法涉诉 online: as a letter', { lawRelated: true, channel: 'online' }, { kind: 'law-related', next: 'transfer' }],
    ['涉法涉诉 in person: guided', { lawRelated: true, channel: 'visit' }, { kind: 'law-related', next: 'guide' }],
    // The order of DOMAIN.md §3: the first ground that applies decides.
    ['terminated comes before pending', { terminatedSameRequest: true, pendingAt: '县人民法院' }, { ground: 'terminated' }],
    ['pending comes before skip-level', { pendingAt: '某镇人民政府', skipLevel: 'city' }, { ground: 'pending-elsewhere' }],
    ['skip-level comes before another organ', { skipLevel: 'national', otherOrgan: 'court' }, { ground: 'skip-level' }],
    ['another organ comes before 涉法涉诉', { otherOrgan: 'court', lawRelated: true }, { ground: 'outside-powers' }],
  ] as const)('%s', (_name, answers, expected) => {
    const outcome = prescreen({ ...none, ...answers }, noJoint);
    expect(outcome).toMatchObject(expected);
    if (outcome.kind !== 'classify') expect(outcome.visitorText).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says where a pending matter is, in the words for the visitor', () => {
    const o = prescreen({ ...none, pendingAt: '县人力资源和社会保障局' }, noJoint);
    expect(o.kind === 'decline' && o.visitorText).toContain('正在县人力资源和社会保障局办理中');
  });

  it('refuses answers of the wrong shape', () => {
    expect(() => prescreen({ ...none, otherOrgan: 'police' } as unknown as PrescreenAnswers, noJoint)).toThrow();
  });
});

describe('the 越级 and 三跨三分离 marks propose the bodies involved', () => {
  it.each([
    [{}, []],
    [{ skipLevel: 'province' }, ['有权处理的本级机关（逐级走访）']],
    [{ lawRelated: true }, ['政法机关']],
    [{ crossRegion: true }, ['涉及各地区的有权处理机关（联合办理）']],
    [{ crossDepartment: true, crossSector: true }, ['涉及各部门（联合办理）', '涉及各行业的主管部门（联合办理）']],
    [{ personHouseholdApart: true }, ['信访人户籍地和现住地的有关机关']],
    [{ personMatterApart: true, matterHouseholdApart: true }, ['信访人所在地和事项发生地的有关机关', '事项发生地和信访人户籍地的有关机关']],
  ] as const)('%o -> %o', (marks, bodies) => {
    expect(proposedBodies({ ...noJoint, skipLevel: null, lawRelated: false, ...marks })).toEqual(bodies);
  });
  it('a classify outcome carries them', () => {
    expect(prescreen(none, { ...noJoint, crossRegion: true })).toEqual({ kind: 'classify', proposedBodies: ['涉及各地区的有权处理机关（联合办理）'] });
  });
});

describe('a screened-out matter is declined before any class is given', () => {
  it('decline from registered, with the ground and the body to go to', () => {
    const r = applyCommand(initialLifecycle('2025-03-03'), command('decline', at('2025-03-03'), { ground: 'pending-elsewhere', toBody: '某镇人民政府' }));
    expect(r.ok && r.value.matter).toMatchObject({ state: 'not-accepted', routedOn: '2025-03-03', class: null, deadlines: null });
    expect(r.ok && r.value.transition.command).toMatchObject({ ground: 'pending-elsewhere', toBody: '某镇人民政府' });
  });
});
