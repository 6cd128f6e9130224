// The column mapping of a 历史台账: for each field, the file's column it comes from (proposed from
// the headings, changeable), with the first rows of that column so the choice can be checked.
import { Select, Table } from 'antd';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../domain/records/importColumns';
import type { ImportPreview } from '../../../domain/records/rpc';

export function MappingTable({ preview, disabled, onChange }: { preview: ImportPreview; disabled: boolean; onChange: (m: ImportMapping) => void }) {
  const columns = preview.headings.map((h, i) => ({ value: i, label: `${String.fromCharCode(65 + (i % 26))}列 · ${h || '（无表头）'}` }));
  return (
    <Table<{ field: ImportField }>
      size="small"
      pagination={false}
      rowKey="field"
      data-testid="import-mapping"
      dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
      columns={[
        { title: '字段', width: 160, render: (_, { field }) => `${IMPORT_FIELD_LABELS[field]}${REQUIRED_IMPORT_FIELDS.includes(field) ? ' *' : ''}` },
        {
          title: '文件中的列',
          width: 260,
          render: (_, { field }) => (
            <Select
              aria-label={IMPORT_FIELD_LABELS[field]}
              style={{ width: 240 }}
              allowClear
              disabled={disabled}
              placeholder="（不导入）"
              value={preview.mapping[field] ?? undefined}
              options={columns}
              onChange={(v: number | undefined) => onChange({ ...preview.mapping, [field]: v ?? null })}
            />
          ),
        },
        {
          title: '前几行的内容',
          render: (_, { field }) => {
            const col = preview.mapping[field];
            return col === null ? '' : preview.sample.slice(0, 3).map((r) => r[col] ?? '').join('；');
          },
        },
      ]}
    />
  );
}
