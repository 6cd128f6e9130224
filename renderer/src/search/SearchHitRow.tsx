// One matter in the header search's list: its number, the petitioner (masked as the backend
// decided for this role), the category, where it stands and the next deadline.
import { Tag, Typography } from 'antd';
import type { SearchHit } from '../../../domain/search/rpc';
import { DaysLeftTag } from '../matters/DaysLeftTag';

const COLUMNS = '200px 170px minmax(120px, 1fr) 96px 190px';

export function SearchHitRow({ hit }: { hit: SearchHit }) {
  const d = hit.nextDeadline;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, alignItems: 'center' }} data-testid="search-hit">
      <span style={{ whiteSpace: 'nowrap' }}>{hit.matterNo}</span>
      <span style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {hit.visitor.name}
        <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
          {hit.visitor.credential}
        </Typography.Text>
      </span>
      <Typography.Text ellipsis>{hit.category.join(' / ') || '未分类'}</Typography.Text>
      <span>
        <Tag>{hit.statusLabel}</Tag>
      </span>
      <span style={{ whiteSpace: 'nowrap' }}>
        {d ? (
          <>
            {d.label} <DaysLeftTag deadline={d} />
          </>
        ) : (
          <Typography.Text type="secondary">无待办期限</Typography.Text>
        )}
      </span>
    </div>
  );
}
