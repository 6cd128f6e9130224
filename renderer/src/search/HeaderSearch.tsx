// The search box in the title bar, on every screen (issue #12): Ctrl+K from anywhere, or "/"
// outside a field, puts the cursor in it; the newest matters matching the fragment drop down,
// the arrow keys move through them and Enter opens the matter's file. With nothing to list, the
// spinner or the reason shows in a status panel below the box, not in an empty list: an empty
// listbox with an active option of -1 is what a screen reader cannot make sense of (axe:
// aria-required-children, aria-valid-attr-value).
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Spin, theme, Typography, type InputRef } from 'antd';
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
  const { token } = theme.useToken();
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
  // Its own colour: a disabled option's grey is too faint for a sentence the clerk must read.
  if (result.more) options.push({ value: MORE, label: <Typography.Text type="secondary">只列出最新的{SEARCH_LIMIT}件，请输入更多内容缩小范围</Typography.Text> });
  const asking = open && query.trim() !== '';
  const showStatus = asking && options.length === 0;
  const statusPanel = { position: 'absolute', top: '100%', left: 0, marginTop: 4, padding: '5px 12px', minWidth: 300, zIndex: token.zIndexPopupBase + 50, lineHeight: token.lineHeight, color: token.colorText, background: token.colorBgElevated, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowSecondary } as const;
  const status = result.loading ? <Spin size="small" /> : <span data-testid="search-message">{result.error ?? '没有找到相关事项'}</span>;
  return (
    <div style={{ position: 'relative', flex: '0 0 auto' }}>
      <AutoComplete
        value={query}
        options={options.map((o) => ({ ...o, disabled: o.value === MORE }))}
        open={asking}
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
        notFoundContent={null}
        style={{ width: 300 }}
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
      {/* Always there, so a screen reader announces what comes into it. */}
      <div role="status" style={showStatus ? statusPanel : undefined}>
        {showStatus && status}
      </div>
    </div>
  );
}
