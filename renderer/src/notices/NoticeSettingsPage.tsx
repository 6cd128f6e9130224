// 文书设置 (管理员 only): the issuing bureau's name, address, phone and seal printed on every
// notice, and the organisation tree the notices read review bodies from (a 复查 goes to the body
// above the handling body, a 复核 to the body above that). Once the city sends its tree, that one
// is used and this window's stays as entered.
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BureauSettings, NoticeSettings } from '../../../domain/documents/settings';
import { ORGANISATION_LEVEL_LABELS, organisationLevelSchema, type Organisation } from '../../../domain/reference/organisation';
import type { Err } from '../../../domain/result';
import { api } from '../api/client';

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

function BureauForm({ bureau, onSaved }: { bureau: BureauSettings | null; onSaved: (s: NoticeSettings) => void }) {
  const [refusal, setRefusal] = useState<Err | null>(null);
  async function save(v: BureauSettings) {
    const r = await api.invoke('noticeSettings.setBureau', v);
    setRefusal(r.ok ? null : r);
    if (r.ok) onSaved(r.value);
  }
  return (
    <Form layout="horizontal" labelCol={{ span: 5 }} name="bureau" initialValues={bureau ?? {}} onFinish={(v: BureauSettings) => void save(v)} style={{ maxWidth: 640 }}>
      <Form.Item name="name" label="本局名称" rules={required('本局名称')} extra="全称，印在每份文书的落款处">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label="本局地址" rules={required('本局地址')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={required('联系电话')} extra="信访人查询办理进展的电话">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="seal" label="印章文字" rules={required('印章文字')} extra="印在盖章处，与本局公章一致">
        <Input maxLength={100} />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal.message} role="alert" style={{ marginBottom: 12 }} />}
      <Form.Item wrapperCol={{ offset: 5 }}>
        <Button type="primary" htmlType="submit">
          保存本局信息
        </Button>
      </Form.Item>
    </Form>
  );
}

type Row = Organisation & { key: number };

function OrganisationsEditor({ settings, onSaved }: { settings: NoticeSettings; onSaved: (s: NoticeSettings) => void }) {
  const [rows, setRows] = useState<Row[]>(() => settings.localOrganisations.map((o, key) => ({ ...o, key })));
  const [refusal, setRefusal] = useState<Err | null>(null);
  const update = (key: number, patch: Partial<Organisation>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => setRows((rs) => [...rs, { key: Math.max(-1, ...rs.map((r) => r.key)) + 1, code: '', name: '', level: 'county', parent: null }]);
  async function save() {
    const r = await api.invoke('noticeSettings.setOrganisations', { organisations: rows.map(({ key: _, ...o }) => o) });
    setRefusal(r.ok ? null : r);
    if (r.ok) onSaved(r.value);
  }
  return (
    <>
      {settings.organisationsFrom === 'city' && (
        <Alert type="info" showIcon title="正在使用市级服务器下发的组织机构；下表为本机录入的组织机构，仅在未收到市级数据时使用。" style={{ marginBottom: 12 }} />
      )}
      <Table<Row>
        data-testid="organisations"
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '机构代码', width: 140, render: (_, r) => <Input aria-label="机构代码" value={r.code} onChange={(e) => update(r.key, { code: e.target.value })} /> },
          { title: '机构名称（全称）', render: (_, r) => <Input aria-label="机构名称" value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} /> },
          {
            title: '层级',
            width: 110,
            render: (_, r) => (
              <Select aria-label="层级" value={r.level} style={{ width: '100%' }} onChange={(level) => update(r.key, { level })} options={organisationLevelSchema.options.map((l) => ({ value: l, label: ORGANISATION_LEVEL_LABELS[l] }))} />
            ),
          },
          {
            title: '上一级机关（复查、复核机关）',
            width: 300,
            render: (_, r) => (
              <Select
                aria-label="上一级机关"
                allowClear
                placeholder="无（最高一级）"
                value={r.parent ?? undefined}
                style={{ width: '100%' }}
                onChange={(parent?: string) => update(r.key, { parent: parent ?? null })}
                options={rows.filter((o) => o.key !== r.key && o.code.trim() !== '').map((o) => ({ value: o.code, label: o.name || o.code }))}
              />
            ),
          },
          { title: '', width: 70, render: (_, r) => <Button type="link" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>删除</Button> },
        ]}
      />
      {refusal && <Alert type="error" showIcon title={refusal.message} role="alert" style={{ marginTop: 12 }} />}
      <Space style={{ marginTop: 12 }}>
        <Button onClick={add}>添加机构</Button>
        <Button type="primary" onClick={() => void save()}>
          保存组织机构
        </Button>
      </Space>
    </>
  );
}

export function NoticeSettingsPage() {
  const { message } = App.useApp();
  const [settings, setSettings] = useState<NoticeSettings | null>(null);
  const load = useCallback(async () => {
    const r = await api.invoke('noticeSettings.get', {});
    if (r.ok) setSettings(r.value);
    else message.error(r.message);
  }, [message]);
  useEffect(() => void load(), [load]);
  if (!settings) return null;
  const saved = (s: NoticeSettings) => {
    setSettings(s);
    message.success('已保存');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="出具文书的本局信息">
        {!settings.bureau && <Alert type="warning" showIcon title="尚未设置：设置前不能出具任何文书" style={{ marginBottom: 12 }} />}
        <BureauForm bureau={settings.bureau} onSaved={saved} />
      </Card>
      <Card
        size="small"
        title={
          <span>
            组织机构 <Tag>{{ city: '市级下发', local: '本机录入', none: '未设置' }[settings.organisationsFrom]}</Tag>
          </span>
        }
      >
        <Typography.Paragraph type="secondary">
          复查由原办理机关的上一级机关办理，复核由复查机关的上一级机关办理（《信访工作条例》第三十五条、第三十六条）。文书中的复查、复核机关按此表确定。
        </Typography.Paragraph>
        <OrganisationsEditor key={settings.organisationsFrom} settings={settings} onSaved={saved} />
      </Card>
    </Space>
  );
}
