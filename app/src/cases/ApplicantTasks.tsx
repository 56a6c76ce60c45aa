import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { useGuide } from '../catalogue/api.ts';
import { actOnCase, useCaseUpdated } from './api.ts';
import { MaterialPicker, type PickableMaterial, type PickedMaterials } from './MaterialPicker.tsx';
import type { CaseDetail } from './types.ts';

type Problem = { materialKey?: string; problem: string };

/** The one-time list of the last supplement request. */
export function lastProblems(detail: CaseDetail): Problem[] {
  const last = [...detail.timeline].reverse().find((e) => e.action === 'request_supplement');
  return (last?.details.problems as Problem[] | undefined) ?? [];
}

/** 补正: the problems, uploads for the materials they name, and resubmission. */
export function SupplementCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const problems = lastProblems(detail);
  const keys = new Set(problems.flatMap((p) => (p.materialKey ? [p.materialKey] : [])));
  // A problem about no particular material may concern any of them.
  const general = problems.some((p) => !p.materialKey);
  const materials = detail.materials.filter((m) => general || keys.has(m.key));
  const names = new Map(detail.materials.map((m) => [m.key, m.name]));
  return (
    <Card title={t('cases.detail.supplement')} className="case-block case-task" data-testid="supplement-card">
      <div>{t('cases.detail.supplementIntro')}</div>
      <ol className="case-problems" data-testid="supplement-problems">
        {problems.map((p) => (
          <li key={`${p.materialKey ?? ''}-${p.problem}`}>
            {t('cases.detail.problemOf', {
              material: p.materialKey
                ? (names.get(p.materialKey) ?? p.materialKey)
                : t('cases.detail.general'),
              problem: p.problem,
            })}
          </li>
        ))}
      </ol>
      <UploadAndAct
        detail={detail}
        materials={materials}
        action="resubmit"
        label={t('cases.detail.resubmit')}
        allowEmpty
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
};

function UploadAndAct({ detail, materials, action, label, allowEmpty = false }: UploadProps) {
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
  const act = useWrite<void, CaseDetail>({
    action: () => actOnCase(detail, action, { materials: files }),
    toast: true,
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
        onClick={() => void act.run()}
        data-testid={`${action.replace('_', '-')}-submit`}
      >
        {label}
      </Button>
    </>
  );
}
