import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import { ApiEnv } from '../config/api-env.js';
import { ApiScope } from './api-scope.enum.js';
import { hashApiKey } from './api-key-credentials.js';

export const BOOTSTRAP_ADMIN_KEY_NAME = 'bootstrap-admin';

/** Installs HERALD_ADMIN_KEY as an admin key on every start, so a fresh deployment has a first key. */
@Injectable()
export class BootstrapAdminKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly env: ApiEnv,
    private readonly data: HeraldData,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.adminKey) {
      this.logger.log('HERALD_ADMIN_KEY is not set: no bootstrap admin key installed');
      return;
    }
    await this.data.apiKeys.ensure(BOOTSTRAP_ADMIN_KEY_NAME, hashApiKey(this.env.adminKey), [ApiScope.Admin]);
  }
}
