import type { ImplementationDocument, Material } from '../../../../common/catalogue/guide.ts';

/** A new implementation's first draft: valid, to be completed in the editor. */
export function blankDocument(name: string): ImplementationDocument {
  return {
    name,
    serviceObject: 'person',
    acceptanceConditions: '',
    caseType: 'promised',
    legalLimit: { value: 20, unit: 'working_days' },
    promisedLimit: { value: 10, unit: 'working_days' },
    specialProcedures: [],
    visitsRequired: 1,
    realisationMode: 'at_most_once',
    channels: ['online', 'counter'],
    promiseAllowed: false,
    fees: [],
    steps: [],
    places: [],
    consultation: '',
    complaint: '',
    result: { type: 'certificate', name: '' },
    delivery: ['window_pickup'],
    themes: [],
    keywords: [],
    materials: [],
  };
}

/** A new material row with a key not used yet in `taken`. */
export function blankMaterial(taken: readonly string[]): Material {
  let n = taken.length + 1;
  while (taken.includes(`m${n}`)) n += 1;
  return {
    key: `m${n}`,
    name: '',
    type: 'original',
    form: '',
    required: true,
    condition: '',
    paperCopies: 1,
    source: 'applicant',
    certificateType: '',
    gapAllowed: false,
    blankFormFile: null,
    sampleFile: null,
    notes: '',
  };
}
