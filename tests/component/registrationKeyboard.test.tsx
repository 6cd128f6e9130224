// The registration form driven by the keyboard alone, as a clerk with a card reader drives it
// (DOMAIN.md §7, docs/id-card-reader.md): Enter walks the fields in order, the reader's
// "number⏎" and "number name⏎" land in the right boxes, a misread stays put with its reason,
// a group's representatives join the walk, and Ctrl+Enter registers from any box.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider, Form } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodOutput } from '../../domain/rpc/contract';
import type { FormValues } from '../../renderer/src/intake/formModel';
import { useIntakeStore } from '../../renderer/src/intake/intakeStore';
import { RegistrationForm } from '../../renderer/src/intake/RegistrationForm';
import { badCheckId, countyId } from '../support/city';
import { fakeBackend } from '../support/jsdom/fakeBackend';

const REGISTERED: MethodOutput<'intake.register'> = {
  matterId: 'm-1',
  matterNo: '410102-01-2026-000001',
  visitId: 'v-1',
  visitKind: 'first',
  visitorId: 'p-1',
  receivedAt: '2026-03-02T09:00:00.000+08:00',
  terminated: false,
  nextDeadline: { step: 'acceptance-notice', label: '受理告知期限', lastDay: '2026-03-16', daysLeft: 14, overdue: false, party: 'authority', estimated: false },
};

function Desk({ onRegistered }: { onRegistered: () => void }) {
  const [form] = Form.useForm<FormValues>();
  return <RegistrationForm form={form} onRegistered={onRegistered} />;
}

async function openForm() {
  const onRegistered = vi.fn();
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <Desk onRegistered={onRegistered} />
      </AntApp>
    </ConfigProvider>,
  );
  const user = userEvent.setup({ delay: null });
  // The form opens on the ID box, ready for a card.
  await waitFor(() => expect(document.activeElement).toBe(box('registration_visitor_credential_number')));
  return { user, onRegistered };
}

function box(id: string): HTMLInputElement | HTMLTextAreaElement {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error(`no box #${id}`);
  return el;
}

const focused = () => document.activeElement?.id;

