// Every notice the window issues, produced from a real matter through the backend and read back
// with pdftotext (DOMAIN.md §5): bodies, routes and reasons in words (never a code), the article,
// the body to go to, the deadline, and the remedy with its body and time limit. Expected wording
// and days come from DOMAIN.md and the 条例, counted by hand (comments), not from the code.
import { describe, expect, it } from 'vitest';
import { noticeDesks, type Desk } from '../support/noticeDesk';
import { TEST_BUREAU } from '../support/noticeSettings';

const { desk, setDay, register, step, noticeText, generated } = noticeDesks();

const HANDLING = '郑州市中原区人力资源和社会保障局';
const COUNTY = '郑州市中原区人民政府'; // the body above HANDLING: reviews (条例 art. 35)
const CITY = '郑州市人民政府'; // the body above COUNTY: re-reviews (art. 36)
const FACTS_FOUND = '经调查核实，某公司拖欠张三2026年1月至3月工资共计9000元';
const REPLY = { type: 'reply', opinion: 'support', basis: '《保障农民工工资支付条例》第三条', text: '责令该公司于30日内足额支付', factsFound: FACTS_FOUND, reasons: '拖欠工资事实清楚，应当依法支付', documents: ['handling-opinion'] };
const NO_CODES = /skip-level|pending-elsewhere|outside-powers|terminated|arbitration|petition-procedure|litigation|\{\{/;

/** Every notice is signed by a body in words and carries the bureau's contact where it issues it. */
function expectBureau(text: string) {
  expect(text).toContain(TEST_BUREAU.name);
  expect(text).toContain(TEST_BUREAU.phone);
  expect(text).toContain(TEST_BUREAU.address);
  expect(text).not.toContain('县信访局');
  expect(text).not.toMatch(NO_CODES);
}

/** Received 03-02, classified 03-03, accepted 03-04 by HANDLING, handling from 03-05. */
async function accepted(b: Desk): Promise<string> {
  const id = await register(b);
  await step(b, id, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING });
  await step(b, id, '2026-03-04', { type: 'accept', documents: ['acceptance-notice'] });
  await step(b, id, '2026-03-05', { type: 'startHandling' });
  return id;
}

/** ... replied 05-20 and the reply delivered 05-21. */
async function delivered(b: Desk): Promise<string> {
  const id = await accepted(b);
  await step(b, id, '2026-05-20', REPLY);
  await step(b, id, '2026-05-21', { type: 'deliver', method: 'in-person', to: '张三' });
  return id;
}

describe('notices issued by the bureau', () => {
  it('none goes out before the administrator sets the bureau', async () => {
    const b = await desk(false);
    const id = await register(b);
    expect(await b.dispatch('documents.generate', { matterId: id, kind: 'registration-receipt' })).toMatchObject({ ok: false, code: 'bureau_not_set' });
  });

  it('受理告知书: the handling body, the 60-day deadline, where to ask, art. 22', async () => {
    const b = await desk();
    const id = await accepted(b);
    const t = await noticeText(b, id, 'acceptance-notice');
    expectBureau(t);
    expect(t).toContain(`该事项由${HANDLING}依法办理`);
    // 60 days from 03-04 is Sun 05-03, inside the 劳动节 break (05-01..05-05) -> Wed 05-06.
    expect(t).toContain('2026年5月6日前');
    expect(t).toContain('《信访工作条例》第二十二条');
  }, 120_000);

  it.each([
    // The bureau's default target, 60 days from 03-04, is Sun 05-03, inside the 劳动节 break -> Wed 05-06.
    ['检举控告 to 纪检监察', { class: 'accusation', route: 'discipline-inspection', body: '郑州市中原区纪委监委' }, 'accept', '2026年5月6日前'],
    ['建议意见', { class: 'suggestion', route: 'study-and-reply', body: HANDLING }, 'accept', '2026年5月6日前'],
    // 10 working days from Wed 03-04: 03-05, 06, 09…13, 16, 17, 18 -> Wed 03-18.
    ['简易办理', { class: 'complaint', route: 'petition-procedure', body: HANDLING }, 'acceptSimplified', '2026年3月18日前'],
  ])('受理告知书 of a %s promises the reply by the last day of its own track (DOMAIN §4)', async (_, classification, accept, replyBy) => {
    const b = await desk();
    const id = await register(b);
    await step(b, id, '2026-03-03', { type: 'classify', ...classification });
    await step(b, id, '2026-03-04', { type: accept, documents: ['acceptance-notice'] });
    const t = await noticeText(b, id, 'acceptance-notice');
    expectBureau(t);
    expect(t).toContain(`该事项由${classification.body}依法办理`);
    expect(t).toContain(replyBy);
  }, 120_000);

  it.each([
    // ground, body, the finding in words, what it cites, where to go
    ['skip-level', '郑州市中原区住房和城乡建设局', '越级提出信访事项', '《信访工作条例》关于逐级走访的规定', '请你逐级走访，向郑州市中原区住房和城乡建设局提出'],
    ['pending-elsewhere', '郑州市中原区自然资源局', '已经有权处理的机关受理并正在办理期限内', '《信访工作条例》关于信访事项在办理期间不重复受理的规定', '该事项正在郑州市中原区自然资源局办理'],
    ['outside-powers', '郑州市中原区人民法院', '不属于本机关职权范围', '《信访工作条例》第二十二条', '请你向郑州市中原区人民法院提出'],
    ['terminated', '', '已经办理、复查、复核并已终结', '《信访工作条例》第三十六条', '该事项不再受理'],
  ])('不予受理告知书 for %s names the reason and the body in words', async (ground, toBody, finding, cites, whereToGo) => {
    const b = await desk();
    const id = await register(b);
    await step(b, id, '2026-03-03', { type: 'decline', ground, toBody, reason: '经窗口审查核实', documents: ['non-acceptance-notice'] });
    const t = await noticeText(b, id, 'non-acceptance-notice');
    expectBureau(t);
    for (const words of [finding, cites, whereToGo, '决定不予受理']) expect(t).toContain(words);
  }, 120_000);

  it('a decline without its ground or body is refused and writes nothing', async () => {
    const b = await desk();
    const id = await register(b);
    const r = await b.dispatch('matters.command', { matterId: id, command: { at: '2026-03-03T10:00:00+08:00', type: 'decline', reason: '越级' } });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('导入法定途径告知书 names the route and the body in words, art. 31', async () => {
    const b = await desk();
    const id = await register(b);
    const body = '郑州市中原区劳动人事争议仲裁委员会';
    await step(b, id, '2026-03-03', { type: 'classify', class: 'complaint', route: 'arbitration', body });
    await step(b, id, '2026-03-04', { type: 'guide', documents: ['legal-route-notice'] });
    const t = await noticeText(b, id, 'legal-route-notice');
    expectBureau(t);
    expect(t).toContain('属于应当通过仲裁程序解决的事项');
    expect(t).toContain(`向${body}提出`);
    expect(t).toContain('《信访工作条例》第三十一条');
  }, 120_000);

  it('延期办理告知书: the reason, the approval and the new deadline, art. 34', async () => {
    const b = await desk();
    const id = await accepted(b);
    await step(b, id, '2026-04-20', { type: 'extend', days: 30, reason: '需要补充调查取证', approvedBy: '张局长', documents: ['extension-notice'] });
    const t = await noticeText(b, id, 'extension-notice');
    expectBureau(t);
    // 05-06 + 30 = Fri 06-05.
    for (const words of ['原应于2026年5月6日前办结', '因需要补充调查取证', `经${HANDLING}负责人批准`, '办理期限延长至2026年6月5日', '《信访工作条例》第三十四条']) expect(t).toContain(words);
  }, 120_000);

  it('the city’s own handling target of 30 days sets a 建议意见’s reply day and its extension', async () => {
    const b = await desk(true, { syncIntervalMinutes: 5, groupVisitThreshold: 5, handlingTargetDays: 30 });
    const id = await register(b);
    await step(b, id, '2026-03-03', { type: 'classify', class: 'suggestion', route: 'study-and-reply', body: HANDLING });
    await step(b, id, '2026-03-04', { type: 'accept', documents: ['acceptance-notice'] });
    // 30 days from Wed 03-04 is Fri 04-03, a working day (清明 is 04-04..04-06).
    expect(await noticeText(b, id, 'acceptance-notice')).toContain('2026年4月3日前');
    await step(b, id, '2026-03-05', { type: 'startHandling' });
    await step(b, id, '2026-03-20', { type: 'extend', days: 30, reason: '需要征求相关部门意见', approvedBy: '张局长', documents: ['extension-notice'] });
    const t = await noticeText(b, id, 'extension-notice');
    // 04-03 + 30 = Sun 05-03, inside the 劳动节 break (05-01..05-05) -> Wed 05-06.
    for (const words of ['原应于2026年4月3日前办结', '办理期限延长至2026年5月6日']) expect(t).toContain(words);
  }, 120_000);
});

describe('the opinions and what follows them', () => {
  it('处理意见书: facts found apart from the request, reasons, opinion, basis; 复查 within 30 days to the body above', async () => {
    const b = await desk();
    const id = await accepted(b);
    await step(b, id, '2026-05-20', REPLY);
    const t = await noticeText(b, id, 'handling-opinion');
    expect(t).toContain(`二、调查核实的事实：${FACTS_FOUND}`);
    expect(t).toContain('三、理由：拖欠工资事实清楚，应当依法支付');
    expect(t).toContain('四、法律法规及政策依据：《保障农民工工资支付条例》第三条');
    expect(t).toContain('五、处理意见：对你的信访请求予以支持');
    expect(t).toContain('《信访工作条例》第三十二条');
    expect(t).toContain(`自收到本意见书之日起30日内，向${COUNTY}书面请求复查`);
    // The handling body issues its own opinion.
    expect(t.slice(-200)).toContain(HANDLING);
    expect(t).not.toMatch(NO_CODES);
  }, 120_000);

  it('复查意见书: its own basis, and 变更 (never 维持) when the request is supported; 复核 within 30 days to the body above that', async () => {
    const b = await desk();
    const id = await delivered(b);
    await step(b, id, '2026-06-01', { type: 'requestReview' });
    // A supported request cannot leave the opinion standing.
    const wrong = await b.dispatch('matters.command', {
      matterId: id,
      command: { at: '2026-06-20T10:00:00+08:00', type: 'reviewOpinion', opinion: 'support', decision: 'uphold', basis: 'x', text: 'y', factsFound: 'f', reasons: 'r' },
    });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('不能维持') });
    await step(b, id, '2026-06-20', {
      type: 'reviewOpinion', opinion: 'support', decision: 'modify', basis: '《劳动合同法》第三十条', text: '支付期限改为15日',
      factsFound: '复查查明欠薪数额为12000元', reasons: '原处理意见认定数额有误', documents: ['review-opinion'],
    });
    const t = await noticeText(b, id, 'review-opinion');
    expect(t).toContain(`你不服${HANDLING}于2026年5月20日`);
    expect(t).toContain('四、法律法规及政策依据：《劳动合同法》第三十条');
    expect(t).toContain(`对你的复查请求予以支持，变更${HANDLING}于2026年5月20日作出的信访处理意见`);
    expect(t).toContain('《信访工作条例》第三十五条');
    expect(t).toContain(`自收到本意见书之日起30日内，向${CITY}书面请求复核`);
    expect(t.slice(-200)).toContain(COUNTY);
  }, 120_000);

  it('复核意见书 (维持) and then the 不再受理告知书 for the terminated matter raised again', async () => {
    const b = await desk();
    const id = await delivered(b);
    await step(b, id, '2026-06-01', { type: 'requestReview' });
    await step(b, id, '2026-06-20', { type: 'reviewOpinion', opinion: 'not-support', decision: 'uphold', basis: '《保障农民工工资支付条例》第三条', text: '予以维持', factsFound: '复查查明事实属实', reasons: '原意见正确' });
    await step(b, id, '2026-06-22', { type: 'deliver', method: 'post', to: '张三' });
    await step(b, id, '2026-07-01', { type: 'requestReReview' });
    await step(b, id, '2026-07-20', { type: 'reReviewOpinion', opinion: 'explain', decision: 'uphold', basis: '《信访工作条例》第三十六条', text: '复查意见正确', factsFound: '复核查明事实属实', reasons: '复查意见正确', documents: ['re-review-opinion'] });
    const t = await noticeText(b, id, 're-review-opinion');
    expect(t).toContain(`对你的复核请求作出解释说明，维持${COUNTY}于2026年6月20日作出的复查意见`);
    expect(t).toContain('不再受理');
    expect(t.slice(-200)).toContain(CITY);
    await step(b, id, '2026-07-22', { type: 'deliver', method: 'in-person', to: '张三' });
    await step(b, id, '2026-07-25', { type: 'terminate' });
    setDay('2026-08-03');
    const again = await generated(b, id, 'no-further-acceptance-notice');
    expectBureau(again);
    for (const words of ['你于2026年8月3日', `${CITY}已于2026年7月20日出具复核意见`, '已于2026年7月25日终结', '《信访工作条例》第三十六条', '不再受理']) expect(again).toContain(words);
  }, 180_000);

  it('复查 asked too late: refused in writing with the day the 30 days ran out and the body', async () => {
    const b = await desk();
    const id = await delivered(b);
    // 30 days from 05-21 is Sat 06-20 (端午 06-19..06-21) -> Mon 06-22: still in time that day.
    setDay('2026-06-22');
    expect(await b.dispatch('documents.generate', { matterId: id, kind: 'late-review-notice' })).toMatchObject({ ok: false, code: 'request_in_time' });
    setDay('2026-06-23');
    const t = await generated(b, id, 'late-review-notice');
    expectBureau(t);
    for (const words of ['你于2026年6月23日', '2026年5月21日收到信访处理意见书', `30日内向${COUNTY}提出`, '该期限已于2026年6月22日届满', '《信访工作条例》第三十五条', '不予受理']) expect(t).toContain(words);
  }, 120_000);

  it('复核 asked too late: refused in writing with the day and the body above the reviewer', async () => {
    const b = await desk();
    const id = await delivered(b);
    await step(b, id, '2026-06-01', { type: 'requestReview' });
    await step(b, id, '2026-06-20', { type: 'reviewOpinion', opinion: 'not-support', decision: 'uphold', basis: 'b', text: 't', factsFound: 'f', reasons: 'r' });
    await step(b, id, '2026-06-22', { type: 'deliver', method: 'post', to: '张三' });
    // 30 days from 06-22 is Wed 07-22.
    setDay('2026-07-23');
    const t = await generated(b, id, 'late-re-review-notice');
    for (const words of ['2026年6月22日收到复查意见书', `30日内向${CITY}提出`, '该期限已于2026年7月22日届满', '《信访工作条例》第三十六条']) expect(t).toContain(words);
  }, 180_000);

  it('an opinion whose handling body is not in the organisation tree is refused, naming what the tree lacks', async () => {
    const b = await desk();
    const id = await register(b);
    await step(b, id, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '某不在表中的单位' });
    await step(b, id, '2026-03-04', { type: 'accept' });
    await step(b, id, '2026-03-05', { type: 'startHandling' });
    await step(b, id, '2026-05-20', { ...REPLY, documents: [] });
    const r = await b.dispatch('documents.generate', { matterId: id, kind: 'handling-opinion' });
    expect(r).toMatchObject({ ok: false, code: 'review_body_unknown', message: expect.stringContaining('某不在表中的单位') });
  }, 120_000);
});
