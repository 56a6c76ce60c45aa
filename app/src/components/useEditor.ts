import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Invalidation, useWrite } from '../api/mutation.ts';

export type Editor<T, V> = ReturnType<typeof useEditor<T, V>>;

/**
 * The state of a create/edit dialog: what is being edited ('new' for a new one), the save that
 * creates or updates, what it says when done and the lists it marks stale (the dialog's write).
 */
export function useEditor<T, V>(options: {
  create: (values: V) => Promise<unknown>;
  update: (item: T, values: V) => Promise<unknown>;
  invalidates: readonly Invalidation[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [form] = Form.useForm<V>();
  const save = async (values: V) => {
    if (editing === 'new') await options.create(values);
    else if (editing) await options.update(editing, values);
  };
  return {
    editing,
    /** The item being edited; null for a new one or when closed. */
    current: editing === 'new' ? null : editing,
    edit: setEditing,
    close: () => setEditing(null),
    form,
    save,
    invalidates: options.invalidates,
    saved: () => message.success(editing === 'new' ? t('common.created') : t('common.saved')),
  };
}

/** A one-click change (activate, unlock…): says whether it worked, then marks the lists stale. */
export function useAction(invalidates: readonly Invalidation[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWrite<() => Promise<unknown>>({
    action: (change) => change(),
    invalidates,
    toast: true,
    refreshOnError: true,
    onSuccess: () => message.success(t('common.saved')),
  });
  return write.run;
}
