import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import { dataProvider } from './data.provider.js';

@Global()
@Module({ providers: [dataProvider], exports: [HeraldData] })
export class DataModule implements OnApplicationShutdown {
  constructor(private readonly data: HeraldData) {}

  async onApplicationShutdown(): Promise<void> {
    await this.data.close();
  }
}
