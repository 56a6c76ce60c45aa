import { Card, Empty, Typography } from 'antd';

/** A workbench page whose function arrives with a later part of the platform. */
export function Placeholder({ title, description }: { title: string; description: string }) {
  return (
    <div>
      <Typography.Title level={3}>{title}</Typography.Title>
      <Card>
        <Empty description={description} />
      </Card>
    </div>
  );
}
