// 附件: scans and photos of the visitor's materials for a registered matter — images or PDF up to
// 20 MB, sent as base64 to 'attachments.add' and queued for the city with the matter.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, List, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENT_BYTES } from '../../../domain/intake/attachments';
import type { MethodOutput } from '../../../domain/rpc/contract';
import { api } from '../api/client';
import { downloadBase64 } from '../shell/download';

type Attachment = MethodOutput<'attachments.list'>[number];
type Mime = (typeof ATTACHMENT_MIME_TYPES)[number];

const isAllowed = (mime: string): mime is Mime => (ATTACHMENT_MIME_TYPES as readonly string[]).includes(mime);

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL is "data:<mime>;base64,<data>": the part after the comma is the file.
    reader.onload = () => resolve(String(reader.result).split(',', 2)[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const sizeLabel = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function AttachmentsPanel({ matterId }: { matterId: string }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<Attachment[]>([]);
  const refresh = useCallback(async () => {
    const r = await api.invoke('attachments.list', { matterId });
    if (r.ok) setItems(r.value);
  }, [matterId]);
  useEffect(() => void refresh(), [refresh]);

  const open = async (id: string) => {
    const r = await api.invoke('attachments.read', { id });
    if (r.ok) downloadBase64(r.value);
    else message.error(r.message);
  };

  return (
    <div data-testid="attachments">
      <Upload.Dragger
        multiple
        accept={ATTACHMENT_MIME_TYPES.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          // Refused here so a 200 MB scan is never read into memory and sent.
          if (!isAllowed(file.type)) {
            message.error(`${file.name}：只能上传图片（JPG、PNG 等）或 PDF 文件`);
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_ATTACHMENT_BYTES) {
            message.error(`${file.name}：附件不能超过20MB`);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File;
          void (async () => {
            const r = await api.invoke('attachments.add', { matterId, fileName: f.name, mime: f.type as Mime, dataBase64: await readBase64(f) });
            if (r.ok) {
              onSuccess?.(r.value);
              void refresh();
            } else {
              message.error(`${f.name}：${r.message}`);
              onError?.(new Error(r.message));
            }
          })();
        }}
        style={{ padding: 0 }}
      >
        <Typography.Text type="secondary">
          <InboxOutlined style={{ marginRight: 6 }} />
          拖入或点击上传材料（图片或PDF，单个不超过20MB）
        </Typography.Text>
      </Upload.Dragger>
      {items.length > 0 && (
        <List<Attachment>
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button key="open" size="small" type="link" onClick={() => void open(a.id)}>
                  查看
                </Button>,
              ]}
            >
              <Typography.Text ellipsis style={{ maxWidth: 300 }}>
                {a.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sizeLabel(a.size)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
