// 历史台账导入 (Excel in): choose an .xlsx, check the proposed column mapping, see every row's
// check (how many pass, which are refused and why), then import what passed in one go. The
// report of refused rows stays on screen so the file can be fixed and imported again.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportMapping } from '../../../domain/records/importColumns';
import { MAX_IMPORT_BYTES, type ImportCheck, type ImportPreview } from '../../../domain/records/rpc';
import { api } from '../api/client';
import { ImportReport } from './ImportReport';
import { MappingTable } from './MappingTable';

interface Chosen {
  fileName: string;
  dataBase64: string;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function CheckSummary({ check }: { check: ImportCheck }) {
  return (
    <Space size={32} data-testid="import-check">
      <Statistic title="数据行" value={check.rows} />
      <Statistic title="可以导入" value={check.good} styles={{ content: { color: '#389e0d' } }} />
      <Statistic title="其中已终结" value={check.terminated} />
      <Statistic title="拒绝导入" value={check.refused} styles={{ content: { color: check.refused ? '#cf1322' : undefined } }} />
    </Space>
  );
}

export function ImportPage() {
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<{ imported: number; check: ImportCheck } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function check(chosen: Chosen, mapping?: ImportMapping) {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await api.invoke('records.importPreview', { ...chosen, ...(mapping && { mapping }) });
    setBusy(false);
    if (!r.ok) {
      setPreview(null);
      return setError(r.message);
    }
    setPreview(r.value);
  }

  async function choose(f: File) {
    if (f.size > MAX_IMPORT_BYTES) return setError('文件超过20MB，请分成几个文件导入');
    const chosen = { fileName: f.name, dataBase64: await base64Of(f) };
    setFile(chosen);
    await check(chosen);
  }

  async function runImport() {
    if (!file || !preview) return;
    setBusy(true);
    const r = await api.invoke('records.import', { ...file, mapping: preview.mapping });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setDone(r.value);
  }

  return (
    <div data-testid="import-page" style={{ maxWidth: 1200 }}>
      <Card size="small" title="历史台账导入" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">
          导入本局以往的信访台账（Excel .xlsx，第一个工作表、第一行为表头），使以往事项——包括已终结事项——在登记时立即参与重复访和终结事项核查。只导入已办结或已终结的记录；每一行都会核验证件号码、日期和问题分类，有误的行不会导入，并列出原因。
        </Typography.Paragraph>
        <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void choose(f), false)} disabled={busy} data-testid="import-file">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{file ? `已选择：${file.fileName}（点击或拖入以更换）` : '点击选择或拖入台账文件（.xlsx）'}</p>
        </Upload.Dragger>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {preview && file && !done && (
        <Card size="small" title={`列对应（工作表：${preview.sheetName}）`} style={{ marginBottom: 12 }}>
          <MappingTable preview={preview} disabled={busy} onChange={(mapping) => void check(file, mapping)} />
          {preview.missing.length > 0 ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title="请为标有 * 的必填项选择对应的列，再进行核验" data-testid="import-missing" />
          ) : (
            preview.check && (
              <div style={{ marginTop: 12 }}>
                <CheckSummary check={preview.check} />
                <ImportReport check={preview.check} />
                <Button type="primary" style={{ marginTop: 12 }} loading={busy} disabled={preview.check.good === 0} onClick={() => void runImport()} data-testid="import-run">
                  导入 {preview.check.good} 条记录
                </Button>
              </div>
            )
          )}
        </Card>
      )}
      {done && (
        <Card size="small" title="导入结果" data-testid="import-done">
          <Alert
            type={done.imported > 0 ? 'success' : 'warning'}
            showIcon
            title={`已导入 ${done.imported} 条记录（其中已终结 ${done.check.terminated} 条）；拒绝 ${done.check.refused} 行。`}
            style={{ marginBottom: 12 }}
          />
          <ImportReport check={done.check} />
        </Card>
      )}
    </div>
  );
}
