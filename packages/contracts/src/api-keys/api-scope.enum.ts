/** What an API key may do. `admin` includes every other scope. */
export enum ApiScope {
  EventsWrite = 'events:write',
  Read = 'read',
  Admin = 'admin',
}

export const API_SCOPES: readonly ApiScope[] = Object.values(ApiScope);
