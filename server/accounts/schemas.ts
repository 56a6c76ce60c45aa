export {
  AccountView,
  GrantView,
  MeSchema,
  Password,
  RoleGrantInput,
  RoleName,
  RoleView,
  SignedIn,
} from '../../common/accounts/api.ts';
