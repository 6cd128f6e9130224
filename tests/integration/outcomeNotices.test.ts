// The hearing's notice and record and the agreement of 调解 / 和解 (DOMAIN.md §5, issue #13 item
// 3), produced from a real matter through the backend and read back with pdftotext. The wording
// expected is the law's: a hearing in handling or in the 复查 rests on 条例 art. 31 item 6 and its
// days count; in the 复核 on art. 36, which leaves its days out of the 30; it is held by the body
// of its stage (the handling body, the one above it, the one above that); an agreement is drawn
// up when 调解 or 和解 reaches one (art. 33), naming both parties and the terms.
import { describe, expect, it } from 'vitest';
import { noticeDesks, type Desk } from '../support/noticeDesk';
import { TEST_BUREAU } from '../support/noticeSettings';

const { desk, register, step, noticeText, generated } = noticeDesks();

const HANDLING = '郑州市中原区人力资源和社会保障局';
const COUNTY = '郑州市中原区人民政府'; // above HANDLING: the 复查 body (art. 35)
const CITY = '郑州市人民政府'; // above COUNTY: the 复核 body (art. 36)
const PETITIONER = '张三'; // tests/support/backend.ts validVisit
const NO_CODES = /handling|review|mediation|reconciliation|petition-procedure|\d\d:\d\d|\{\{/;
const OPINION = { opinion: 'not-support', basis: '《保障农民工工资支付条例》第三条', text: '不予支持', factsFound: '经调查核实，工资已结清', reasons: '请求缺乏事实根据' };

function expectBureauContact(t: string) {
  for (const words of [TEST_BUREAU.name, TEST_BUREAU.address, TEST_BUREAU.phone]) expect(t).toContain(words);
}

/** Received 03-02, classified 03-03, accepted 03-04 by HANDLING, handling from 03-05. */
async function handling(b: Desk): Promise<string> {
  const id = await register(b);
  await step(b, id, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING });
  await step(b, id, '2026-03-04', { type: 'accept' });
  await step(b, id, '2026-03-05', { type: 'startHandling' });
  return id;
}

const hearingRecord = (days: number, factsHeard: string) => ({
  type: 'pauseForHearing',
  days,
  participants: '主持人李明；听证员王芳、赵强；信访人张三；郑州某建筑有限公司代表刘伟；记录人陈静',
  record: '主持人宣布听证纪律，双方陈述，听证员询问，双方作最后陈述',
  statements: '张三称公司拖欠工资9000元；刘伟称已支付6000元，尚欠3000元',
  factsHeard,
  documents: ['hearing-record'],
});

describe('听证 (hearing): the notice and the record, by the stage it is held in', () => {
  it('in handling (art. 31 item 6): the handling body holds it; the day and hour, the place, the rights; its days count', async () => {
    const b = await desk();
    const id = await handling(b);
    await step(b, id, '2026-03-20', { type: 'noticeHearing', hearingOn: '2026-03-27', hearingTime: '09:30', place: '郑州市中原区信访局听证室', documents: ['hearing-notice'] });
    const t = await noticeText(b, id, 'hearing-notice');
    for (const words of [
      '信访事项听证通知书',
      `${PETITIONER}：`,
      '现正在办理中',
      '《信访工作条例》第三十一条第六项',
      `${HANDLING}决定就该事项举行听证`,
      '听证时间：2026年3月27日9时30分',
      '听证地点：郑州市中原区信访局听证室',
      `听证机关：${HANDLING}`,
      '陈述事实和理由',
      '申请回避',
      '委托代理人',
      '听证所需时间计算在办理期限内',
    ]) expect(t).toContain(words);
    expectBureauContact(t);
    // The body that holds the hearing issues its notice.
    expect(t.slice(-120)).toContain(HANDLING);
    expect(t).not.toMatch(NO_CODES);

    await step(b, id, '2026-03-27', hearingRecord(1, '公司尚欠张三工资3000元，双方无异议'));
    const r = await noticeText(b, id, 'hearing-record');
    for (const words of [
      '信访事项听证笔录',
      `听证机关${HANDLING}`,
      '听证时间2026年3月27日9时30分',
      '听证地点郑州市中原区信访局听证室',
      '听证所用时间1日',
      // A cell of two lines: its label sits between them in the text.
      '主持人李明；听证员王芳、赵强；信访人张三',
      '《信访工作条例》第三十一条第六项',
      '一、听证经过：主持人宣布听证纪律',
      '二、听证参加人的陈述：张三称公司拖欠工资9000元',
      '三、听证查明的事实：公司尚欠张三工资3000元，双方无异议',
      '听证主持人签名',
      '信访人（代理人）签名',
    ]) expect(r).toContain(words);
    expect(r).not.toMatch(NO_CODES);
  }, 120_000);

  it('in the 复查 the body above holds it; in the 复核 the body above that, citing art. 36, its days not counted; a record stays with its own hearing', async () => {
    const b = await desk();
    const id = await handling(b);
    await step(b, id, '2026-03-20', { type: 'noticeHearing', hearingOn: '2026-03-27', hearingTime: '09:30', place: '区信访局听证室' });
    await step(b, id, '2026-03-27', hearingRecord(1, '公司尚欠张三工资3000元'));
    await step(b, id, '2026-05-20', { type: 'reply', ...OPINION });
    await step(b, id, '2026-05-21', { type: 'deliver', method: 'in-person', to: PETITIONER });
    await step(b, id, '2026-06-01', { type: 'requestReview' });
    await step(b, id, '2026-06-05', { type: 'noticeHearing', hearingOn: '2026-06-10', hearingTime: '15:00', place: '区政府第二会议室', documents: ['hearing-notice'] });
    const review = await noticeText(b, id, 'hearing-notice');
    for (const words of ['现正在复查中', '《信访工作条例》第三十一条第六项', `${COUNTY}决定就该事项举行听证`, '听证时间：2026年6月10日15时', '听证所需时间计算在复查期限内']) expect(review).toContain(words);
    await step(b, id, '2026-06-10', { ...hearingRecord(1, '复查听证查明工资已结清'), documents: [] });
    await step(b, id, '2026-06-20', { type: 'reviewOpinion', decision: 'uphold', ...OPINION });
    await step(b, id, '2026-06-22', { type: 'deliver', method: 'in-person', to: PETITIONER });
    await step(b, id, '2026-07-01', { type: 'requestReReview' });
    await step(b, id, '2026-07-06', { type: 'noticeHearing', hearingOn: '2026-07-10', hearingTime: '14:00', place: '市信访局听证室', documents: ['hearing-notice'] });
    const reReview = await noticeText(b, id, 'hearing-notice');
    for (const words of ['现正在复核中', '《信访工作条例》第三十六条', `${CITY}决定就该事项举行听证`, `听证机关：${CITY}`, '听证时间：2026年7月10日14时', '听证所需时间不计算在复核期限内']) {
      expect(reReview).toContain(words);
    }
    expect(reReview.slice(-120)).toContain(CITY);
    // Noticed, not yet held: the record issued now is the 复查 hearing's, held by COUNTY.
    const earlier = await generated(b, id, 'hearing-record');
    for (const words of [`听证机关${COUNTY}`, '听证时间2026年6月10日15时', '复查听证查明工资已结清']) expect(earlier).toContain(words);
    await step(b, id, '2026-07-10', hearingRecord(3, '复核听证查明工资已结清'));
    const held = await noticeText(b, id, 'hearing-record');
    for (const words of [`听证机关${CITY}`, '听证所用时间3日', '《信访工作条例》第三十六条', '不计算在复核期限内', '复核听证查明工资已结清']) expect(held).toContain(words);
  }, 180_000);

  it('no notice or record before the step that makes it', async () => {
    const b = await desk();
    const id = await handling(b);
    for (const kind of ['hearing-notice', 'hearing-record'] as const) {
      expect(await b.dispatch('documents.generate', { matterId: id, kind })).toMatchObject({ ok: false, code: 'notice_unavailable' });
    }
    await step(b, id, '2026-03-20', { type: 'noticeHearing', hearingOn: '2026-03-27', hearingTime: '09:30', place: '区信访局听证室' });
    expect(await b.dispatch('documents.generate', { matterId: id, kind: 'hearing-record' })).toMatchObject({ ok: false, code: 'notice_unavailable' });
  }, 120_000);

  it('a hearing noticed without its hour, or recorded without participants, statements and facts heard, is refused in words', async () => {
    const b = await desk();
    const id = await handling(b);
    const noHour = await b.dispatch('matters.command', { matterId: id, command: { at: '2026-03-20T10:00:00+08:00', type: 'noticeHearing', hearingOn: '2026-03-27', place: '听证室' } });
    expect(noHour).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('听证时间') });
    await step(b, id, '2026-03-20', { type: 'noticeHearing', hearingOn: '2026-03-27', hearingTime: '09:30', place: '听证室' });
    const bare = await b.dispatch('matters.command', { matterId: id, command: { at: '2026-03-27T10:00:00+08:00', type: 'pauseForHearing', days: 1, record: '已听证' } });
    expect(bare).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('听证参加人') });
  }, 120_000);
});

