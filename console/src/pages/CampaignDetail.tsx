// One 专项 campaign opened in the campaigns page: its 化解率 in each assigned county, the matters
// attached to it with whether the petitioner has stopped (息诉罢访), and, for those who may, a box
// to attach more of those counties' matters by number.
import { Alert, App, Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { campaignMatterSchema, ConsoleCampaign } from '../../../domain/console/campaigns';
import { percentOf, type Rate } from '../../../domain/figures/indicators';
import { api, messageOf } from '../api';
import { useLoad } from '../useLoad';

type CampaignMatter = z.infer<typeof campaignMatterSchema>;
type CountyRate = ConsoleCampaign['counties'][number];

export const rateText = (r: Rate) => `${percentOf(r)}（${r.numerator}/${r.denominator}）`;

/** Numbers as pasted from anywhere: one a line, or separated by commas, 顿号 or spaces. */
const numbersIn = (text: string) => text.split(/[\s,，、;；]+/).filter((s) => s !== '');

export function CampaignDetail({ campaign, canManage, onChanged }: { campaign: ConsoleCampaign; canManage: boolean; onChanged: () => void }) {
  const { data, error, reload } = useLoad(() => api<{ matters: CampaignMatter[] }>('GET', `/api/console/campaigns/${campaign.campaignId}/matters`), [campaign.campaignId]);
  const [numbers, setNumbers] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const attach = async () => {
    setBusy(true);
    try {
      const r = await api<{ attached: number }>('POST', `/api/console/campaigns/${campaign.campaignId}/matters`, { matterNos: numbersIn(numbers) });
      void message.success(r.attached === 0 ? '这些信访件都已在本专项中' : `已交办 ${r.attached} 件`);
      setNumbers('');
      reload();
      onChanged();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<CountyRate>
        rowKey={(r) => r.countyCode ?? 'total'}
        size="small"
        pagination={false}
        dataSource={campaign.counties}
        columns={[
          { title: '县区', dataIndex: 'countyCode' },
          { title: '交办件数', render: (_, r) => r.rate.denominator },
          { title: '息诉罢访', render: (_, r) => r.rate.numerator },
          { title: '化解率', render: (_, r) => rateText(r.rate) },
        ]}
      />
      {canManage && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            aria-label="交办信访件编号"
            rows={2}
            value={numbers}
            onChange={(e) => setNumbers(e.target.value)}
            placeholder="信访件编号，每行一个或用逗号分隔；只能交办本专项所属县区的信访件"
          />
          <Button type="primary" loading={busy} disabled={numbersIn(numbers).length === 0} onClick={() => void attach()}>
            交办
          </Button>
        </Space.Compact>
      )}
      {error && <Alert type="error" title={error} />}
      <Table<CampaignMatter>
        rowKey="matterNo"
        size="small"
        dataSource={data?.matters ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '信访件编号', dataIndex: 'matterNo' },
          { title: '县区', dataIndex: 'countyCode' },
          { title: '概况', dataIndex: 'summary', ellipsis: true },
          { title: '息诉罢访', dataIndex: 'desistedOn', render: (d: string | null) => (d ? <Tag color="green">{d}</Tag> : <Tag>未息诉</Tag>) },
        ]}
      />
    </Space>
  );
}
