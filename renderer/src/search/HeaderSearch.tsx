// The search box in the title bar, on every screen (issue #12): Ctrl+K from anywhere, or "/"
// outside a field, puts the cursor in it; the newest matters matching the fragment drop down,
// the arrow keys move through them and Enter opens the matter's file.
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Spin, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { SEARCH_LIMIT } from '../../../domain/search/query';
import { useMayCall } from '../session/useMayCall';
import { useNavigation } from '../shell/navigation';
import { useShortcut } from '../shell/useShortcut';
import { SearchHitRow } from './SearchHitRow';
import { useSearch } from './useSearch';

const MORE = '__more';

export function HeaderSearch() {
  const may = useMayCall();
  const openPage = useNavigation((s) => s.open);
  const input = useRef<InputRef>(null);
  const [open, setOpen] = useState(false);
  const { query, result, change, composition } = useSearch();
  const focus = () => {
    input.current?.focus({ cursor: 'all' });
    setOpen(true);
  };
  useShortcut('search', focus);
  useShortcut('searchOutsideFields', focus);
  if (!may.method('search.matters')) return null;

  const options = result.hits.map((hit) => ({ value: hit.matterId, label: <SearchHitRow hit={hit} /> }));
  if (result.more) options.push({ value: MORE, label: <span>只列出最新的{SEARCH_LIMIT}件，请输入更多内容缩小范围</span> });
  return (
    <AutoComplete
      value={query}
      options={options.map((o) => ({ ...o, disabled: o.value === MORE }))}
      open={open && query.trim() !== ''}
      onOpenChange={setOpen}
      onChange={change}
      onSelect={(matterId: string) => {
        openPage({ name: 'matter', matterId });
        change('');
        setOpen(false);
        input.current?.blur();
      }}
      defaultActiveFirstOption
      filterOption={false}
      popupMatchSelectWidth={820}
      notFoundContent={result.loading ? <Spin size="small" /> : <span data-testid="search-message">{result.error ?? '没有找到相关事项'}</span>}
      style={{ width: 300, flex: '0 0 auto' }}
    >
      <Input
        ref={input}
        {...composition}
        prefix={<SearchOutlined />}
        placeholder="查找：姓名、证件号、电话、编号、内容（Ctrl+K）"
        aria-label="查找事项"
        data-testid="header-search"
        allowClear
      />
    </AutoComplete>
  );
}
