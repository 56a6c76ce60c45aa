import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { useGuide } from '../catalogue/api.ts';
import { actOnCase, useCaseUpdated } from './api.ts';
import { useFormCorrection } from './FormCorrection.tsx';
import { MaterialPicker, type PickableMaterial, type PickedMaterials } from './MaterialPicker.tsx';
import { lastProblems, problemSubject } from './supplement.ts';
import type { ActionBody, CaseDetail } from './types.ts';

/**
 * 补正: the problems, the fields of the form they name to correct, uploads for the materials they
 * name, and resubmission.
 */
export function SupplementCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const problems = lastProblems(detail);
  const keys = new Set(problems.flatMap((p) => (p.materialKey ? [p.materialKey] : [])));
  // A problem about no particular material or field may concern any material.
  const general = problems.some((p) => !p.materialKey && !p.fieldKey);
  const materials = detail.materials.filter((m) => general || keys.has(m.key));
  const correction = useFormCorrection(detail);
  return (
    <Card title={t('cases.detail.supplement')} className="case-block case-task" data-testid="supplement-card">
      <div>{t('cases.detail.supplementIntro')}</div>
      <ol className="case-problems" data-testid="supplement-problems">
        {problems.map((p) => (
          <li key={`${p.materialKey ?? p.fieldKey ?? ''}-${p.problem}`}>
            {t('cases.detail.problemOf', { material: problemSubject(detail, p, t), problem: p.problem })}
          </li>
        ))}
      </ol>
      {correction.element}
      <UploadAndAct
        detail={detail}
        materials={materials}
        action="resubmit"
        label={t('cases.detail.resubmit')}
        allowEmpty
        body={correction.body}
        refused={correction.refused}
      />
    </Card>
  );
}

/** 容缺: the materials still missing, by when, and their upload. */
export function GapCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const materials = detail.materials.filter((m) => detail.gaps.includes(m.key));
  return (
    <Card title={t('cases.detail.supplyGap')} className="case-block case-task" data-testid="gap-card">
      <Alert
        type="warning"
        showIcon
        title={t('cases.detail.supplyGapIntro', { deadline: detail.gapDeadline ?? '—' })}
      />
      <UploadAndAct
        detail={detail}
        materials={materials}
        action="supply_gap"
        label={t('cases.detail.supplyGap')}
      />
    </Card>
  );
}

type UploadProps = {
  detail: CaseDetail;
  materials: CaseDetail['materials'];
  action: 'resubmit' | 'supply_gap';
  label: string;
  allowEmpty?: boolean;
  /** More of the action's body (the corrected form); null: not ready to send (its problems are shown). */
  body?: () => Partial<ActionBody> | null;
  /** A refusal shown where it belongs (the form's fields); true when it was. */
  refused?: (error: unknown) => boolean;
};

function UploadAndAct({ detail, materials, action, label, allowEmpty = false, body, refused }: UploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useCaseUpdated();
  const [picked, setPicked] = useState<PickedMaterials>({});
  const guide = useGuide(detail.implementationId);
  const files = Object.values(picked);
  // The catalogue says which materials come from e-certificates and when a material applies.
  const pickable: PickableMaterial[] = materials.map((m) => {
    const entry = guide.data?.document.materials.find((g) => g.key === m.key);
    return { ...entry, ...m, gapAllowed: false };
  });
  const act = useWrite<Partial<ActionBody>, CaseDetail>({
    action: (more) => actOnCase(detail, action, { ...more, materials: files }),
    toast: true,
    refused,
    onSuccess: async (next) => {
      await updated(next);
      setPicked({});
      message.success(t('cases.staff.done', { action: t(`cases.action.${action}`) }));
    },
  });
  return (
    <>
      <MaterialPicker materials={pickable} value={picked} onChange={setPicked} />
      <Button
        type="primary"
        size="large"
        block
        loading={act.busy}
        disabled={!allowEmpty && files.length === 0}
        onClick={() => {
          const more = body ? body() : {};
          if (more) void act.run(more);
        }}
        data-testid={`${action.replace('_', '-')}-submit`}
      >
        {label}
      </Button>
    </>
  );
}
