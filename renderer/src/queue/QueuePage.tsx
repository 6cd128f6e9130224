// 工作台: the open matters by urgency — counts of overdue, due-soon and open matters, the list
// for the chosen scope a page at a time, and the special campaigns below it. Counts, order and
// paging are the backend's: the window holds one page, never every open matter.
import { Alert, Card, Statistic, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { QUEUE_PAGE, type QueueScope } from '../../../domain/matters/rpc';
import type { MethodOutput } from '../../../domain/rpc/contract';
import { api } from '../api/client';
import { DUE_SOON_DAYS } from '../matters/DaysLeftTag';
import { CampaignsPanel } from './CampaignsPanel';
import { QueueTable } from './QueueTable';

type Scope = QueueScope;
type Queue = MethodOutput<'matters.queue'>;

const TABS: { key: Scope; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'overdue', label: '逾期' },
  // The backend lists overdue matters with the due-soon ones: they are more urgent still.
  { key: 'due-soon', label: '临期' },
];

function Counts({ counts }: { counts: Queue['counts'] | undefined }) {
  const cards = [
    { key: 'overdue', title: '逾期', value: counts?.overdue, color: '#cf1322' },
    { key: 'due-soon', title: `临期（${DUE_SOON_DAYS}日内）`, value: counts?.dueSoon, color: '#d46b08' },
    { key: 'open', title: '在办', value: counts?.open, color: undefined },
  ];
  return (
    <div style={{ display: 'flex', gap: 12, marginBottom: 12 }}>
      {cards.map((c) => (
        <Card key={c.key} size="small" style={{ flex: 1 }} data-testid={`count-${c.key}`}>
          <Statistic title={c.title} value={c.value ?? '—'} suffix="件" styles={{ content: { color: c.color } }} />
        </Card>
      ))}
    </div>
  );
}

export function QueuePage() {
  const [scope, setScope] = useState<Scope>('all');
  const [page, setPage] = useState(1);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void api.invoke('matters.queue', { scope, dueSoonDays: DUE_SOON_DAYS, offset: (page - 1) * QUEUE_PAGE, limit: QUEUE_PAGE }).then((r) => {
      // A slower answer for a tab or page already left must not overwrite the one chosen since.
      if (!current) return;
      setLoading(false);
      setError(r.ok ? null : r.message);
      if (r.ok) setQueue(r.value);
    });
    return () => {
      current = false;
    };
  }, [scope, page]);

  return (
    <div data-testid="queue-page">
      <Counts counts={queue?.counts} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { paddingTop: 0 } }} style={{ marginBottom: 12 }}>
        <Tabs
          activeKey={scope}
          onChange={(k) => {
            setScope(k as Scope);
            setPage(1);
          }}
          items={TABS.map((t) => ({ key: t.key, label: t.label }))}
        />
        <QueueTable items={queue?.items ?? []} loading={loading} page={page} pageSize={QUEUE_PAGE} total={queue?.total ?? 0} onPage={setPage} />
      </Card>
      <CampaignsPanel />
    </div>
  );
}
