import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  AttachNotifierDto,
  type AttachmentView,
  type ListResponse,
  PutResourceDto,
  ResourceRefDto,
  type ResourceView,
} from '@herald/contracts';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { EffectiveAttachment } from '@herald/data';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody, ApiParamsFrom, ApiQueryFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { DetachParamsDto } from './detach-params.dto.js';
import { ListAttachmentsQuery } from './list-attachments.query.js';
import { ResourcesService } from './resources.service.js';

// `ResourceRefDto` validates `:kind` and `:id` with the same pattern events use for their source.
@ApiTags('resources')
@Controller('v1/resources/:kind/:id')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Put()
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Create or replace a resource node',
    description: 'A parent that would make a cycle is a 409.',
  })
  @ApiParamsFrom(ResourceRefDto)
  @ApiJsonBody(PutResourceDto)
  @ApiOkResponse({ schema: viewRef('ResourceView') })
  @ApiErrors(409)
  put(@Param() ref: ResourceRefDto, @Body() resource: PutResourceDto): Promise<ResourceView> {
    return this.resources.put(ref, resource);
  }

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'A resource node' })
  @ApiParamsFrom(ResourceRefDto)
  @ApiOkResponse({ schema: viewRef('ResourceView') })
  @ApiErrors(400, 404)
  get(@Param() ref: ResourceRefDto): Promise<ResourceView> {
    return this.resources.get(ref);
  }

  @Delete()
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Delete a resource node',
    description: 'Its attachments go; its children stay, as roots.',
  })
  @ApiParamsFrom(ResourceRefDto)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404)
  delete(@Param() ref: ResourceRefDto): Promise<void> {
    return this.resources.delete(ref);
  }

  @Post('notifiers')
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Attach a notifier for triggers',
    description:
      'Triggers: `started`, `success`, `error`, `approval`, `any`, or an event-type glob such as `github.*`.',
  })
  @ApiParamsFrom(ResourceRefDto)
  @ApiJsonBody(AttachNotifierDto)
  @ApiCreatedResponse({ schema: viewRef('AttachmentView') })
  @ApiErrors(404)
  attach(@Param() ref: ResourceRefDto, @Body() attachment: AttachNotifierDto): Promise<AttachmentView> {
    return this.resources.attach(ref, attachment);
  }

  @Get('notifiers')
  @RequireScope(ApiScope.Read)
  @ApiOperation({
    summary: 'Notifiers attached here, or (`effective=true`) those that apply here',
    description:
      'Effective items carry `inheritedFrom` (null: attached here) and, when only the deployment ' +
      'defaults apply, `viaDefaults: true`.',
  })
  @ApiParamsFrom(ResourceRefDto)
  @ApiQueryFrom(ListAttachmentsQuery)
  @ApiOkResponse({ schema: viewRef('AttachmentList') })
  @ApiErrors(400, 404)
  attachments(
    @Param() ref: ResourceRefDto,
    @Query() query: ListAttachmentsQuery,
  ): Promise<ListResponse<AttachmentView | EffectiveAttachment>> {
    return query.effective === 'true' ? this.resources.effective(ref) : this.resources.attachments(ref);
  }

  @Delete('notifiers/:name')
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: 'Detach a notifier' })
  @ApiParamsFrom(DetachParamsDto)
  @ApiNoContentResponse({ description: 'Detached' })
  @ApiErrors(400, 404)
  detach(@Param() params: DetachParamsDto): Promise<void> {
    return this.resources.detach({ kind: params.kind, id: params.id }, params.name);
  }
}
