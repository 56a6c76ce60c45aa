import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionsBelow } from './api.ts';

type Node = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };

/**
 * The region filter: the user's own regions as roots, each opening the regions below it on demand
 * (GET /api/regions?parent=). `name` labels a value drilled into that the tree has not loaded.
 */
export function RegionTree(props: {
  roots: { code: string; name: string }[];
  value: string | undefined;
  name: string | undefined;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Node[]>([]);
  const [empty, setEmpty] = useState<ReadonlySet<string>>(new Set());
  const roots = props.roots.filter((r) => !loaded.some((n) => n.id === r.code));
  const nodes: Node[] = [
    ...roots.map((r) => ({ id: r.code, pId: null, value: r.code, title: r.name, isLeaf: empty.has(r.code) })),
    ...loaded.map((n) => (empty.has(n.id) ? { ...n, isLeaf: true } : n)),
  ];
  const load = async (parent: string) => {
    const children = await regionsBelow(parent);
    if (children.length === 0) setEmpty((current) => new Set([...current, parent]));
    setLoaded((current) => {
      const known = new Set(current.map((n) => n.id));
      const added = children
        .filter((r) => !known.has(r.code))
        .map((r) => ({ id: r.code, pId: parent, value: r.code, title: r.name, isLeaf: !r.hasChildren }));
      return [...current, ...added];
    });
  };
  const label = nodes.find((n) => n.value === props.value)?.title ?? props.name ?? props.value;
  return (
    <TreeSelect<{ value: string; label?: string }>
      aria-label={t('statistics.filters.region')}
      data-testid="statistics-region"
      className="statistics-region"
      treeDataSimpleMode
      treeData={nodes}
      labelInValue
      value={props.value ? { value: props.value, label } : undefined}
      onChange={(chosen) => {
        if (chosen?.value) props.onChange(chosen.value);
      }}
      loadData={(node) => load(String(node.value))}
      popupMatchSelectWidth={false}
      treeNodeFilterProp="title"
      showSearch
    />
  );
}
