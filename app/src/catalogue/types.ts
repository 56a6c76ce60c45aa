import type { ExercisingLevel, MatterType, Theme } from '../../../common/catalogue/elements.ts';
import type { ImplementationDocument, LegalBasis } from '../../../common/catalogue/guide.ts';

/** One matter in the public search and browse lists (GET /api/catalogue/search, /matters). */
export type MatterSummary = {
  implementationId: string;
  code: string;
  name: string;
  basicCode: string;
  matterType: MatterType;
  departmentId: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  serviceObject: ImplementationDocument['serviceObject'];
  caseType: ImplementationDocument['caseType'];
  realisationMode: ImplementationDocument['realisationMode'];
  legalLimit: number;
  promisedLimit: number;
  limitUnit: ImplementationDocument['legalLimit']['unit'];
  visitsRequired: number;
  themes: Theme[];
  onlineAvailable: boolean;
};

/** The published guide of one implementation (GET /api/catalogue/guides/:id). */
export type Guide = {
  implementationId: string;
  code: string;
  versionNo: number;
  publishedAt: string;
  basicMatter: {
    code: string;
    name: string;
    matterType: MatterType;
    exercisingLevel: ExercisingLevel;
    legalBasis: LegalBasis[];
  };
  department: { id: string; name: string };
  region: { code: string; name: string };
  document: ImplementationDocument;
};

/** The catalogue's figures over published versions; shares are 0..1. */
export type Figures = {
  matters: number;
  atMostOnceShare: number;
  fullyOnlineShare: number;
  immediateShare: number;
  averageCompression: number;
  averageVisits: number;
};

export type Statistics = Figures & {
  byDepartment: (Figures & { departmentId: string; departmentName: string })[];
  byRegion: (Figures & { regionCode: string; regionName: string })[];
};

export type ThemeCount = { theme: Theme; label: string; object: 'person' | 'company'; count: number };

/** The filters of the public lists, as they appear in the page address. */
export type MatterFilters = {
  q?: string;
  region?: string;
  departmentId?: string;
  theme?: string;
  mode?: string;
  object?: string;
};
