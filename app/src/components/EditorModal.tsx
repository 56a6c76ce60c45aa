import { FormModal } from './FormModal.tsx';
import type { Editor } from './useEditor.ts';

type Props<T, V> = {
  editor: Editor<T, V>;
  titles: { create: string; edit: string };
  /** The form's values for an existing item. */
  valuesOf: (item: T) => Partial<V>;
  /** The form's values for a new one. */
  blank?: Partial<V>;
  children: React.ReactNode;
};

/** The create/edit dialog of a useEditor. */
export function EditorModal<T, V extends object>({ editor, titles, valuesOf, blank, children }: Props<T, V>) {
  const { editing } = editor;
  return (
    <FormModal<V>
      open={editing !== null}
      title={editing === 'new' ? titles.create : titles.edit}
      form={editor.form}
      initialValues={editing && editing !== 'new' ? valuesOf(editing) : blank}
      onSubmit={editor.save}
      invalidates={editor.invalidates}
      onSaved={editor.saved}
      onClose={editor.close}
    >
      {children}
    </FormModal>
  );
}
