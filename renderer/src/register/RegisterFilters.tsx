// The register's filter bar: every condition of domain/register/filter.ts as a control. Each
// change goes straight into the view (and the address), so what is shown is what is filtered.
import { Button, DatePicker, Form, Select, Segmented, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { CHANNEL_LABELS, channelSchema } from '../../../domain/intake/registration';
import { CLASS_LABELS, matterClassSchema, matterRouteSchema, ROUTE_LABELS } from '../../../domain/matters/routes';
import { STATE_LABELS } from '../../../domain/matters/states';
import { DEADLINE_STATE_LABELS, type DeadlineState, emptyFilter, NONE, REGISTER_FLAG_LABELS, type RegisterFilter, registerFlagSchema, STATE_GROUPS } from '../../../domain/register/filter';
import type { MethodOutput } from '../../../domain/rpc/contract';
import { api } from '../api/client';
import { useReferenceStore } from '../intake/referenceStore';

type Options = MethodOutput<'register.options'>;
const NOT_SET = { label: '（未填写）', value: NONE };

function useOptions(): Options {
  const [options, setOptions] = useState<Options>({ places: [], units: [], devices: [] });
  const categories = useReferenceStore((s) => s.categories);
  useEffect(() => {
    void api.invoke('register.options', {}).then((r) => r.ok && setOptions(r.value));
    if (!categories) void useReferenceStore.getState().loadCategories();
  }, [categories]);
  return options;
}

export function RegisterFilters({ value, onChange }: { value: RegisterFilter; onChange: (f: RegisterFilter) => void }) {
  const options = useOptions();
  const categories = useReferenceStore((s) => s.categories) ?? [];
  const set = <K extends keyof RegisterFilter>(key: K, v: RegisterFilter[K]) => onChange({ ...value, [key]: v });
  // Typing finds options by their name (the values are codes).
  const many = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, showSearch: { optionFilterProp: 'label' }, style: { width: 200 } };

  return (
    <Form layout="inline" size="small" style={{ rowGap: 8, marginBottom: 12 }} data-testid="register-filters">
      <Form.Item label="状态">
        <Select
          {...many}
          aria-label="状态"
          value={value.states}
          onChange={(v) => set('states', v)}
          options={STATE_GROUPS.map((g) => ({ label: g.label, options: g.states.map((s) => ({ label: STATE_LABELS[s], value: s })) }))}
        />
      </Form.Item>
      <Form.Item label="类别">
        <Select {...many} aria-label="类别" value={value.classes} onChange={(v) => set('classes', v)} options={[...matterClassSchema.options.map((c) => ({ label: CLASS_LABELS[c], value: c })), { ...NOT_SET, label: '（尚未分类）' }]} />
      </Form.Item>
      <Form.Item label="处理途径">
        <Select {...many} aria-label="处理途径" value={value.routes} onChange={(v) => set('routes', v)} options={[...matterRouteSchema.options.map((r) => ({ label: ROUTE_LABELS[r], value: r })), { ...NOT_SET, label: '（尚未分类）' }]} />
      </Form.Item>
      <Form.Item label="问题分类">
        <TreeSelect
          allowClear
          maxTagCount="responsive"
          style={many.style}
          showSearch
          treeNodeFilterProp="title"
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          aria-label="问题分类"
          value={value.categories}
          onChange={(v: string[]) => set('categories', v)}
          treeData={[...categories.map((g) => ({ title: g.name, value: g.code, children: g.children.map((c) => ({ title: c.name, value: c.code })) })), { title: NOT_SET.label, value: NONE }]}
        />
      </Form.Item>
      <Form.Item label="属地">
        <Select {...many} aria-label="属地" value={value.places} onChange={(v) => set('places', v)} options={[...options.places.map((p) => ({ label: p.name, value: p.code })), NOT_SET]} />
      </Form.Item>
      <Form.Item label="责任单位">
        <Select {...many} aria-label="责任单位" value={value.units} onChange={(v) => set('units', v)} options={options.units.map((u) => ({ label: u, value: u }))} />
      </Form.Item>
      <Form.Item label="渠道">
        <Select {...many} style={{ width: 150 }} aria-label="渠道" value={value.channels} onChange={(v) => set('channels', v)} options={channelSchema.options.map((c) => ({ label: CHANNEL_LABELS[c], value: c }))} />
      </Form.Item>
      <Form.Item label="登记日期">
        <DatePicker.RangePicker
          aria-label="登记日期"
          allowEmpty={[true, true]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(r) => onChange({ ...value, from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
      </Form.Item>
      <Form.Item label="期限">
        <Segmented<DeadlineState | 'any'>
          aria-label="期限"
          value={value.deadline ?? 'any'}
          onChange={(v) => set('deadline', v === 'any' ? null : v)}
          options={[{ label: '不限', value: 'any' }, ...(Object.keys(DEADLINE_STATE_LABELS) as DeadlineState[]).map((d) => ({ label: DEADLINE_STATE_LABELS[d], value: d }))]}
        />
      </Form.Item>
      <Form.Item label="标记">
        <Select {...many} aria-label="标记" value={value.flags} onChange={(v) => set('flags', v)} options={registerFlagSchema.options.map((f) => ({ label: REGISTER_FLAG_LABELS[f], value: f }))} />
      </Form.Item>
      <Form.Item label="登记设备">
        <Select {...many} style={{ width: 160 }} aria-label="登记设备" value={value.devices} onChange={(v) => set('devices', v)} options={options.devices.map((d) => ({ label: d, value: d }))} />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange(emptyFilter())}>清除条件</Button>
      </Form.Item>
    </Form>
  );
}
