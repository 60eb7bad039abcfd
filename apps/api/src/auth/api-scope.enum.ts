// Defined once in the contracts, beside the API-key DTOs that take scopes; re-exported for the routes.
export { ApiScope } from '@herald/contracts';
