import type {
  CaseType,
  ExercisingLevel,
  LimitUnit,
  MatterType,
  RealisationMode,
  ResultType,
  ServiceObject,
  SpecialProcedure,
  Theme,
} from '../../../common/catalogue/elements.ts';
import type { Fee, Material } from '../../../common/catalogue/guide.ts';

/** The demo regions: 西安市 and two of its districts. */
export type DemoRegion = '610100' | '610102' | '610103';

/** What differs when a district implements the matter (mostly shorter limits, more 即办). */
export type LocalVariant = {
  limits?: [legal: number, promised: number];
  mode?: RealisationMode;
  caseType?: CaseType;
};

/**
 * One matter of the demo catalogue, written compactly: the basic matter and the elements of its
 * implementations. The guide's routine parts (steps, places, contacts, channels, delivery) are
 * derived from these by `buildDocument`.
 */
export type MatterSpec = {
  name: string;
  type: MatterType;
  level?: ExercisingLevel;
  /** 设定依据: [law, article, text]. */
  basis: [name: string, article: string, text: string][];
  object: ServiceObject;
  conditions: string;
  limits: [legal: number, promised: number];
  unit?: LimitUnit;
  mode: RealisationMode;
  /** Defaults to 即办件 when the promised limit is 0, else 承诺件. */
  caseType?: CaseType;
  visits?: number;
  procedures?: [kind: SpecialProcedure, maxDays: number, notes: string][];
  promise?: boolean;
  fees?: Fee[];
  result: [type: ResultType, name: string];
  themes: Theme[];
  keywords: string[];
  materials: Material[];
  /** Where the matter is implemented; the city alone when not given. */
  regions?: DemoRegion[];
  local?: LocalVariant;
};

/** A department's share of the demo catalogue. */
export type DepartmentMatters = {
  /** Short name of the city department (DemoOrganisations.departments). */
  department: string;
  /** Two digits placed in the basic codes of the department's matters. */
  sector: string;
  matters: MatterSpec[];
};

/** A fee item with its legal basis. */
export const fee = (name: string, amount: number, legalBasis: string, standard = ''): Fee => ({
  name,
  amount,
  standard,
  legalBasis,
});
