import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitCase } from './api.ts';
import { missingRequired, type PickableMaterial, type PickedMaterials } from './MaterialPicker.tsx';
import { type Prefilled, submittedMaterials } from './prefill.ts';
import type { CaseDetail } from './types.ts';

/**
 * Filing an application, the same online, at a kiosk and at the counter: the materials picked,
 * the check that every required one is uploaded or prefilled, one idempotency key per form
 * (pressing submit twice files one case), the busy flag and the problem to show.
 */
export function useCaseSubmission() {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedMaterials>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());

  const submit = async (options: {
    /** The matter's materials. */
    materials: PickableMaterial[];
    prefilled?: Prefilled;
    /** The application without its materials. */
    body: Record<string, unknown>;
    onFiled: (created: CaseDetail) => void;
    /** The problem shown for a refusal (null when the form's fields show it); the error's message when not given. */
    problemOf?: (error: unknown) => string | null;
    /** A new key once a case is filed: the counter's form files one case after another. */
    renewKey?: boolean;
  }) => {
    const prefilled = options.prefilled ?? {};
    const missing = missingRequired(options.materials, picked, prefilled);
    if (missing.length) {
      setProblem(t('cases.material.missingRequired', { names: missing.join('、') }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const created = await submitCase(
        { ...options.body, materials: submittedMaterials(picked, prefilled) },
        idempotencyKey.current,
      );
      if (options.renewKey) idempotencyKey.current = crypto.randomUUID();
      options.onFiled(created);
    } catch (error) {
      setProblem(
        options.problemOf ? options.problemOf(error) : error instanceof Error ? error.message : String(error),
      );
    } finally {
      setBusy(false);
    }
  };

  return { picked, setPicked, problem, busy, submit };
}
