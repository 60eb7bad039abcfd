import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ApiEnv } from './api-env.js';

/** Makes the validated environment injectable everywhere; built once by createApp. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: ApiEnv): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ApiEnv, useValue: env }], exports: [ApiEnv] };
  }
}
