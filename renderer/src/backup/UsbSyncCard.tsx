// U盘同步 (管理员, issue #15): for a window with no network, the records waiting for the city go
// onto a USB stick as one sealed file, and the city's answer file is read back from it
// (docs/usb-sync.md). The backend checks and applies everything; this card shows what it says.
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { UsbImportResult } from '../../../domain/sync/usbRpc';
import { api } from '../api/client';
import { useSyncStore } from '../sync/syncStore';

export function UsbSyncCard({ defaultFolder }: { defaultFolder: string | null }) {
  const { message } = App.useApp();
  const [folder, setFolder] = useState('');
  const [answerPath, setAnswerPath] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [imported, setImported] = useState<UsbImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (defaultFolder && folder === '') setFolder(defaultFolder);
  }, [defaultFolder]); // eslint-disable-line react-hooks/exhaustive-deps

  async function exportFile() {
    setBusy(true);
    const r = await api.invoke('sync.exportFile', { folder: folder.trim() });
    setBusy(false);
    if (!r.ok) return message.error(r.message);
    setExported(`已写入 ${r.value.path}（${r.value.events} 条记录）。请将此文件交市级信访部门导入，并带回回执文件。`);
  }

  async function importFile() {
    setBusy(true);
    const r = await api.invoke('sync.importFile', { path: answerPath.trim() });
    setBusy(false);
    if (!r.ok) return message.error(r.message);
    setImported(r.value);
    void useSyncStore.getState().refresh();
  }

  return (
    <Card title="U盘同步（无网络时）">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">导出的文件已签名并加密，只有市级服务器能读取；导入的回执会先核对是否为市级给本机签发。</Typography.Text>
        <Space>
          <Input style={{ width: 420 }} aria-label="U盘文件夹" placeholder="U盘文件夹，例如 E:\" value={folder} onChange={(e) => setFolder(e.target.value)} />
          <Button type="primary" onClick={() => void exportFile()} loading={busy} disabled={folder.trim() === ''}>
            导出待同步文件
          </Button>
        </Space>
        {exported && <Alert type="success" showIcon title={exported} />}
        <Space>
          <Input style={{ width: 420 }} aria-label="市级回执文件" placeholder="市级回执文件，例如 E:\xinfang-answer.json" value={answerPath} onChange={(e) => setAnswerPath(e.target.value)} />
          <Button onClick={() => void importFile()} loading={busy} disabled={answerPath.trim() === ''}>
            导入市级回执
          </Button>
        </Space>
        {imported && (
          <Alert
            type={imported.pushError ? 'warning' : 'success'}
            showIcon
            title={`市级已确认至第 ${imported.ackedSeq} 条，本机待同步 ${imported.waiting} 条${imported.rejected > 0 ? `，${imported.rejected} 条被市级退回（见状态栏）` : ''}${imported.notices > 0 ? `，收到督办通知 ${imported.notices} 件` : ''}`}
            description={imported.pushError ? `市级未能导入全部记录：${imported.pushError}。请再导出一次。` : imported.pullApplied ? undefined : '这份回执较旧，其中的市级资料已跳过。'}
          />
        )}
      </Space>
    </Card>
  );
}