/** A macrotask later: an async handler started by a key has made its backend calls by then. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  useIntakeStore.setState(useIntakeStore.getInitialState());
});

describe('the ID box', () => {
  it('a typed number and Enter go to 姓名, and the number fills birth date and gender', async () => {
    const { user } = await openForm();
    await user.keyboard(`${countyId(101, '19800101')}{Enter}`);
    expect(focused()).toBe('registration_visitor_name');
    await waitFor(() => expect(box('registration_visitor_birthDate').value).toBe('1980-01-01'));
    expect(box('registration_visitor_birthDate').disabled).toBe(true);
    expect(screen.getByTitle('男')).toBeTruthy();
  });

  it('a reader\'s "number name⏎" files both and goes past 姓名 to 手机', async () => {
    const { user } = await openForm();
    const id = countyId(102, '19700505');
    await user.keyboard(`${id} 张三{Enter}`);
    expect(box('registration_visitor_credential_number').value).toBe(id);
    expect(box('registration_visitor_name').value).toBe('张三');
    expect(focused()).toBe('registration_visitor_mobile');
  });

  it('a lower-case x check character is stored upper-case', async () => {
    const { user } = await openForm();
    const id = Array.from({ length: 30 }, (_, i) => countyId(120 + i)).find((n) => n.endsWith('X'))!;
    await user.keyboard(`${id.toLowerCase()}{Enter}`);
    expect(box('registration_visitor_credential_number').value).toBe(id);
    expect(focused()).toBe('registration_visitor_name');
  });

  it('a misread number stays in the box, selected for the next swipe, with the reason under it', async () => {
    const { user } = await openForm();
    const bad = badCheckId(103);
    await user.keyboard(`${bad}{Enter}`);
    const id = box('registration_visitor_credential_number');
    expect(focused()).toBe(id.id);
    expect([id.selectionStart, id.selectionEnd]).toEqual([0, bad.length]);
    expect((await screen.findByText('身份证号码校验位不正确，请核对')).closest('#registration_visitor_credential_number_help')).toBeTruthy();
  });
});

describe('Enter walks the form', () => {
  it('through the single-line boxes in order, and stays in the summary where Enter is a new line', async () => {
    const { user } = await openForm();
    await user.keyboard(`${countyId(104)} 李四{Enter}`);
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      order.push(focused()!);
      await user.keyboard('{Enter}');
    }
    expect(order).toEqual([
      'registration_visitor_mobile',
      'registration_visitor_landline',
      'registration_visitor_household_detail',
      'registration_visitor_current_detail',
      'registration_visitor_workUnit',
      'registration_headcount',
      'registration_respondent',
      'registration_summary',
    ]);
    expect(focused()).toBe('registration_summary');
  });

  it('an Enter that picks an IME candidate does not move', async () => {
    const { user } = await openForm();
    await user.keyboard(`${countyId(105)}{Enter}`);
    fireEvent.keyDown(box('registration_visitor_name'), { key: 'Enter', code: 'Enter', isComposing: true });
    expect(focused()).toBe('registration_visitor_name');
  });

  it('a group of 12 goes from 人数 into the representatives, and each filled last row opens the next', async () => {
    const { user } = await openForm();
    await user.keyboard(`${countyId(106)} 王五{Enter}`);
    await user.click(box('registration_headcount'));
    await user.keyboard('12{Enter}');
    await waitFor(() => expect(focused()).toBe('registration_representatives_0_credential_number'));
    await user.keyboard(`${countyId(107)} 代表一{Enter}`);
    expect(focused()).toBe('registration_representatives_0_mobile');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused()).toBe('registration_representatives_1_credential_number'));
    // A blank last row opens no other: Enter goes on past the list.
    await user.click(box('registration_representatives_1_mobile'));
    await user.keyboard('{Enter}');
    expect(focused()).toBe('registration_respondent');
    expect(document.getElementById('registration_representatives_2_credential_number')).toBeNull();
  });
});

describe('Ctrl+Enter', () => {
  it('registers from any box with the model\'s record, then clears the form and goes back to the ID box; not while an IME composes', async () => {
    fakeBackend.answer('intake.register', () => ({ ok: true, value: REGISTERED }));
    const { user, onRegistered } = await openForm();
    const id = countyId(108, '19650720');
    await user.keyboard(`${id} 刘桂兰{Enter}13812345678`);
    await user.click(box('registration_summary'));
    await user.keyboard('要求提高征地补偿标准');
    await user.click(box('registration_visitor_mobile'));
    // While an IME composes, Ctrl+Enter belongs to it.
    fireEvent.keyDown(box('registration_visitor_mobile'), { key: 'Enter', code: 'Enter', ctrlKey: true, isComposing: true });
    await settled();
    expect(fakeBackend.inputsOf('intake.register')).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(onRegistered).toHaveBeenCalledOnce());
    const [input] = fakeBackend.inputsOf('intake.register');
    expect(input).toMatchObject({
      visitor: { credential: { type: 'resident', number: id }, name: '刘桂兰', mobile: '13812345678', gender: 'female', birthDate: '1965-07-20' },
      headcount: 1,
      representatives: [],
      summary: '要求提高征地补偿标准',
      link: { kind: 'first' },
      draftId: expect.any(String),
    });
    expect(useIntakeStore.getState().last).toMatchObject({ matterNo: REGISTERED.matterNo, visitorName: '刘桂兰' });
    await waitFor(() => expect(focused()).toBe('registration_visitor_credential_number'));
    expect(box('registration_visitor_credential_number').value).toBe('');
    expect(box('registration_summary').value).toBe('');
  });

  it('with mistakes shows each under its own box, puts the clerk on the first, and registers nothing', async () => {
    const { user, onRegistered } = await openForm();
    await user.keyboard(`${countyId(109)}{Enter}`);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请填写诉求摘要')).toBeTruthy();
    await waitFor(() => expect(focused()).toBe('registration_visitor_name'));
    expect(fakeBackend.inputsOf('intake.register')).toEqual([]);
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('an error the backend places on a field is shown under that box', async () => {
    fakeBackend.answer('intake.register', () => ({ ok: false, code: 'invalid_region', message: '该地区代码不存在', field: 'visitor.household.region' }));
    const { user, onRegistered } = await openForm();
    await user.keyboard(`${countyId(110)} 赵六{Enter}`);
    await user.click(box('registration_summary'));
    await user.keyboard('反映噪音扰民');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect((await screen.findByText('该地区代码不存在')).closest('#registration_visitor_household_region_help')).toBeTruthy();
    expect(onRegistered).not.toHaveBeenCalled();
  });
});
