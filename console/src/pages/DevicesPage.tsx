// 设备: every device with its county, last contact, lastSeq, version and backlog; make one (its
// code shown once), revoke one, open the records the city refused from it, with the reasons, and
// check the audit trail it sent (server/city/deviceAudit.ts).
import { Alert, App, Button, Card, Drawer, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { ConsoleDevice, createdDeviceSchema, refusedRecordSchema } from '../../../domain/console/devices';
import { auditVerdictText, type AuditVerdict } from '../../../domain/staff/auditVerdict';
import { api, messageOf } from '../api';
import { useLoad } from '../useLoad';
import { EnrollmentCode } from './EnrollmentCode';

type Created = z.infer<typeof createdDeviceSchema>;
type Refused = z.infer<typeof refusedRecordSchema>;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN') : '—');

function status(d: ConsoleDevice) {
  if (d.revoked) return <Tag color="red">已停用</Tag>;
  if (d.enrolled) return <Tag color="green">已注册</Tag>;
  return new Date(d.enrollmentExpiresAt) < new Date() ? <Tag>注册码已过期</Tag> : <Tag color="blue">待注册</Tag>;
}

function RefusedRecords({ device, onClose }: { device: ConsoleDevice; onClose: () => void }) {
  const { data, error } = useLoad(() => api<{ records: Refused[] }>('GET', `/api/console/devices/${device.deviceId}/refused`), [device.deviceId]);
  return (
    <Drawer open size="large" title={`${device.name}（${device.countyCode}-${device.deviceCode}）被拒收的记录`} onClose={onClose}>
      {error && <Alert type="error" title={error} />}
      <Table<Refused>
        rowKey="seq"
        size="small"
        dataSource={data?.records ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '类型', dataIndex: 'type' },
          { title: '原因代码', dataIndex: 'code' },
          { title: '原因', dataIndex: 'message' },
          { title: '收到时间', dataIndex: 'receivedAt', render: when },
        ]}
      />
    </Drawer>
  );
}

export function DevicesPage() {
  const { data, error, loading, reload } = useLoad(() => api<{ devices: ConsoleDevice[] }>('GET', '/api/console/devices'), []);
  const [created, setCreated] = useState<Created | null>(null);
  const [refusedOf, setRefusedOf] = useState<ConsoleDevice | null>(null);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();

  const create = async (values: { countyCode: string; name: string }) => {
    try {
      setCreated(await api<Created>('POST', '/api/console/devices', values));
      form.resetFields();
      reload();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };
  const revoke = async (d: ConsoleDevice) => {
    try {
      await api('POST', `/api/console/devices/${d.deviceId}/revoke`);
      void message.success(`已停用 ${d.name}`);
      reload();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const checkAudit = async (d: ConsoleDevice) => {
    try {
      const { verdict } = await api<{ verdict: AuditVerdict }>('GET', `/api/console/devices/${d.deviceId}/audit`);
      (verdict.ok ? modal.success : modal.error)({ title: `${d.name} 的审计日志`, content: auditVerdictText(verdict), okText: '知道了' });
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title="新增设备" size="small">
        <Form form={form} layout="inline" onFinish={create}>
          <Form.Item name="countyCode" label="县区代码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写6位县级行政区划代码' }]}>
            <Input placeholder="410102" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label="设备名称" rules={[{ required: true, message: '请填写设备名称' }]}>
            <Input placeholder="中原区信访局窗口1" style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            生成注册码
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" title={error} />}
      <Table<ConsoleDevice>
        rowKey="deviceId"
        size="small"
        loading={loading}
        dataSource={data?.devices ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '县区', dataIndex: 'countyCode', width: 80 },
          { title: '编号', dataIndex: 'deviceCode', width: 70 },
          { title: '名称', dataIndex: 'name', render: (n: string, d) => (d.enrolledName ? `${n}（${d.enrolledName}）` : n) },
          { title: '状态', render: (_, d) => status(d), width: 110 },
          { title: '最后联系', dataIndex: 'lastContactAt', render: when },
          { title: '已收序号', dataIndex: 'lastSeq', width: 90 },
          { title: '版本', dataIndex: 'appVersion', render: (v: string | null) => v ?? '—', width: 80 },
          { title: '待上传', dataIndex: 'backlog', render: (v: number | null) => v ?? '—', width: 80 },
          {
            title: '拒收',
            dataIndex: 'quarantined',
            width: 70,
            render: (n: number, d) => (n > 0 ? <Button type="link" size="small" onClick={() => setRefusedOf(d)}>{n}</Button> : 0),
          },
          {
            title: '操作',
            width: 170,
            render: (_, d) => (
              <Space>
                {d.enrolled && (
                  <Button size="small" onClick={() => void checkAudit(d)}>
                    核验审计
                  </Button>
                )}
                {!d.revoked && (
                  <Popconfirm title={`停用后该设备无法再同步，确定停用「${d.name}」？`} onConfirm={() => void revoke(d)} okText="停用" cancelText="取消">
                    <Button danger size="small">
                      停用
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {created && <EnrollmentCode created={created} onClose={() => setCreated(null)} />}
      {refusedOf && <RefusedRecords device={refusedOf} onClose={() => setRefusedOf(null)} />}
    </Space>
  );
}
