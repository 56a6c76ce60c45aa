import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Region } from './types.ts';

type Option = { value: string; label: string; isLeaf: boolean; children?: Option[] };

const optionOf = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: !r.hasChildren });
const children = async (parent: string) =>
  (await api.get<{ items: Region[] }>('/api/regions', { parent })).items;

type Props = {
  /** The region whose children are the first column (the platform's city). */
  root: string;
  /** The codes from the first column down to the one chosen. */
  value?: string[];
  onChange?: (codes: string[]) => void;
  placeholder?: string;
  id?: string;
  className?: string;
  size?: 'small' | 'middle' | 'large';
};

/** Picks a district, street or community below `root`, column by column, any level (GET /api/regions?parent=). */
export function RegionCascader({ root, value, onChange, placeholder, id, className, size }: Props) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    let live = true;
    void children(root).then((regions) => {
      if (live) setOptions(regions.map(optionOf));
    });
    return () => {
      live = false;
    };
  }, [root]);
  const loadData = async (path: Option[]) => {
    const target = path[path.length - 1]!;
    target.children = (await children(target.value)).map(optionOf);
    setOptions((current) => [...current]);
  };
  return (
    <Cascader
      id={id}
      className={className}
      options={options}
      loadData={(path) => void loadData(path as Option[])}
      changeOnSelect
      value={value}
      onChange={(codes) => onChange?.((codes ?? []) as string[])}
      placeholder={placeholder}
      size={size}
      allowClear
    />
  );
}
