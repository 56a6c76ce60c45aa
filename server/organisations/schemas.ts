export { DateTime, HallView, OrganisationView, WindowView } from '../../common/organisations/api.ts';
