import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FORM_ELEMENTS } from '../../../../../common/forms/elements.ts';
import { api } from '../../../api/client.ts';

type CertificateType = { code: string; name: string; fields: { key: string; label: string }[] };

/** The certificate catalogue (证照目录): its types and their fields, the same for everyone. */
export function useCertificateTypes() {
  return useQuery({
    queryKey: ['/api/certificate-types'],
    queryFn: () => api.get<{ items: CertificateType[] }>('/api/certificate-types'),
    staleTime: 10 * 60_000,
  });
}

/** A binding's words: 经营场所（premises）, 营业执照 · 注册资本. */
export function useBindingLabel() {
  const types = useCertificateTypes();
  return (binding: string): string => {
    if (Object.hasOwn(FORM_ELEMENTS, binding)) return FORM_ELEMENTS[binding as keyof typeof FORM_ELEMENTS];
    const match = /^certificate:([^.]+)\.(.+)$/.exec(binding);
    const type = match ? types.data?.items.find((t) => t.code === match[1]) : undefined;
    const field = type?.fields.find((f) => f.key === match?.[2]);
    return type ? `${type.name} · ${field?.label ?? match?.[2]}` : binding;
  };
}

type Props = { value: string | undefined; onChange: (binding: string | undefined) => void };

/** Chooses where a field is prefilled from: a national data element, or a field of a certificate type. */
export function BindingSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const types = useCertificateTypes();
  const options = [
    {
      label: t('catalogue.staff.formEditor.prop.bindingElements'),
      options: Object.entries(FORM_ELEMENTS).map(([key, label]) => ({
        value: key,
        label: `${label}（${key}）`,
      })),
    },
    ...(types.data?.items ?? []).map((type) => ({
      label: type.name,
      options: type.fields.map((f) => ({
        value: `certificate:${type.code}.${f.key}`,
        label: `${type.name} · ${f.label}`,
      })),
    })),
  ];
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={types.isPending}
      placeholder={t('catalogue.staff.formEditor.prop.bindingPlaceholder')}
      aria-label={t('catalogue.staff.formEditor.prop.binding')}
      value={value}
      options={options}
      onChange={(v?: string) => onChange(v || undefined)}
      data-testid="prop-binding"
    />
  );
}
