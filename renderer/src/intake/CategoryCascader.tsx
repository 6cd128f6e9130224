// 问题分类 (DOMAIN.md §9): two levels, the second required; typing searches both levels.
import { useEffect, useMemo } from 'react';
import { Cascader } from 'antd';
import { useReferenceStore } from './referenceStore';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (path: string[]) => void;
}

export function CategoryCascader({ id, value, onChange }: Props) {
  const categories = useReferenceStore((s) => s.categories);
  const loadCategories = useReferenceStore((s) => s.loadCategories);
  useEffect(() => void loadCategories(), [loadCategories]);
  const options = useMemo(
    () =>
      (categories ?? []).map((g) => ({
        value: g.code,
        label: g.name,
        children: g.children.map((c) => ({ value: c.code, label: c.name })),
      })),
    [categories],
  );
  return (
    <Cascader
      id={id}
      value={value}
      options={options}
      onChange={(path) => onChange?.(((path ?? []) as (string | number)[]).map(String))}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())) }}
      placeholder="可输入文字查找"
      displayRender={(labels) => labels.join(' / ')}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
