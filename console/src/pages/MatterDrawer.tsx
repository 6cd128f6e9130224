// A matter's full record and its timeline, replayed from the events its window sent. Opening it
// is audited by the server; identities come masked unless the role may see them.
import { Alert, Descriptions, Drawer, Timeline } from 'antd';
import type { z } from 'zod';
import type { matterRecordSchema } from '../../../domain/console/matters';
import { api } from '../api';
import { useLoad } from '../useLoad';

type MatterRecord = z.infer<typeof matterRecordSchema>;

export function MatterDrawer({ matterId, onClose }: { matterId: string; onClose: () => void }) {
  const { data, error } = useLoad(() => api<MatterRecord>('GET', `/api/console/matters/${matterId}`), [matterId]);
  const v = data?.visitor;
  return (
    <Drawer open size="large" title={data?.row.matterNo ?? '信访件'} onClose={onClose}>
      {error && <Alert type="error" title={error} />}
      {data && (
        <>
          {data.row.masked && <Alert type="info" showIcon title="按您的角色，信访人身份信息已隐去" style={{ marginBottom: 12 }} />}
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="信访人">{v?.name}</Descriptions.Item>
            <Descriptions.Item label="证件号码">{v?.idNumber}</Descriptions.Item>
            {v && !v.masked && <Descriptions.Item label="手机">{v.mobile || '—'}</Descriptions.Item>}
            {v && !v.masked && <Descriptions.Item label="现住址">{v.currentAddress || '—'}</Descriptions.Item>}
            <Descriptions.Item label="县区">{data.row.countyCode}</Descriptions.Item>
            <Descriptions.Item label="被反映对象">{data.respondent || '—'}</Descriptions.Item>
            <Descriptions.Item label="内容摘要" span={2}>
              {data.row.summary}
            </Descriptions.Item>
            <Descriptions.Item label="事实与理由" span={2}>
              {data.facts || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Timeline
            items={data.timeline.map((t) => ({
              children: (
                <>
                  <b>{t.label}</b> <span style={{ color: 'rgba(0,0,0,0.6)' }}>{new Date(t.at).toLocaleString('zh-CN')}</span>
                  {t.detail && <div>{t.detail}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
