// 行政区划 cascader (province → township), loading each level from 'reference.regions' when
// opened. The clerk may stop at the county: many visitors do not know their township's name.
import { useEffect, useMemo } from 'react';
import { Cascader } from 'antd';
import type { RegionNode } from '../../../domain/reference/rpc';
import { ROOT_REGION, useReferenceStore } from './referenceStore';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

function toOptions(regions: Record<string, RegionNode[]>, parent: string): Option[] | undefined {
  return regions[parent]?.map((r) => ({
    value: r.code,
    label: r.name,
    isLeaf: r.isLeaf,
    children: r.isLeaf ? undefined : toOptions(regions, r.code),
  }));
}

interface Props {
  id?: string;
  value?: string[];
  onChange?: (path: string[]) => void;
  placeholder?: string;
  /** For a cascader whose form label names the whole row rather than this box. */
  'aria-label'?: string;
}

export function RegionCascader({ id, value, onChange, placeholder = '省 / 市 / 区县 / 乡镇', 'aria-label': ariaLabel }: Props) {
  const regions = useReferenceStore((s) => s.regions);
  const loadRegions = useReferenceStore((s) => s.loadRegions);
  const options = useMemo(() => toOptions(regions, ROOT_REGION) ?? [], [regions]);

  // A value restored from a draft or filled from the ID number needs its levels to show names.
  const key = (value ?? []).join('/');
  useEffect(() => {
    void loadRegions(ROOT_REGION);
    for (const code of key ? key.split('/').slice(0, -1) : []) void loadRegions(code);
  }, [key, loadRegions]);

  return (
    <Cascader
      id={id}
      aria-label={ariaLabel}
      value={value}
      options={options}
      loadData={(selected) => void loadRegions(String(selected.at(-1)!.value))}
      onChange={(path) => onChange?.(((path ?? []) as (string | number)[]).map(String))}
      changeOnSelect
      placeholder={placeholder}
      displayRender={(labels) => labels.join(' / ')}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
