// A matter's file (信访件): where it stands and what is due next, the steps the law allows now,
// and its sections — the visitor and the request, the history, documents, supervision, leader
// ownership and the lawyers and psychologists who took part.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { backLabel, useNavigation } from '../shell/navigation';
import { CommandBar } from './CommandBar';
import { CorrectionActions } from '../corrections/CorrectionActions';
import { DaysLeftTag, EstimatedNote } from './DaysLeftTag';
import { DocumentsList } from './DocumentsList';
import { LeaderCasePanel } from './LeaderCasePanel';
import { MatterBasics } from './MatterBasics';
import { useMatterStore } from './matterStore';
import { ParticipantsPanel } from './ParticipantsPanel';
import { SupervisionPanel } from './SupervisionPanel';
import { Timeline } from './Timeline';

const FINISHED = ['closed', 'terminated', 'guided', 'not-accepted'];

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ marginBottom: 12 }}>
      {children}
    </Card>
  );
}

function MatterHeader({ matter }: { matter: MatterDetail }) {
  const next = matter.nextDeadline;
  const { back, previous } = useNavigation();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="matter-no">
          {matter.matterNo}
        </Typography.Title>
        <Tag color={FINISHED.includes(matter.status) ? 'default' : 'processing'} data-testid="matter-status">
          {matter.statusLabel}
        </Tag>
        <span data-testid="matter-deadline" style={{ color: next?.overdue ? '#cf1322' : undefined }}>
          {next ? (
            <Space size={6}>
              <span>
                {next.label}：{next.lastDay}
              </span>
              <DaysLeftTag deadline={next} />
              <EstimatedNote deadline={next} />
            </Space>
          ) : (
            <Typography.Text type="secondary">无在途期限</Typography.Text>
          )}
        </span>
        <span style={{ flex: 1 }} />
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void useMatterStore.getState().reload()}>
          刷新
        </Button>
        <Button size="small" onClick={back}>
          {backLabel(previous)}
        </Button>
      </div>
      <div style={{ marginTop: 10, display: 'flex', gap: 12, flexWrap: 'wrap', justifyContent: 'space-between' }}>
        <CommandBar matter={matter} />
        <CorrectionActions matter={matter} />
      </div>
      {matter.voided && (
        <Alert type="error" showIcon data-testid="matter-voided" style={{ marginTop: 10 }} title={`该登记已于${dayjs(matter.voided.at).format('YYYY-MM-DD HH:mm')}由${matter.voided.actorName}作废：${matter.voided.reason}`} />
      )}
      {matter.origin === 'import' && (
        <Alert type="info" showIcon style={{ marginTop: 10 }} title={`历史台账导入的记录${matter.sourceNo ? `（原编号 ${matter.sourceNo}）` : ''}，不计入本窗口统计`} />
      )}
    </Card>
  );
}

export function MatterPage({ matterId }: { matterId: string }) {
  const detail = useMatterStore((s) => s.detail);
  const error = useMatterStore((s) => s.error);

  useEffect(() => {
    void useMatterStore.getState().load(matterId);
  }, [matterId]);

  if (!detail || detail.matterId !== matterId) return error ? <Alert type="error" showIcon title={error} /> : <Spin style={{ display: 'block', marginTop: 48 }} />;
  return (
    <div data-testid="matter-page">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <MatterHeader matter={detail} />
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <Section title="基本情况" testId="section-basics">
            <MatterBasics matter={detail} />
          </Section>
          <Section title="办理过程" testId="section-timeline">
            <Timeline matter={detail} />
          </Section>
        </div>
        <div style={{ flex: '0 0 560px', minWidth: 0 }}>
          <Section title="文书" testId="section-documents">
            <DocumentsList matter={detail} />
          </Section>
          <Section title="督办" testId="section-supervision">
            <SupervisionPanel matter={detail} />
          </Section>
          <Section title="包案（四定四包）" testId="section-leader-case">
            <LeaderCasePanel matter={detail} />
          </Section>
          <Section title="律师、心理咨询师参与接访" testId="section-participants">
            <ParticipantsPanel matter={detail} />
          </Section>
        </div>
      </div>
    </div>
  );
}
