import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../paging/page.query.js';

/** `GET /v1/users/:id/inbox?cursor=&limit=&unread=true` */
export class ListInboxQuery extends PageQuery {
  /** `true`: unread items only. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}
