import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/form-errors.ts';

export type Editor<T, V> = ReturnType<typeof useEditor<T, V>>;

/**
 * The state of a create/edit dialog: what is being edited ('new' for a new one) and the save
 * that creates or updates, says so and refreshes the lists.
 */
export function useEditor<T, V>(options: {
  create: (values: V) => Promise<unknown>;
  update: (item: T, values: V) => Promise<unknown>;
  refresh: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [form] = Form.useForm<V>();
  const save = async (values: V) => {
    if (editing === 'new') {
      await options.create(values);
      message.success(t('common.created'));
    } else if (editing) {
      await options.update(editing, values);
      message.success(t('common.saved'));
    }
    await options.refresh();
  };
  return {
    editing,
    /** The item being edited; null for a new one or when closed. */
    current: editing === 'new' ? null : editing,
    edit: setEditing,
    close: () => setEditing(null),
    form,
    save,
  };
}

/** A one-click change (activate, unlock…): says whether it worked, then refreshes the lists. */
export function useAction(refresh: () => Promise<unknown>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (change: () => Promise<unknown>) => {
    try {
      await change();
      message.success(t('common.saved'));
    } catch (e) {
      message.error(messageOf(e, t('common.conflict')));
    }
    await refresh();
  };
}
