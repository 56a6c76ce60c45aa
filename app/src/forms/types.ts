import type { FieldSource, KeptSource } from '../../../common/forms/api.ts';
import type { FormDefinition, FormIssue, FormValues } from '../../../common/forms/schema.ts';

export type { FieldSource, KeptSource } from '../../../common/forms/api.ts';
export type { FormDefinition, FormField, FormIssue, FormValues } from '../../../common/forms/schema.ts';

/** An uploaded file as a file field keeps it: the hash is the value, the name is shown. */
export type UploadedFile = { sha256: string; fileName: string };

/**
 * The one renderer of an application form, for the phone, the counter, the kiosk and the agent
 * (FormRenderer.tsx), and for the workbench preview.
 */
export type FormRendererProps = {
  definition: FormDefinition;
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Where prefilled values came from, by field key: shown beside the field (来自 营业执照). */
  sources?: Record<string, FieldSource | KeptSource>;
  /** Problems to show on their fields; when they change and are not empty, the first is scrolled into view. */
  issues?: FormIssue[];
  /** Large controls for the kiosk. */
  size?: 'default' | 'large';
  /**
   * 'phone': a long form one section per step; 'wide': every section at once. Without it, the
   * window's width decides; a preview in a phone-sized frame on a wide screen says 'phone'.
   */
  layout?: 'phone' | 'wide';
  /** Uploads a file chosen for a file field; without it file fields cannot be filled. */
  uploadFile?: (file: File) => Promise<UploadedFile>;
  /** Names of files already chosen, by hash, to show them in file fields. */
  fileNames?: Record<string, string>;
};

/** The filled form as the reviewer sees it (FormView.tsx): values, the prefilled ones marked with their source. */
export type FormViewProps = {
  definition: FormDefinition;
  values: FormValues;
  sources?: Record<string, KeptSource>;
  /** Field keys a 补正 notice points at, highlighted. */
  highlighted?: string[];
};
