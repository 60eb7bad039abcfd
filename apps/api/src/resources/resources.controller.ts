import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  AttachNotifierDto,
  type AttachmentView,
  type ListResponse,
  PutResourceDto,
  ResourceRefDto,
  type ResourceView,
} from '@herald/contracts';
import type { EffectiveAttachment } from '@herald/data';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { DetachParamsDto } from './detach-params.dto.js';
import { ListAttachmentsQuery } from './list-attachments.query.js';
import { ResourcesService } from './resources.service.js';

// `ResourceRefDto` validates `:kind` and `:id` with the same pattern events use for their source.
@Controller('v1/resources/:kind/:id')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Put()
  @RequireScope(ApiScope.Admin)
  put(@Param() ref: ResourceRefDto, @Body() resource: PutResourceDto): Promise<ResourceView> {
    return this.resources.put(ref, resource);
  }

  @Get()
  @RequireScope(ApiScope.Read)
  get(@Param() ref: ResourceRefDto): Promise<ResourceView> {
    return this.resources.get(ref);
  }

  @Delete()
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  delete(@Param() ref: ResourceRefDto): Promise<void> {
    return this.resources.delete(ref);
  }

  @Post('notifiers')
  @RequireScope(ApiScope.Admin)
  attach(@Param() ref: ResourceRefDto, @Body() attachment: AttachNotifierDto): Promise<AttachmentView> {
    return this.resources.attach(ref, attachment);
  }

  @Get('notifiers')
  @RequireScope(ApiScope.Read)
  attachments(
    @Param() ref: ResourceRefDto,
    @Query() query: ListAttachmentsQuery,
  ): Promise<ListResponse<AttachmentView | EffectiveAttachment>> {
    return query.effective === 'true' ? this.resources.effective(ref) : this.resources.attachments(ref);
  }

  @Delete('notifiers/:name')
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  detach(@Param() params: DetachParamsDto): Promise<void> {
    return this.resources.detach({ kind: params.kind, id: params.id }, params.name);
  }
}
