import { Injectable } from '@nestjs/common';
import {
  type CreateHookSourceDto,
  hookSecretProblems,
  type HookSourceView,
  isHookProvider,
  type ListResponse,
  MASKED_SECRET,
} from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { ApiError } from '../errors/api-error.js';
import { toHookSourceView } from './hook-source-view.mapper.js';

/** Admin of the senders of inbound hooks; @herald/data encrypts their secrets before Postgres sees them. */
@Injectable()
export class HookSourcesService {
  constructor(private readonly data: HeraldData) {}

  /** Creates the source, or gives an existing one (same provider and account) the new secret. */
  async upsert(source: CreateHookSourceDto): Promise<{ view: HookSourceView; created: boolean }> {
    const problems = [
      ...(source.secret === MASKED_SECRET ? ['secret must be the secret itself, not $encrypted$'] : []),
      ...hookSecretProblems(source.provider, source.secret),
    ];
    if (problems.length > 0) throw ApiError.invalid([{ field: 'secret', messages: problems }]);
    const { record, created } = await this.data.hookSources.upsert(source);
    return { view: toHookSourceView(record), created };
  }

  async list(): Promise<ListResponse<HookSourceView>> {
    // Hook sources are few: one page.
    return { items: (await this.data.hookSources.list()).map(toHookSourceView), nextCursor: null };
  }

  async get(provider: string, account: string): Promise<HookSourceView> {
    const record = isHookProvider(provider) ? await this.data.hookSources.find(provider, account) : null;
    if (!record) throw notFound(provider, account);
    return toHookSourceView(record);
  }

  async delete(provider: string, account: string): Promise<void> {
    if (!(await this.data.hookSources.delete(provider, account))) throw notFound(provider, account);
  }
}

function notFound(provider: string, account: string): ApiError {
  return ApiError.notFound(`No hook source ${provider}/${account}`);
}
