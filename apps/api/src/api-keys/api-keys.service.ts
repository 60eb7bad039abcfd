import { Injectable } from '@nestjs/common';
import type { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView, ListResponse } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { hashApiKey } from '../auth/api-key-credentials.js';
import { ApiError } from '../errors/api-error.js';
import { generateApiKey } from './api-key-secret.js';
import { DEFAULT_PAGE_SIZE, type ListApiKeysQuery } from './list-api-keys.query.js';

@Injectable()
export class ApiKeysService {
  constructor(private readonly data: HeraldData) {}

  /** The key is in this answer only: what is stored is its SHA-256, as for HERALD_ADMIN_KEY. */
  async create(body: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    const key = generateApiKey();
    const view = await this.data.apiKeys.create({
      name: body.name,
      keyHash: hashApiKey(key),
      scopes: body.scopes,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      rateLimitPerMinute: body.rateLimitPerMinute ?? null,
    });
    return { ...view, key };
  }

  list(query: ListApiKeysQuery): Promise<ListResponse<ApiKeyView>> {
    return this.data.apiKeys.list({
      includeRevoked: query.revoked === 'true',
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
  }

  async get(id: string): Promise<ApiKeyView> {
    const view = await this.data.apiKeys.findView(id);
    if (!view) throw notFound(id);
    return view;
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.data.apiKeys.revoke(id))) throw notFound(id);
  }
}

function notFound(id: string): ApiError {
  return ApiError.notFound(`API key "${id}" not found`);
}
