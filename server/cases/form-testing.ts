import type { FormDefinition, FormField } from '../../common/forms/schema.ts';
import { FOOD_FORM } from '../../common/forms/testing.ts';
import { sampleMaterial } from '../catalogue/testing.ts';

/** For tests of the form at the server: FOOD_FORM as a matter's form, and the materials it covers. */

/**
 * FOOD_FORM (common/forms/testing.ts) with the bindings a 食品经营许可 form has where the data
 * exists: 注册资本 and the representative's ID number in the 法人库, the region of the company's
 * registration. It stands for the 申请书 (material `sqs`).
 */
export const FOOD_FORM_BOUND: FormDefinition = {
  ...FOOD_FORM,
  covers: ['sqs'],
  sections: FOOD_FORM.sections.map((section) => ({
    ...section,
    fields: section.fields.map((field): FormField => {
      const binding = (
        {
          capital: 'registeredCapital',
          representativeId: 'legalRepresentativeIdNumber',
          region: 'regionCode',
        } as Record<string, string>
      )[field.key];
      return binding ? { ...field, binding } : field;
    }),
  })),
};

/** The materials of the matter: the 申请书 the form covers, the 营业执照 and the premises proof. */
export const FOOD_FORM_MATERIALS = [
  sampleMaterial(),
  sampleMaterial({
    key: 'yyzz',
    name: '营业执照',
    type: 'electronic',
    source: 'e_certificate',
    certificateType: '营业执照',
  }),
  sampleMaterial({ key: 'zscl', name: '经营场所使用证明', required: false, condition: '租用场所的' }),
];
