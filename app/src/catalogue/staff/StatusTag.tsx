import { Tag } from 'antd';
import type { VersionStatus } from '../../../../common/catalogue/elements.ts';
import { useLabels } from '../labels.ts';

const COLOURS: Record<VersionStatus, string> = {
  draft: 'default',
  under_review: 'orange',
  published: 'green',
  superseded: 'default',
  retired: 'red',
};

export function StatusTag({ status }: { status: VersionStatus }) {
  const labels = useLabels();
  return (
    <Tag color={COLOURS[status]} data-testid="version-status">
      {labels.versionStatus[status]}
    </Tag>
  );
}
