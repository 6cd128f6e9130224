// 账号: the city's console accounts. A new account, or one whose password the administrator
// reset, must change that password at the next sign-in.
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { CITY_ROLE_LABELS, cityRoleSchema } from '../../../domain/console/roles';
import type { CityStaff } from '../../../domain/console/session';
import { api, messageOf } from '../api';
import { useSession } from '../session';
import { useLoad } from '../useLoad';

const ROLE_OPTIONS = cityRoleSchema.options.map((r) => ({ value: r, label: CITY_ROLE_LABELS[r] }));

export function StaffPage() {
  const me = useSession((s) => s.state?.staff?.staffId);
  const { data, error, loading, reload } = useLoad(() => api<{ staff: CityStaff[] }>('GET', '/api/console/staff'), []);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      void message.success(done);
      reload();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };
  const resetPassword = (s: CityStaff) => {
    let password = '';
    modal.confirm({
      title: `重置 ${s.name} 的密码`,
      content: <Input.Password placeholder="新的初始密码（至少8位，含字母和数字）" onChange={(e) => (password = e.target.value)} />,
      okText: '重置',
      cancelText: '取消',
      onOk: () => act(() => api('POST', `/api/console/staff/${s.staffId}/password`, { password }), '密码已重置，下次登录须修改'),
    });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title="新增账号" size="small">
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => act(() => api('POST', '/api/console/staff', v).then(() => form.resetFields()), '账号已创建')}
          initialValues={{ role: 'viewer' }}
        >
          <Form.Item name="userNo" label="工号" rules={[{ required: true, message: '请填写工号' }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select options={ROLE_OPTIONS} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]}>
            <Input.Password style={{ width: 160 }} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            创建
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" title={error} />}
      <Table<CityStaff>
        rowKey="staffId"
        size="small"
        loading={loading}
        dataSource={data?.staff ?? []}
        pagination={false}
        columns={[
          { title: '工号', dataIndex: 'userNo' },
          { title: '姓名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: CityStaff['role']) => CITY_ROLE_LABELS[r] },
          { title: '状态', render: (_, s) => (s.disabled ? <Tag color="red">已停用</Tag> : s.mustChangePassword ? <Tag color="orange">待改初始密码</Tag> : <Tag color="green">正常</Tag>) },
          {
            title: '操作',
            render: (_, s) =>
              s.staffId !== me && (
                <Space>
                  <Button size="small" onClick={() => resetPassword(s)}>
                    重置密码
                  </Button>
                  <Popconfirm
                    title={s.disabled ? `启用 ${s.name}？` : `停用 ${s.name}？停用后其登录立即失效。`}
                    onConfirm={() => act(() => api('POST', `/api/console/staff/${s.staffId}/disabled`, { disabled: !s.disabled }), s.disabled ? '已启用' : '已停用')}
                  >
                    <Button size="small" danger={!s.disabled}>
                      {s.disabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
