// The frame of the pages shown before the console opens: a card in the middle of the page.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

export function Centered({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width: 440 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          市级信访管理控制台
        </Typography.Title>
        <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
