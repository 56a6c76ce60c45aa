import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { CASES, submitCase } from './api.ts';
import { missingRequired, type PickableMaterial, type PickedMaterials } from './MaterialPicker.tsx';
import { type Prefilled, submittedMaterials } from './prefill.ts';
import type { CaseDetail, SubmitBody } from './types.ts';

type Filing = {
  /** The matter's materials. */
  materials: PickableMaterial[];
  prefilled?: Prefilled;
  /** The application without its materials. */
  body: Omit<SubmitBody, 'materials'>;
  onFiled: (created: CaseDetail) => void;
  /** A new key once a case is filed: the counter's form files one case after another. */
  renewKey?: boolean;
};

/**
 * Filing an application, the same online, at a kiosk and at the counter: the materials picked,
 * the check that every required one is uploaded or prefilled, one idempotency key per form
 * (pressing submit twice files one case), the busy flag and the problem to show (with `form`,
 * a refusal naming one of its fields goes on that field; `refused` takes the application form's).
 */
export function useCaseSubmission(
  options: {
    form?: FormInstance;
    /** A refusal shown in its own way (the application form's problems on its fields); true when it was. */
    refused?: (error: unknown) => boolean;
  } = {},
) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedMaterials>({});
  const idempotencyKey = useRef(crypto.randomUUID());
  const write = useWrite<Filing, CaseDetail>({
    action: (filing) =>
      submitCase(
        { ...filing.body, materials: submittedMaterials(picked, filing.prefilled ?? {}) },
        idempotencyKey.current,
      ),
    form: options.form,
    refused: (error) => options.refused?.(error) ?? false,
    invalidates: [[CASES]],
    onSuccess: (created, filing) => {
      if (filing.renewKey) idempotencyKey.current = crypto.randomUUID();
      filing.onFiled(created);
    },
  });

  const submit = async (filing: Filing) => {
    const missing = missingRequired(filing.materials, picked, filing.prefilled ?? {});
    if (missing.length) {
      write.setProblem(t('cases.material.missingRequired', { names: missing.join('、') }));
      return;
    }
    await write.run(filing);
  };

  return { picked, setPicked, problem: write.problem, busy: write.busy, submit };
}

/** The materials still asked for when the application form is filled: not those the form stands for (covers). */
export function materialsToHandIn<M extends { key: string }>(
  materials: M[],
  form: { covers?: string[] } | null | undefined,
): M[] {
  const covered = new Set(form?.covers ?? []);
  return materials.filter((m) => !covered.has(m.key));
}
