// 草稿: forms saved as they were typed but never registered — after a reload, a crash or a
// visitor who stepped away. 恢复 puts one back on the form; registering it removes it.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Space, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { MethodOutput } from '../../../domain/rpc/contract';
import { api } from '../api/client';
import { fieldId, initialValues, type FormValues } from './formModel';
import { useIntakeStore } from './intakeStore';
import { focusById } from './keyboard';

type Draft = MethodOutput<'drafts.list'>[number];

export function DraftsPanel({ form }: { form: FormInstance<FormValues> }) {
  const { message } = App.useApp();
  const draftId = useIntakeStore((s) => s.draftId);
  const [drafts, setDrafts] = useState<Draft[]>([]);

  const refresh = useCallback(async () => {
    const r = await api.invoke('drafts.list', {});
    if (r.ok) setDrafts(r.value);
  }, []);
  // A new form session (after registering or clearing) may have left the old one behind.
  useEffect(() => void refresh(), [refresh, draftId]);

  const restore = async (id: string) => {
    const r = await api.invoke('drafts.get', { id });
    if (!r.ok) {
      message.error(r.message);
      void refresh();
      return;
    }
    form.resetFields();
    // Drafts from older versions of the form lack newer fields: the defaults fill them.
    form.setFieldsValue({ ...initialValues(), ...(r.value.data as Partial<FormValues>) });
    useIntakeStore.getState().setDraftId(id);
    focusById(fieldId(['visitor', 'credential', 'number']));
  };

  const discard = async (id: string) => {
    await api.invoke('drafts.discard', { id });
    void refresh();
  };

  // The form's own draft is on the form already.
  const others = drafts.filter((d) => d.id !== draftId);
  if (others.length === 0) return null;
  return (
    <Card size="small" title={`草稿（${others.length}份未登记）`} data-testid="drafts">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {others.map((d) => (
          <div key={d.id} data-testid="draft" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
              {d.title || '（未命名）'}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(d.updatedAt).format('M月D日 HH:mm:ss')}
            </Typography.Text>
            <span style={{ flex: 1 }} />
            <Button size="small" type="primary" ghost onClick={() => void restore(d.id)}>
              恢复
            </Button>
            <Button size="small" danger onClick={() => void discard(d.id)} aria-label={`删除草稿 ${d.title}`}>
              删除
            </Button>
          </div>
        ))}
      </Space>
    </Card>
  );
}
