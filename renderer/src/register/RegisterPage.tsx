// 台账: every matter this window holds — open, closed and terminated — under the filter and order
// kept in the address, as a virtual table the clerk scrolls through, with its count, an Excel
// export of the view, and, when opened from 统计, which number it shows the matters of.
import { Alert, Button, Card, Space, Typography } from 'antd';
import { describeDrill } from '../../../domain/register/describe';
import type { RegisterFilter, RegisterSort } from '../../../domain/register/filter';
import { useNavigation } from '../shell/navigation';
import { ExportButton } from './ExportButton';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { useRegisterRows } from './useRegisterRows';

export function RegisterPage({ filter, sort }: { filter: RegisterFilter; sort: RegisterSort }) {
  const open = useNavigation((s) => s.open);
  const show = (f: RegisterFilter, s: RegisterSort) => open({ name: 'register', filter: f, sort: s });
  const { rows, count, loading, error, more } = useRegisterRows(filter, sort);

  return (
    <Card
      size="small"
      title="台账"
      data-testid="register-page"
      extra={
        <Space>
          <Typography.Text data-testid="register-count">共 {count ?? '…'} 件</Typography.Text>
          <ExportButton filter={filter} sort={sort} />
        </Space>
      }
    >
      {filter.drill && (
        <Alert
          type="info"
          showIcon
          data-testid="register-drill"
          title={`来自统计：${describeDrill(filter.drill)}`}
          action={
            <Space>
              <Button size="small" onClick={() => open({ name: 'figures' })}>
                返回统计
              </Button>
              <Button size="small" onClick={() => show({ ...filter, drill: null }, sort)}>
                取消此条件
              </Button>
            </Space>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <RegisterFilters value={filter} onChange={(f) => show(f, sort)} />
      <RegisterTable rows={rows} loading={loading} sort={sort} onSort={(s) => show(filter, s)} onNearEnd={more} />
    </Card>
  );
}
