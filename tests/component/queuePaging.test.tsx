// The 工作台's list a page at a time (issue #15): the window asks the backend for one page and
// shows the scope's total; the pager asks for the next page at its offset and shows that page's
// rows; a new tab starts again from its first page.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_PAGE } from '../../domain/matters/rpc';
import type { MethodOutput } from '../../domain/rpc/contract';
import { QueuePage } from '../../renderer/src/queue/QueuePage';
import { fakeBackend } from '../support/jsdom/fakeBackend';

const TOTAL = 130;
const matterNo = (i: number) => `410102-D001-2026-${String(i + 1).padStart(7, '0')}`;

/** A backend whose queue holds TOTAL matters, numbered in the queue's order. */
function queueOf(offset: number, limit: number): MethodOutput<'matters.queue'> {
  const n = Math.max(0, Math.min(limit, TOTAL - offset));
  return {
    counts: { open: TOTAL, overdue: 12, dueSoon: 7 },
    total: TOTAL,
    offset,
    items: Array.from({ length: n }, (_, k) => ({
      matterId: `m-${offset + k}`,
      matterNo: matterNo(offset + k),
      visitorName: '张三',
      summary: '反映小区供暖不达标问题',
      statusLabel: '已登记',
      nextDeadline: { step: 'acceptance-notice', label: '受理告知期限', lastDay: '2026-03-16', daysLeft: offset + k, overdue: false, party: 'authority', estimated: false },
      supervised: false,
    })),
  };
}

const shownNos = () =>
  within(screen.getByTestId('queue-table'))
    .queryAllByRole('row')
    .map((r) => r.querySelector('td')?.textContent ?? '')
    .filter((t) => t.startsWith('410102'));

beforeEach(() => {
  fakeBackend.answer('matters.queue', (i) => ({ ok: true, value: queueOf(i.offset ?? 0, i.limit ?? QUEUE_PAGE) }));
  fakeBackend.answer('campaigns.list', () => ({ ok: true, value: [] }));
});

describe('the work queue page', () => {
  it('shows the first page and the total, and the second page when asked for it', async () => {
    render(
      <ConfigProvider locale={zhCN}>
        <QueuePage />
      </ConfigProvider>,
    );
    await waitFor(() => expect(shownNos()).toEqual(Array.from({ length: QUEUE_PAGE }, (_, i) => matterNo(i))));
    expect(screen.getByText(`共 ${TOTAL} 件`)).toBeTruthy();
    expect(fakeBackend.inputsOf('matters.queue')).toEqual([{ scope: 'all', dueSoonDays: 3, offset: 0, limit: QUEUE_PAGE }]);

    // jsdom reads antd's pager as pointer-events: none (it lays nothing out): a plain click.
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(shownNos()).toEqual(Array.from({ length: QUEUE_PAGE }, (_, i) => matterNo(QUEUE_PAGE + i))));
    expect(fakeBackend.inputsOf('matters.queue').at(-1)).toEqual({ scope: 'all', dueSoonDays: 3, offset: QUEUE_PAGE, limit: QUEUE_PAGE });

    // Another tab is another list: from its first page.
    fireEvent.click(screen.getByRole('tab', { name: '逾期' }));
    await waitFor(() => expect(fakeBackend.inputsOf('matters.queue').at(-1)).toEqual({ scope: 'overdue', dueSoonDays: 3, offset: 0, limit: QUEUE_PAGE }));
    await waitFor(() => expect(shownNos()[0]).toBe(matterNo(0)));
  });
});
