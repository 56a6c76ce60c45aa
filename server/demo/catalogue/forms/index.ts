import type { FormDefinition } from '../../../../common/forms/schema.ts';
import { FOOD_FORMS } from './food.ts';
import { HEALTH_FORMS } from './health.ts';
import { MARKET_FORMS } from './market.ts';
import { MORE_FORMS } from './more.ts';
import { POLICE_FORMS } from './police.ts';
import { PROPERTY_FORMS } from './property.ts';
import { TAX_LABOUR_FORMS } from './tax-labour.ts';

/**
 * The application forms (申请表) of the 30 most requested demo matters, by matter name: each
 * implementation of the matter (city and districts) publishes its form with its guide.
 *
 * Bindings name what the demo data can answer: for a company, the legal-entity base (法人库:
 * entityName, creditCode, entityType, legalRepresentative, legalRepresentativeIdNumber,
 * registeredAddress, businessScope, regionCode …) and its 营业执照 (`certificate:yyzz.*`); for a
 * person, the population base (personName, personIdNumber, personSex as 男/女, personAddress,
 * regionCode) and held certificates (`certificate:csyxzm.*`, `certificate:jhz.*`,
 * `certificate:bdcqz.*`); the account's profile answers mobilePhone and contactPhone; earlier cases
 * answer residenceAddress, contactName and email once filed.
 */
export const DEMO_FORMS: Record<string, FormDefinition> = {
  ...MARKET_FORMS,
  ...FOOD_FORMS,
  ...POLICE_FORMS,
  ...TAX_LABOUR_FORMS,
  ...HEALTH_FORMS,
  ...PROPERTY_FORMS,
  ...MORE_FORMS,
};
