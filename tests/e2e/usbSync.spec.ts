// Sync by file in the browser (issue #15): a window that has lost its network writes its waiting
// records to a USB folder, the city's API imports the file (as its console or administrator
// would), and the window reads the city's answer back: the registration is at the city and
// nothing waits any more.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { countyId } from '../support/city';
import { CITY_ADMIN_TOKEN, startCityServer } from '../support/cityServer';
import { validVisit } from '../support/backend';
import { signIn } from '../support/staff';
import { openAs } from '../support/e2e/session';
import { pageDispatch, rpc } from '../support/e2e/pageRpc';

/** The window's way to the city: a forwarder that can be cut, as a township's link is. */
async function cuttableLink(target: string) {
  let up = true;
  const server = http.createServer((req, res) => {
    if (!up) return req.socket.destroy();
    const out = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => (up = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('the window carries its records to the city on a USB stick and reads the answer back', async ({ page }) => {
  // Two sign-ins with new accounts, an enrolment and the city in this process: slow on a busy machine.
  test.slow();
  const city = await startCityServer();
  const link = await cuttableLink(city.url);
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-e2e-usb-'));
  try {
    await openAs(page, 'admin');
    const dispatch = pageDispatch(page);
    await rpc(page, 'sync.enroll', { serverUrl: link.url, code: await city.enrollmentCode(), name: '乡镇窗口' });
    link.cut();
    await signIn(dispatch, 'clerk');
    const idNumber = countyId(951, '19660512');
    const { matterNo } = await rpc(page, 'intake.register', {
      ...validVisit,
      visitor: { ...validVisit.visitor, name: '钱乡镇', credential: { type: 'resident', number: idNumber } },
      summary: '反映村里灌溉水渠淤塞，请求组织清淤',
    });
    await openAs(page, 'admin');

    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByLabel('U盘文件夹').fill(usb);
    await page.getByRole('button', { name: '导出待同步文件' }).click();
    await expect(page.getByText(/已写入 .*xinfang-to-city-410102-/)).toBeVisible();
    const [exported] = fs.readdirSync(usb).filter((n) => n.startsWith('xinfang-to-city-'));
    const file = fs.readFileSync(path.join(usb, exported!), 'utf8');
    expect(file).not.toContain('钱乡镇');

    // At the city: the file goes in through the API, the answer comes back on the stick.
    const imported = await fetch(`${city.url}/api/v1/admin/sync-files?countyCode=410102`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CITY_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: file,
    });
    expect(imported.status).toBe(200);
    const answerPath = path.join(usb, 'xinfang-answer.json');
    fs.writeFileSync(answerPath, await imported.text());
    const atCity = await city.admin('GET', `/api/v1/admin/matters?matterNo=${encodeURIComponent(matterNo)}`);
    expect(atCity.body.matters).toMatchObject([{ matterNo, visitor: { name: '钱乡镇' } }]);

    await page.getByLabel('市级回执文件').fill(answerPath);
    await page.getByRole('button', { name: '导入市级回执' }).click();
    await expect(page.getByText(/市级已确认至第 \d+ 条，本机待同步 0 条/)).toBeVisible();
    await expect(page.getByTestId('sync-waiting')).toContainText('待同步 0 条');
    await page.screenshot({ path: 'test-results/e2e/usb-sync.png', fullPage: true });
  } finally {
    await link.close();
    await city.close();
  }
});
