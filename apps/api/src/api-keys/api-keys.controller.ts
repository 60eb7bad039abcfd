import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ApiKeyView,
  CreateApiKeyDto,
  type CreatedApiKeyView,
  type ListResponse,
} from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody, ApiQueryFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { ApiKeysService } from './api-keys.service.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';

@ApiTags('admin')
@Controller('v1/admin/api-keys')
@RequireScope(ApiScope.Admin)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description: 'The answer is the only one that carries the key; Herald keeps its SHA-256.',
  })
  @ApiJsonBody(CreateApiKeyDto)
  @ApiCreatedResponse({ schema: viewRef('CreatedApiKeyView') })
  create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List API keys, newest first',
    description: '`revoked=true` lists revoked keys too.',
  })
  @ApiQueryFrom(ListApiKeysQuery)
  @ApiOkResponse({ schema: viewRef('ApiKeyList') })
  @ApiErrors(400)
  list(@Query() query: ListApiKeysQuery): Promise<ListResponse<ApiKeyView>> {
    return this.apiKeys.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An API key, without its secret' })
  @ApiOkResponse({ schema: viewRef('ApiKeyView') })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<ApiKeyView> {
    return this.apiKeys.get(id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key', description: 'It stops working at once; its record stays.' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(404)
  revoke(@Param('id') id: string): Promise<void> {
    return this.apiKeys.revoke(id);
  }
}
