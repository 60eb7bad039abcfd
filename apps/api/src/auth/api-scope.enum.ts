/** What an API key may do. `admin` includes every other scope. */
export enum ApiScope {
  EventsWrite = 'events:write',
  Read = 'read',
  Admin = 'admin',
}
