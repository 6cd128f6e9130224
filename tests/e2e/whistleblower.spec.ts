// A 检举控告's reporter (条例 art. 30) with real sign-ins, through the UI in Chromium against
// dev:web: the handler who classifies the matter sees the reporter masked, and a paper printed
// before the matter was known as an accusation listed but neither opened nor delivered; the
// supervisor, signed in with the form, sees who reported and the paper, and supervises the matter.
import { expect, test } from '@playwright/test';
import { answer, openFromQueue, passPrescreen, pick, register, shoot, step, submit } from '../support/e2e/matterUi';
import { pageDispatch, rpc } from '../support/e2e/pageRpc';
import { configureNotices } from '../support/noticeSettings';
import { openAs, switchUser } from '../support/e2e/session';

test('a 检举控告 reporter is masked for a handler and shown to a supervisor, who supervises the matter', async ({ page }) => {
  await openAs(page, 'handler');
  await configureNotices(pageDispatch(page), 'handler').then(() => page.reload()); // the receipt needs the bureau
  const { matterNo, matterId } = await register(page, '王五', '检举某局干部违规收受礼金');
  // Printed before anyone knew it was an accusation: the receipt names the reporter.
  await rpc(page, 'documents.generate', { matterId, kind: 'registration-receipt' });
  await openFromQueue(page, matterNo);
  await step(page, 'classify', '已分类', async (dialog) => {
    await passPrescreen(dialog);
    await answer(dialog, [
      ['class', '检举控告类'],
      ['accusedIsPublicOfficial', '是'],
    ]);
    await expect(dialog.getByTestId('classification-result')).toContainText('纪检监察机关');
    await expect(dialog.getByTestId('classification-result')).toContainText('检举人保护');
    await dialog.getByLabel(/责任单位名称/).fill('某县纪委监委');
  });

  // The handler sees the reporter masked, with the note saying why.
  await expect(page.getByTestId('reporter-protected')).toContainText('已按检举人保护要求隐去身份');
  await expect(page.getByTestId('reporter-protected').getByRole('img', { name: 'lock' })).toBeVisible();
  await expect(page.getByTestId('visitor-name')).toHaveText('王*');
  await expect(page.getByTestId('matter-basics')).not.toContainText('13800138000');
  // The receipt is listed but neither opened nor delivered by the handler.
  const receipt = page.getByTestId('documents').getByRole('row', { name: /信访事项登记回执/ });
  await expect(receipt).toContainText('仅科长/督办可查看');
  await expect(receipt.getByRole('button')).toHaveCount(0);
  await shoot(page, 'accusation-masked.png');

  // The supervisor, signed in with the sign-in form, sees who reported, and issues and closes a
  // supervision notice.
  await switchUser(page, 'supervisor');
  await openFromQueue(page, matterNo);
  await expect(page.getByTestId('visitor-name')).toHaveText('王五');
  await expect(page.getByTestId('reporter-protected')).toHaveCount(0);
  await expect(receipt.getByRole('button')).toHaveText([/查\s*看/, /送\s*达/]);

  await page.getByRole('button', { name: '签发督办' }).click();
  await page.getByRole('dialog').getByLabel('督办内容').fill('请于时限内查明情况并报送办理结果。');
  await submit(page);
  const notice = page.getByTestId('supervision').getByRole('row', { name: /督〔\d{4}〕\d+号/ });
  await expect(notice).toContainText('赵科长');
  await notice.getByRole('button', { name: /办\s*结/ }).click();
  await expect(notice).toContainText('已办结');

  await page.getByRole('button', { name: '指定包案领导' }).click();
  const lc = page.getByRole('dialog');
  await lc.getByLabel('包案领导').fill('刘副县长');
  await lc.getByLabel('责任人员').fill('县纪委监委 孙某；县信访局 周某');
  await lc.getByLabel('化解方案').fill('查明事实，依规依纪处理，及时反馈检举人。');
  await submit(page);
  await expect(page.getByTestId('leader-case')).toContainText('刘副县长');

  await page.getByRole('button', { name: '登记参与人员' }).click();
  const pd = page.getByRole('dialog');
  await pick(pd, '律师');
  await pd.getByLabel('姓名').fill('钱律师');
  await pd.getByLabel(/单位/).fill('某律师事务所');
  await submit(page);
  await expect(page.getByTestId('participants')).toContainText('钱律师');
  await shoot(page, 'accusation-supervisor.png');
});