describe('调解 / 和解 (art. 33): the agreement', () => {
  const terms = '郑州某建筑有限公司于2026年4月30日前向张三支付工资3000元；张三不再就此事项提出其他请求';

  it('调解协议书: both parties, the matter, the terms, the mediating body, when it binds and what if it is not kept', async () => {
    const b = await desk();
    const id = await handling(b);
    await step(b, id, '2026-04-10', { type: 'settle', kind: 'mediation', otherParty: '郑州某建筑有限公司', agreement: terms, documents: ['mediation-agreement'] });
    const t = await noticeText(b, id, 'mediation-agreement');
    for (const words of [
      '调解协议书',
      `当事人（信访人）${PETITIONER}`,
      '对方当事人郑州某建筑有限公司',
      `主持调解的机关${HANDLING}`,
      '反映的“反映某公司拖欠工资三个月，请求督促支付”一事',
      '经双方当事人同意进行调解',
      '《信访工作条例》第三十三条',
      `一、双方当事人约定：${terms}`,
      '自双方当事人签名或者盖章之日起生效',
      '以调解方式办结',
      '依法通过诉讼等途径解决',
      '信访人签名或者盖章',
      '对方当事人签名或者盖章',
      '调解人签名',
      '2026年4月10日',
    ]) expect(t).toContain(words);
    expectBureauContact(t);
    expect(t).not.toMatch(NO_CODES);
    // Mediated, not reconciled: no 和解协议书 goes out for it.
    expect(await b.dispatch('documents.generate', { matterId: id, kind: 'reconciliation-agreement' })).toMatchObject({ ok: false, code: 'notice_unavailable', message: expect.stringContaining('和解') });
  }, 120_000);

  it('和解协议书: reached by the parties, the handling body guiding; issued from the file', async () => {
    const b = await desk();
    const id = await handling(b);
    await step(b, id, '2026-04-10', { type: 'settle', kind: 'reconciliation', otherParty: '郑州某建筑有限公司', agreement: terms });
    const t = await generated(b, id, 'reconciliation-agreement');
    for (const words of ['和解协议书', `引导和解的机关${HANDLING}`, `${HANDLING}在办理过程中，引导双方当事人自愿和解`, '《信访工作条例》第三十三条', '以和解方式办结', terms]) expect(t).toContain(words);
    expect(await b.dispatch('documents.generate', { matterId: id, kind: 'mediation-agreement' })).toMatchObject({ ok: false, code: 'notice_unavailable' });
  }, 120_000);

  it('only for 申诉求决 matters: a 检举控告 is never settled with the accused (arts. 30, 33)', async () => {
    const b = await desk();
    const id = await register(b, '举报某局长收受礼金');
    await step(b, id, '2026-03-03', { type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '郑州市中原区纪委监委' });
    await step(b, id, '2026-03-04', { type: 'accept' });
    await step(b, id, '2026-03-05', { type: 'startHandling' });
    const r = await b.dispatch('matters.command', { matterId: id, command: { at: '2026-04-10T10:00:00+08:00', type: 'settle', kind: 'reconciliation', otherParty: '某局长', agreement: '撤回举报' } });
    expect(r).toMatchObject({ ok: false, code: 'route_mismatch', message: expect.stringContaining('申诉求决') });
  }, 120_000);

  it('is role-checked like every notice: the 管理员, who does no casework, cannot issue one', async () => {
    const b = await desk();
    const id = await handling(b);
    await step(b, id, '2026-04-10', { type: 'settle', kind: 'mediation', otherParty: '郑州某建筑有限公司', agreement: terms });
    expect(await b.callAs('admin', 'documents.generate', { matterId: id, kind: 'mediation-agreement' })).toMatchObject({ ok: false, code: 'forbidden' });
    // A 登记员 (clerk) issues it, as any notice.
    await b.as('clerk');
    expect(await b.dispatch('documents.generate', { matterId: id, kind: 'mediation-agreement' })).toMatchObject({ ok: true });
  }, 120_000);
});
