import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateHookSourceDto, type HookSourceView, type ListResponse } from '@herald/contracts';
import type { Response } from 'express';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody } from '../openapi/api-docs.decorators.js';
import { HOOK_SOURCE_LIST_SCHEMA, HOOK_SOURCE_SCHEMA } from './hook-source.schema.js';
import { HookSourcesService } from './hook-sources.service.js';

const schema = HOOK_SOURCE_SCHEMA as never;

@ApiTags('hooks')
@Controller('v1/admin/hook-sources')
@RequireScope(ApiScope.Admin)
export class HookSourcesController {
  constructor(private readonly sources: HookSourcesService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a hook source, or replace its secret',
    description:
      'One source per (provider, account): `201` when created, `200` when an existing one got the new ' +
      'secret. The secret is encrypted at rest and always shown as `$encrypted$`.',
  })
  @ApiJsonBody(CreateHookSourceDto)
  @ApiCreatedResponse({ schema })
  @ApiOkResponse({ schema })
  async upsert(
    @Body() source: CreateHookSourceDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HookSourceView> {
    const { view, created } = await this.sources.upsert(source);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'List hook sources' })
  @ApiOkResponse({ schema: HOOK_SOURCE_LIST_SCHEMA as never })
  list(): Promise<ListResponse<HookSourceView>> {
    return this.sources.list();
  }

  @Get(':provider/:account')
  @ApiOperation({ summary: 'Get a hook source' })
  @ApiOkResponse({ schema })
  @ApiErrors(404)
  get(@Param('provider') provider: string, @Param('account') account: string): Promise<HookSourceView> {
    return this.sources.get(provider, account);
  }

  @Delete(':provider/:account')
  @ApiOperation({
    summary: 'Delete a hook source',
    description: 'Its hooks are refused (`404`) from then on.',
  })
  @ApiNoContentResponse()
  @ApiErrors(404)
  @HttpCode(HttpStatus.NO_CONTENT)
  delete(@Param('provider') provider: string, @Param('account') account: string): Promise<void> {
    return this.sources.delete(provider, account);
  }
}
