import type { registriesZh } from './messages.zh-CN.ts';

/** The UI strings of the population and legal-entity bases in English. */
export const registriesEn: typeof registriesZh = {
  intro:
    'The population and legal-entity bases are the shared data sources of “enter once, match by number”: ID cards, household registers and business licences are filled in from them. ID numbers, phones and addresses are masked in the lists. Real data can be imported as CSV or Excel after the template (all rows must be valid; records are added or updated by number).',
  persons: 'Population base',
  companies: 'Legal-entity base',
  idNumber: 'ID number',
  name: 'Name',
  sex: 'Sex',
  male: 'Male',
  female: 'Female',
  birthYear: 'Year of birth',
  address: 'Address',
  phone: 'Phone',
  regionCode: 'Region code',
  creditCode: 'Credit code',
  companyName: 'Name',
  legalRepresentative: 'Legal representative',
  companyType: 'Type',
  establishedOn: 'Established',
  status: 'Status',
  registeredAddress: 'Registered address',
  searchPersons: 'Name or full ID number',
  searchCompanies: 'Name or credit code',
  import: 'Import CSV / Excel',
  template: 'Download template',
  imported: '{{imported}} records imported ({{created}} new, {{updated}} updated)',
  importErrors: '{{file}} has {{count}} problems; nothing was imported. Correct them and import again:',
  row: 'Row',
  column: 'Column',
  problem: 'Problem',
};
