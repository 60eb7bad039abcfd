import { IsIn, IsOptional } from 'class-validator';

/** `GET /v1/resources/:kind/:id/notifiers?effective=true` */
export class ListAttachmentsQuery {
  /** `true`: what applies here, inherited attachments and deployment defaults included. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'effective must be true or false' })
  effective?: 'true' | 'false';
}
