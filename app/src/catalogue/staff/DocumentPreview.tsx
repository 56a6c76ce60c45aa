import '../guide.css';
import type { ImplementationDocument } from '../../../../common/catalogue/guide.ts';
import { GuideFacts } from '../GuideFacts.tsx';
import {
  ConditionsSection,
  ContactsSection,
  FeesSection,
  MaterialsSection,
  PlacesSection,
  ResultSection,
  StepsSection,
} from '../GuideSections.tsx';
import { FormOutline } from './form/FormOutline.tsx';

/** A version's document as citizens will see it in the guide. */
export function DocumentPreview({ document }: { document: ImplementationDocument }) {
  return (
    <div className="guide guide-preview" data-testid="document-preview">
      <h2 className="guide-title">{document.name}</h2>
      <GuideFacts document={document} />
      <ConditionsSection document={document} />
      <MaterialsSection document={document} />
      {document.form ? <FormOutline form={document.form} materials={document.materials} /> : null}
      <StepsSection document={document} />
      <PlacesSection document={document} />
      <FeesSection document={document} />
      <ContactsSection document={document} />
      <ResultSection document={document} />
    </div>
  );
}
