// The register view to Excel: the reader worker writes it as a job; the button shows how far it
// has got (rows written of the total) and hands the file over when it is done. Roles that may
// not export do not see the button; the backend checks again and records the export.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import type { RegisterFilter, RegisterSort } from '../../../domain/register/filter';
import { api } from '../api/client';
import { useMayCall } from '../session/useMayCall';
import { downloadBase64 } from '../shell/download';

const POLL_MS = 300;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ExportButton({ filter, sort }: { filter: RegisterFilter; sort: RegisterSort }) {
  const may = useMayCall();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ written: number; total: number } | null>(null);
  if (!may.method('register.exportStart')) return null;

  async function run() {
    const started = await api.invoke('register.exportStart', { filter, sort });
    if (!started.ok) return void message.error(started.message);
    const { id, total } = started.value;
    setProgress({ written: 0, total });
    for (;;) {
      await wait(POLL_MS);
      const p = await api.invoke('register.exportProgress', { id });
      if (!p.ok || p.value.state === 'failed') {
        setProgress(null);
        return void message.error(p.ok ? (p.value.message ?? '导出失败') : p.message);
      }
      setProgress({ written: p.value.written, total: p.value.total });
      if (p.value.state === 'done') break;
    }
    const file = await api.invoke('register.exportTake', { id });
    setProgress(null);
    if (!file.ok) return void message.error(file.message);
    downloadBase64(file.value);
    message.success(`已导出 ${total} 件`);
  }

  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.written / progress.total) * 100)) : 0;
  return (
    <Space>
      {progress && (
        <span data-testid="export-progress" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Progress percent={percent} size="small" style={{ width: 140, margin: 0 }} />
          {Math.min(progress.written, progress.total)} / {progress.total}
        </span>
      )}
      <Button icon={<DownloadOutlined />} loading={progress !== null} onClick={() => void run()}>
        导出Excel
      </Button>
    </Space>
  );
}
